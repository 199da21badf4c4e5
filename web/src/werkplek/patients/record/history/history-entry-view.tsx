import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isProblemError } from '../../../../api/client';
import { currentLanguage } from '../../../../i18n';
import { formatDateTime } from '../../../../ui/format';
import { ProblemAlert } from '../../../../ui/problem-alert';
import { QuestionnaireForm } from '../../../forms/questionnaire-form';
import { ReferralSummary } from '../../../referrals/referral-summary';
import { patientPath } from '../../patient-paths';
import { type HistoryEntryDetail, historyEntryQuery, localText } from '../clinical-record-api';

const versionKey = 'versie';

/** The task page, editing an entry (docs/clinical-record.md §3): `/werkplek/patienten/:id/taak/:formKey?entry=ID`. */
export function editEntryPath(patientId: string, formKey: string, entryId: string): string {
  return `${patientPath(patientId)}/taak/${encodeURIComponent(formKey)}?${new URLSearchParams({ entry: entryId })}`;
}

/**
 * One entry of the Historie, read-only (seed 001 §6.3): the form with its answers, every version readable
 * (`?versie=1`), and "Bewerken" bottom left when the viewer may edit. A migrated Medix 3 journal line shows its text.
 */
export function HistoryEntryView({ patientId, entryId, backTo }: { patientId: string; entryId: string; backTo: string }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = Number(searchParams.get(versionKey));
  const version = Number.isInteger(asked) && asked >= 1 ? asked : undefined;
  const query = useQuery(historyEntryQuery(patientId, entryId, version));

  const back = (
    <Button component={Link} to={backTo} variant="subtle" size="compact-sm" px={4} style={{ alignSelf: 'flex-start' }}>
      ← {t('werkplek.history.entry.back')}
    </Button>
  );

  if (query.isPending) {
    return (
      <Stack gap="md">
        {back}
        <Loader aria-label={t('werkplek.shell.loading')} />
      </Stack>
    );
  }
  if (query.isError) {
    const notFound = isProblemError(query.error) && query.error.status === 404;
    return (
      <Stack gap="md">
        {back}
        {notFound ? (
          <Alert color="gray" variant="light" title={t('werkplek.history.entry.notFoundTitle')}>
            {t('werkplek.history.entry.notFound')}
          </Alert>
        ) : (
          <ProblemAlert error={query.error} />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {back}
      <EntryContent
        patientId={patientId}
        detail={query.data}
        version={version}
        onVersion={(next) => {
          const params = new URLSearchParams(searchParams);
          const newest = Math.max(...query.data.versions.map((each) => each.version), query.data.entry.version);
          if (next === newest) params.delete(versionKey);
          else params.set(versionKey, String(next));
          setSearchParams(params, { replace: true });
        }}
      />
    </Stack>
  );
}

function EntryContent({
  patientId,
  detail,
  version,
  onVersion,
}: {
  patientId: string;
  detail: HistoryEntryDetail;
  version: number | undefined;
  onVersion: (version: number) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { entry } = detail;
  const legacy = entry.kind === 'legacy-journal';
  const title = localText(entry.title, language) || (legacy ? t('werkplek.history.entry.legacyTitle') : '');
  const versions = [...detail.versions].sort((a, b) => b.version - a.version);
  const count = versions.length;
  const newest = versions[0]?.version ?? entry.version;
  // The version asked for in the address, else the newest.
  const current = versions.find((each) => each.version === version)?.version ?? newest;
  const viewing = versions.find((each) => each.version === current);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="sm" align="center">
            <Title order={2} size="h3">
              {title}
            </Title>
            {legacy && (
              <Badge variant="light" color="gray" tt="none">
                {t('werkplek.history.migrated')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {[
              formatDateTime(viewing?.publishedAt ?? entry.publishedAt),
              entry.author.roleName
                ? `${viewing?.authorName ?? entry.author.name} (${localText(entry.author.roleName, language)})`
                : (viewing?.authorName ?? entry.author.name),
              entry.organisationName,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>

        {!legacy && count > 0 && (
          <Select
            label={t('werkplek.history.entry.version')}
            data={versions.map((each) => ({
              value: String(each.version),
              label: t('werkplek.history.entry.versionOption', {
                version: each.version,
                count,
                date: formatDateTime(each.publishedAt),
                author: each.authorName,
              }),
            }))}
            value={String(current)}
            onChange={(value) => value && onVersion(Number(value))}
            allowDeselect={false}
            maw={480}
          />
        )}
        {!legacy && current !== newest && (
          <Alert color="yellow" variant="light">
            {t('werkplek.history.entry.olderVersion')}
          </Alert>
        )}

        {detail.referral && <ReferralSummary patientId={patientId} entryId={entry.id} referral={detail.referral} />}

        {legacy ? (
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{detail.text ?? ''}</Text>
        ) : detail.questionnaire && detail.response ? (
          <QuestionnaireForm
            questionnaire={detail.questionnaire}
            value={detail.response}
            readOnly
            language={language.startsWith('en') ? 'en' : 'nl'}
          />
        ) : null}

        {!legacy && entry.canEdit && (
          <Group justify="flex-start">
            <Button component={Link} to={editEntryPath(patientId, entry.formKey, entry.id)}>
              {t('werkplek.history.entry.edit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
