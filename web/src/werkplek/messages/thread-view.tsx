import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import { patientPath } from '../patients/patient-paths';
import { AttachmentPicker, formatSize } from './attachment-picker';
import { type Attachment, attachmentUrl, threadQuery, useArchive, useReply } from './messages-api';
import { messagesPaths } from './messages-paths';

/** One thread: the messages in order, attachments to download, a reply box; opening it marks it read. */
export function ThreadView({ threadId }: { threadId: string }) {
  const { t, i18n } = useTranslation();
  const thread = useQuery(threadQuery(threadId));
  usePageTitle(thread.data?.subject ?? t('werkplek.nav.messages'), 'werkplek');
  const reply = useReply(threadId);
  const archive = useArchive(threadId);
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [empty, setEmpty] = useState(false);
  const english = i18n.language === 'en';
  const me = useCurrentSession().account.id;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    reply.mutate(
      { body: body.trim(), attachmentIds: attachments.map((attachment) => attachment.id) },
      {
        onSuccess: () => {
          setBody('');
          setAttachments([]);
        },
      },
    );
  }

  if (thread.isPending) return <Loader aria-label={t('werkplek.messages.loading')} />;
  if (thread.isError) return <ProblemAlert error={thread.error} />;
  const data = thread.data;

  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={messagesPaths.inbox}>
        {t('werkplek.messages.backToInbox')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{data.subject}</Title>
          <Group gap="xs">
            <Badge variant="light" color={data.kind === 'helpdesk' ? 'grape' : data.kind === 'consultation' ? 'teal' : 'blue'}>
              {t(`werkplek.messages.kind.${data.kind}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('werkplek.messages.with', {
                names: data.participants
                  .filter((p) => p.accountId !== me)
                  .map((p) => `${p.name} (${p.organisation})`)
                  .join(', '),
              })}
            </Text>
          </Group>
        </Stack>
        <Button variant="default" loading={archive.isPending} onClick={() => archive.mutate(!data.archived)}>
          {data.archived ? t('werkplek.messages.unarchive') : t('werkplek.messages.toArchive')}
        </Button>
      </Group>
      {data.patient && (
        <Alert variant="light" color="blue" title={t('werkplek.messages.aboutPatientTitle')}>
          <Anchor component={Link} to={patientPath(data.patient.id)}>
            {data.patient.name}
          </Anchor>{' '}
          ({t('werkplek.messages.born', { date: formatDate(data.patient.birthDate) })})
        </Alert>
      )}
      <Stack
        gap="sm"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('werkplek.messages.messagesLabel')}
      >
        {data.messages.map((message) => (
          <Paper
            key={message.id}
            component="li"
            withBorder
            p="md"
            radius="md"
            bg={message.mine ? 'var(--mantine-color-gray-0)' : undefined}
          >
            <Group justify="space-between" mb={6}>
              <Text fw={600}>
                {message.author.name}{' '}
                <Text span c="dimmed" fw={400} size="sm">
                  {english ? message.author.role.en : message.author.role.nl}, {message.author.organisation}
                </Text>
              </Text>
              <Text size="sm" c="dimmed">
                {formatDateTime(message.createdAt)}
              </Text>
            </Group>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.body}</Text>
            {message.attachments.length > 0 && (
              <Group gap="sm" mt="sm">
                {message.attachments.map((attachment) => (
                  <Anchor key={attachment.id} href={attachmentUrl(attachment.id)} download={attachment.fileName} size="sm">
                    {attachment.fileName} ({formatSize(attachment.size)})
                  </Anchor>
                ))}
              </Group>
            )}
          </Paper>
        ))}
      </Stack>
      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        onSubmit={submit}
        noValidate
        aria-label={t('werkplek.messages.reply')}
      >
        <Stack gap="sm">
          <Textarea
            label={t('werkplek.messages.reply')}
            autosize
            minRows={3}
            maxLength={10000}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={empty ? t('werkplek.messages.errors.body') : undefined}
          />
          <AttachmentPicker value={attachments} onChange={setAttachments} />
          {reply.isError && <ProblemAlert error={reply.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={reply.isPending}>
              {t('werkplek.messages.sendReply')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
