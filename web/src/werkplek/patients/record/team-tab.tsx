import { Box, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../ui/format';
import { ProblemAlert } from '../../../ui/problem-alert';
import classes from '../patients.module.css';
import { roleNameIn, teamQuery } from './record-api';

/**
 * Behandelteam (seed 001 §5.6): the providers who confirmed a treatment relationship, and the organisations
 * involved by enrolment or referral. The server leaves out whom this account may not see (e.g. POH-GGZ).
 */
export function TeamTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useQuery(teamQuery(patientId));
  const language = currentLanguage();

  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { members, organisations } = query.data;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('werkplek.patients.team.membersTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('werkplek.patients.team.membersIntro')}
          </Text>
          {members.length === 0 ? (
            <Text>{t('werkplek.patients.team.noMembers')}</Text>
          ) : (
            <Box className={classes.scroller}>
              <Table striped verticalSpacing="xs" className={classes.table}>
                <Table.Caption>{t('werkplek.patients.team.membersCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('werkplek.patients.team.columns.name')}</Table.Th>
                    <Table.Th scope="col">{t('werkplek.patients.team.columns.role')}</Table.Th>
                    <Table.Th scope="col">{t('werkplek.patients.team.columns.organisation')}</Table.Th>
                    <Table.Th scope="col">{t('werkplek.patients.team.columns.since')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((member) => (
                    <Table.Tr key={member.accountId}>
                      <Table.Td fw={600}>{member.name}</Table.Td>
                      <Table.Td>{roleNameIn(member.role, language)}</Table.Td>
                      <Table.Td>{member.organisation.name}</Table.Td>
                      <Table.Td className={classes.nowrap}>{formatDate(member.since)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          )}
        </Stack>
      </Paper>

      {organisations.length > 0 && (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('werkplek.patients.team.organisationsTitle')}
            </Title>
            <Box className={classes.scroller}>
              <Table striped verticalSpacing="xs" className={classes.table}>
                <Table.Caption>{t('werkplek.patients.team.organisationsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('werkplek.patients.team.columns.organisation')}</Table.Th>
                    <Table.Th scope="col">{t('werkplek.patients.team.columns.reason')}</Table.Th>
                    <Table.Th scope="col">{t('werkplek.patients.team.columns.since')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {organisations.map((entry) => (
                    <Table.Tr key={`${entry.organisation.id}-${entry.reason}`}>
                      <Table.Td fw={600}>{entry.organisation.name}</Table.Td>
                      <Table.Td>
                        {t(`werkplek.patients.team.reasons.${reasonKey(entry.reason)}`)}
                        {entry.role ? ` (${roleNameIn(entry.role, language)})` : ''}
                      </Table.Td>
                      <Table.Td className={classes.nowrap}>{formatDate(entry.since)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function reasonKey(reason: string): 'enrolment' | 'referral' | 'treatmentRelationship' {
  if (reason === 'enrolment' || reason === 'referral') return reason;
  return 'treatmentRelationship';
}
