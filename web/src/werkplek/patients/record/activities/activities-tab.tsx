import { type Programme, programmeName } from '@keten/forms';
import { Badge, Button, Group, List, Loader, Paper, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../ui/format';
import { ProblemAlert } from '../../../../ui/problem-alert';
import { useFormLanguage } from '../../../forms/form-language';
import { taskPath } from '../../../forms/task-paths';
import { type ActivityGroup, activitiesQuery, type Task } from '../../../forms/tasks-api';

/**
 * Activiteiten (seed 001 §5.2, §6): the tasks this role may start for the patient, grouped by open trajectory.
 * An inactive task shows its unmet criteria on hover and on keyboard focus (§6.2); a once-only task that was done is
 * disabled; a task with the user's draft says "Concept".
 */
export function ActivitiesTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useQuery(activitiesQuery(patientId));

  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <ProblemAlert error={query.error} />
        <Button variant="default" onClick={() => void query.refetch()}>
          {t('werkplek.shell.retry')}
        </Button>
      </Stack>
    );
  }
  const groups = query.data.groups.filter((group) => group.tasks.length > 0);
  return (
    <Stack gap="lg">
      <Text c="dimmed">{t('werkplek.activities.intro')}</Text>
      {groups.length === 0 ? (
        <Text>{t('werkplek.activities.empty')}</Text>
      ) : (
        groups.map((group) => (
          <GroupPanel key={group.trajectory?.id ?? group.programme ?? 'general'} patientId={patientId} group={group} />
        ))
      )}
    </Stack>
  );
}

function GroupPanel({ patientId, group }: { patientId: string; group: ActivityGroup }) {
  const { t } = useTranslation();
  const language = useFormLanguage();
  const headingId = useId();
  const programme = (code: Programme) => programmeName(code, language);
  const heading =
    group.programme === null
      ? t('werkplek.activities.general')
      : group.trajectory
        ? t('werkplek.activities.since', { programme: programme(group.programme), date: formatDate(group.trajectory.startedOn) })
        : programme(group.programme);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {heading}
          </Title>
          {group.trajectory && (
            <Text size="sm" c="dimmed">
              {t('werkplek.activities.organisation', { organisation: group.trajectory.organisationName })}
            </Text>
          )}
        </div>
        <Group gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {group.tasks.map((task) => (
            <li key={task.formKey}>
              <TaskButton patientId={patientId} task={task} />
            </li>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

function TaskButton({ patientId, task }: { patientId: string; task: Task }) {
  const { t } = useTranslation();
  const language = useFormLanguage();
  const reasonId = useId();
  const title = task.title[language];
  // The separator keeps the accessible name readable: "Consult POH/huisarts, Concept".
  const draft = task.draft ? (
    <>
      <VisuallyHidden>, </VisuallyHidden>
      <Badge
        variant="filled"
        color="yellow.3"
        c="dark.8"
        tt="none"
        size="sm"
        title={t('werkplek.activities.draftSaved', { date: formatDate(task.draft.savedAt) })}
      >
        {t('werkplek.activities.draft')}
      </Badge>
    </>
  ) : undefined;

  if (task.active && !task.usedOnce) {
    return (
      <Button component={Link} to={taskPath(patientId, task.formKey)} variant="light" rightSection={draft}>
        {title}
      </Button>
    );
  }

  // Not startable. A disabled <button> cannot take focus, so the tooltip would never show for keyboard users:
  // the button stays focusable, says aria-disabled, does nothing, and names its reasons (aria-describedby).
  const reasons = task.usedOnce ? [t('werkplek.activities.usedOnce')] : task.unmet.map((criterion) => criterion.text[language]);
  const label = (
    <Stack gap={4}>
      {!task.usedOnce && (
        <Text size="sm" fw={600}>
          {t('werkplek.activities.criteria')}
        </Text>
      )}
      {reasons.length === 1 && task.usedOnce ? (
        <Text size="sm">{reasons[0]}</Text>
      ) : (
        <List size="sm" c="inherit" withPadding={false} styles={{ itemWrapper: { color: 'inherit' } }}>
          {reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
  return (
    <>
      <Tooltip
        label={label}
        events={{ hover: true, focus: true, touch: true }}
        multiline
        maw={340}
        withArrow
        position="bottom-start"
      >
        <Button
          variant="light"
          data-disabled
          aria-disabled="true"
          aria-describedby={reasonId}
          rightSection={draft}
          onClick={(event) => event.preventDefault()}
        >
          {title}
        </Button>
      </Tooltip>
      <VisuallyHidden id={reasonId}>
        {task.usedOnce
          ? t('werkplek.activities.usedOnce')
          : `${t('werkplek.activities.inactive')}. ${t('werkplek.activities.criteria')} ${reasons.join('; ')}`}
      </VisuallyHidden>
    </>
  );
}
