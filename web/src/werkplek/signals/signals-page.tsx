import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import { mayOpen, werkplekPaths } from '../navigation';
import { patientPath } from '../patients/patient-paths';
import { signalsQuery } from '../referrals/referrals-api';
import { ResultSignalsSection } from './result-signals-section';

/**
 * Signalen (seed 001 §3.3): notices about patients, under a heading per kind — Verwijzingen (referrals to my
 * organisation not opened yet; opening the patient asks the relationship and clears the signal), Uitslagen (new results
 * of my patients since "Gezien", result-signals-section.tsx) and Berichten.
 */
export function SignalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.nav.signals'), 'werkplek');
  const session = useCurrentSession();
  const query = useQuery(signalsQuery());

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('werkplek.nav.signals')}</Title>
        <Text c="dimmed">{t('werkplek.signals.intro')}</Text>
      </Stack>
      {query.isPending && <Loader aria-label={t('werkplek.shell.loading')} />}
      {query.isError && (
        <Stack gap="sm" align="flex-start">
          <ProblemAlert error={query.error} />
          <Button onClick={() => void query.refetch()}>{t('werkplek.shell.retry')}</Button>
        </Stack>
      )}
      {query.data && (
        <>
          <Stack gap="sm" component="section" aria-labelledby="signals-referrals">
            <Group gap="sm">
              <Title order={2} size="h3" id="signals-referrals">
                {t('werkplek.signals.referrals')}
              </Title>
              <Badge variant="filled" color={query.data.referrals > 0 ? 'red' : 'gray'} data-testid="signals-referrals-count">
                {query.data.referrals}
              </Badge>
            </Group>
            {query.data.referralItems.length === 0 ? (
              <Text c="dimmed">{t('werkplek.signals.noReferrals')}</Text>
            ) : (
              <Paper withBorder radius="md">
                <Table.ScrollContainer minWidth={720}>
                  <Table striped highlightOnHover verticalSpacing="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('werkplek.signals.columns.received')}</Table.Th>
                        <Table.Th>{t('werkplek.signals.columns.patient')}</Table.Th>
                        <Table.Th>{t('werkplek.signals.columns.from')}</Table.Th>
                        <Table.Th>{t('werkplek.signals.columns.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {query.data.referralItems.map((item) => (
                        <Table.Tr key={item.id}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.createdAt)}</Table.Td>
                          <Table.Td>
                            <Anchor component={Link} to={patientPath(item.patientId)} fw={600}>
                              {item.patientName}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {item.patientDisplayId} · {formatDate(item.birthDate)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{item.fromName}</Text>
                            <Text size="xs" c="dimmed">
                              {item.fromOrganisationName}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {item.urgency === 'spoed' && (
                              <Badge color="red" variant="light" mr="xs">
                                {t('werkplek.referrals.view.urgencies.spoed')}
                              </Badge>
                            )}
                            <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                              {item.reason}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </Stack>
          <ResultSignalsSection count={query.data.results} items={query.data.resultItems} />
          {query.data.messages !== null && (
            <Stack gap="sm" component="section" aria-labelledby="signals-messages">
              <Group gap="sm">
                <Title order={2} size="h3" id="signals-messages">
                  {t('werkplek.signals.messages')}
                </Title>
                <Badge variant="filled" color={query.data.messages > 0 ? 'red' : 'gray'}>
                  {query.data.messages}
                </Badge>
              </Group>
              {query.data.messages === 0 ? (
                <Text c="dimmed">{t('werkplek.signals.noMessages')}</Text>
              ) : (
                <Alert variant="light" color="blue">
                  <Group gap="sm">
                    <Text size="sm">{t('werkplek.signals.unreadMessages', { count: query.data.messages })}</Text>
                    {mayOpen('messages', session.navigation) && (
                      <Anchor component={Link} to={werkplekPaths.messages} size="sm">
                        {t('werkplek.signals.toMessages')}
                      </Anchor>
                    )}
                  </Group>
                </Alert>
              )}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
