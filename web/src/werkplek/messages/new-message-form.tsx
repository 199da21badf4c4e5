import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { isProblemError } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { AttachmentPicker } from './attachment-picker';
import { type Attachment, type DirectoryEntry, directoryQuery, type RecipientGroup, useSendMessage } from './messages-api';
import { type ComposeState, messagesPaths } from './messages-paths';
import { SubjectBodyFields } from './subject-body-fields';

type GroupChoice = { key: string; label: string; group: RecipientGroup };

/**
 * Nieuw bericht: to one or more providers (search by name, organisation or role) and/or a group (all accounts of a
 * role in the region, or of an organisation: a consultation message). Opened from the Infopaneel it is about that
 * patient; the server then accepts only recipients who may see the patient and names the others.
 */
export function NewMessageForm() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('werkplek.messages.new'), 'werkplek');
  const location = useLocation();
  const navigate = useNavigate();
  const initial = (location.state ?? {}) as ComposeState;
  const [patient, setPatient] = useState(initial.patient ?? null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [recipients, setRecipients] = useState<DirectoryEntry[]>([]);
  const [groups, setGroups] = useState<GroupChoice[]>([]);
  const [groupType, setGroupType] = useState<'role' | 'organisation'>('role');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const directory = useQuery(directoryQuery(debounced.length >= 2 ? debounced : ''));
  const send = useSendMessage();
  const english = i18n.language === 'en';

  const found = (directory.data?.accounts ?? []).filter((entry) => !recipients.some((r) => r.accountId === entry.accountId));
  const groupOptions: GroupChoice[] =
    groupType === 'role'
      ? (directory.data?.groups.roles ?? []).map((role) => ({
          key: `role:${role.code}`,
          label: t('werkplek.messages.roleGroup', { role: english ? role.en : role.nl, count: role.members }),
          group: { type: 'role', role: role.code },
        }))
      : (directory.data?.groups.organisations ?? []).map((org) => ({
          key: `organisation:${org.id}`,
          label: t('werkplek.messages.organisationGroup', { organisation: org.name, count: org.members }),
          group: { type: 'organisation', organisationId: org.id },
        }));

  const serverErrors = isProblemError(send.error) ? send.error.errors : [];
  const fieldError = (field: string) => missing[field] ?? serverErrors.find((error) => error.field === field)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (recipients.length === 0 && groups.length === 0) problems.recipients = t('werkplek.messages.errors.recipients');
    if (!subject.trim()) problems.subject = t('werkplek.messages.errors.subject');
    if (!body.trim()) problems.body = t('werkplek.messages.errors.body');
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    send.mutate(
      {
        subject: subject.trim(),
        body: body.trim(),
        recipients: recipients.map((recipient) => recipient.accountId),
        groups: groups.map((choice) => choice.group),
        patientId: patient?.id ?? null,
        attachmentIds: attachments.map((attachment) => attachment.id),
      },
      { onSuccess: (sent) => navigate(messagesPaths.thread(sent.threadId), { state: { sent: sent.recipients } }) },
    );
  }

  return (
    <Stack gap="lg" maw={820}>
      <Group gap="sm">
        <Anchor component={Link} to={messagesPaths.inbox}>
          {t('werkplek.nav.messages')}
        </Anchor>
      </Group>
      <Title order={1}>{t('werkplek.messages.new')}</Title>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate aria-label={t('werkplek.messages.new')}>
        <Stack gap="md">
          {patient && (
            <Alert variant="light" color="blue" title={t('werkplek.messages.aboutPatientTitle')}>
              <Group justify="space-between" wrap="nowrap">
                <Text>
                  {patient.name} ({patient.displayId})
                </Text>
                <CloseButton aria-label={t('werkplek.messages.removePatient')} onClick={() => setPatient(null)} />
              </Group>
              <Text size="sm" mt={4}>
                {t('werkplek.messages.aboutPatientHint')}
              </Text>
            </Alert>
          )}

          <Stack gap={6}>
            <TextInput
              label={t('werkplek.messages.to')}
              description={t('werkplek.messages.toHint')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              error={fieldError('recipients')}
            />
            {(recipients.length > 0 || groups.length > 0) && (
              <Group gap="xs" aria-label={t('werkplek.messages.chosen')} role="list">
                {recipients.map((recipient) => (
                  <Badge
                    key={recipient.accountId}
                    role="listitem"
                    size="lg"
                    variant="light"
                    tt="none"
                    rightSection={
                      <CloseButton
                        size="xs"
                        aria-label={t('werkplek.messages.removeRecipient', { name: recipient.name })}
                        onClick={() => setRecipients(recipients.filter((r) => r.accountId !== recipient.accountId))}
                      />
                    }
                  >
                    {recipient.name} · {recipient.organisation.name}
                  </Badge>
                ))}
                {groups.map((choice) => (
                  <Badge
                    key={choice.key}
                    role="listitem"
                    size="lg"
                    variant="light"
                    color="teal"
                    tt="none"
                    rightSection={
                      <CloseButton
                        size="xs"
                        aria-label={t('werkplek.messages.removeRecipient', { name: choice.label })}
                        onClick={() => setGroups(groups.filter((other) => other.key !== choice.key))}
                      />
                    }
                  >
                    {choice.label}
                  </Badge>
                ))}
              </Group>
            )}
            {debounced.length >= 2 && directory.data && (
              <Stack gap={4} aria-label={t('werkplek.messages.results')} role="list">
                {found.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('werkplek.messages.noResults')}
                  </Text>
                )}
                {found.slice(0, 8).map((entry) => (
                  <Group key={entry.accountId} justify="space-between" role="listitem" wrap="nowrap">
                    <Text size="sm">
                      <strong>{entry.name}</strong> — {english ? entry.role.en : entry.role.nl}, {entry.organisation.name}
                    </Text>
                    <Button
                      size="compact-xs"
                      variant="light"
                      aria-label={t('werkplek.messages.addRecipient', { name: entry.name })}
                      onClick={() => {
                        setRecipients([...recipients, entry]);
                        setSearch('');
                      }}
                    >
                      {t('werkplek.messages.add')}
                    </Button>
                  </Group>
                ))}
              </Stack>
            )}
          </Stack>

          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('werkplek.messages.group')}
            </Text>
            <Group gap="sm" align="flex-end">
              <SegmentedControl
                size="xs"
                value={groupType}
                onChange={(value) => setGroupType(value as 'role' | 'organisation')}
                data={[
                  { value: 'role', label: t('werkplek.messages.byRole') },
                  { value: 'organisation', label: t('werkplek.messages.byOrganisation') },
                ]}
              />
              <Select
                aria-label={t('werkplek.messages.chooseGroup')}
                placeholder={t('werkplek.messages.chooseGroup')}
                searchable
                value={null}
                data={groupOptions
                  .filter((option) => !groups.some((g) => g.key === option.key))
                  .map((option) => ({ value: option.key, label: option.label }))}
                onChange={(key) => {
                  const choice = groupOptions.find((option) => option.key === key);
                  if (choice) setGroups([...groups, choice]);
                }}
                w={340}
              />
            </Group>
          </Stack>

          <SubjectBodyFields subject={subject} body={body} onSubject={setSubject} onBody={setBody} fieldError={fieldError} />
          <AttachmentPicker value={attachments} onChange={setAttachments} />
          {send.isError && <ProblemAlert error={send.error} shownFields={['recipients', 'subject', 'body']} />}
          <Group justify="flex-end">
            <Button component={Link} to={messagesPaths.inbox} variant="default">
              {t('werkplek.messages.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('werkplek.messages.send')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
