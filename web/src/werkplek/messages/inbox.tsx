import { Alert, Badge, Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { threadsQuery } from './messages-api';
import { messagesPaths } from './messages-paths';

/** Berichten (seed 001 §3.4): my threads, unread in bold, newest activity first; Inbox or Archief. */
export function Inbox() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.nav.messages'), 'werkplek');
  const [params, setParams] = useSearchParams();
  const box = params.get('map') === 'archief' ? 'archive' : 'inbox';
  const threads = useQuery(threadsQuery(box));
  const navigate = useNavigate();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('werkplek.nav.messages')}</Title>
        <Button component={Link} to={messagesPaths.compose}>
          {t('werkplek.messages.new')}
        </Button>
      </Group>
      <SegmentedControl
        w="fit-content"
        aria-label={t('werkplek.messages.folder')}
        value={box}
        onChange={(value) => setParams(value === 'archive' ? { map: 'archief' } : {})}
        data={[
          { value: 'inbox', label: t('werkplek.messages.inbox') },
          { value: 'archive', label: t('werkplek.messages.archive') },
        ]}
      />
      {threads.isPending && <Loader aria-label={t('werkplek.messages.loading')} />}
      {threads.isError && <ProblemAlert error={threads.error} />}
      {threads.data && threads.data.threads.length === 0 && (
        <Alert variant="light">{box === 'archive' ? t('werkplek.messages.emptyArchive') : t('werkplek.messages.empty')}</Alert>
      )}
      {threads.data && threads.data.threads.length > 0 && (
        <Table highlightOnHover verticalSpacing="sm" aria-label={t('werkplek.messages.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('werkplek.messages.subject')}</Table.Th>
              <Table.Th>{t('werkplek.messages.participants')}</Table.Th>
              <Table.Th>{t('werkplek.messages.lastMessage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {threads.data.threads.map((thread) => (
              <Table.Tr
                key={thread.id}
                data-unread={thread.unread || undefined}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(messagesPaths.thread(thread.id))}
              >
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap="xs" wrap="nowrap">
                      <Link
                        to={messagesPaths.thread(thread.id)}
                        style={{ fontWeight: thread.unread ? 700 : 400, color: 'inherit' }}
                        onClick={(event) => event.stopPropagation()}
                      >
                        {thread.subject}
                      </Link>
                      {thread.unread && (
                        <Badge size="xs" color="blue">
                          {t('werkplek.messages.unread')}
                        </Badge>
                      )}
                      {thread.kind !== 'personal' && (
                        <Badge size="xs" variant="light" color={thread.kind === 'helpdesk' ? 'grape' : 'teal'}>
                          {t(`werkplek.messages.kind.${thread.kind}`)}
                        </Badge>
                      )}
                      {thread.aboutPatient && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t('werkplek.messages.aboutPatient')}
                        </Badge>
                      )}
                    </Group>
                    {thread.preview && (
                      <Text size="sm" c="dimmed" lineClamp={1}>
                        {thread.preview}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{thread.participants.join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={thread.unread ? 700 : 400}>
                    {formatDateTime(thread.lastMessageAt)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <VisuallyHidden>{t('werkplek.messages.from')} </VisuallyHidden>
                    {thread.lastAuthor}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
