import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { patientPath } from '../patients/patient-paths';
import { type ResultSignal, useMarkResultsSeen } from './results-api';

interface PatientResults {
  patientId: string;
  patientDisplayId: string;
  patientName: string;
  birthDate: string;
  items: ResultSignal[];
}

/** The results per patient, in the order the server gave them (newest first). */
function byPatient(items: readonly ResultSignal[]): PatientResults[] {
  const groups = new Map<string, PatientResults>();
  for (const item of items) {
    const group = groups.get(item.patientId) ?? {
      patientId: item.patientId,
      patientDisplayId: item.patientDisplayId,
      patientName: item.patientName,
      birthDate: item.birthDate,
      items: [],
    };
    group.items.push(item);
    groups.set(item.patientId, group);
  }
  return [...groups.values()];
}

/**
 * Signalen "Uitslagen": new hospital/lab results of the patients I have a treatment relationship with, per patient
 * (what and when, never a value); the patient opens at Monitoring; "Gezien" marks them all seen.
 */
export function ResultSignalsSection({ count, items }: { count: number; items: readonly ResultSignal[] }) {
  const { t, i18n } = useTranslation();
  const markSeen = useMarkResultsSeen();
  const language = i18n.language.startsWith('en') ? 'en' : 'nl';
  const patients = byPatient(items);

  return (
    <Stack gap="sm" component="section" aria-labelledby="signals-results">
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <Title order={2} size="h3" id="signals-results">
            {t('werkplek.signals.results')}
          </Title>
          <Badge variant="filled" color={count > 0 ? 'red' : 'gray'} data-testid="signals-results-count">
            {count}
          </Badge>
        </Group>
        {count > 0 && (
          <Button variant="light" size="sm" loading={markSeen.isPending} onClick={() => markSeen.mutate()}>
            {t('werkplek.signals.resultsSeen')}
          </Button>
        )}
      </Group>
      {markSeen.isError && <ProblemAlert error={markSeen.error} />}
      {patients.length === 0 ? (
        <Text c="dimmed">{t('werkplek.signals.noResults')}</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('werkplek.signals.columns.patient')}</Table.Th>
                  <Table.Th>{t('werkplek.signals.columns.results')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {patients.map((patient) => (
                  <Table.Tr key={patient.patientId}>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Anchor component={Link} to={patientPath(patient.patientId, 'monitoring')} fw={600}>
                        {patient.patientName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {patient.patientDisplayId} · {formatDate(patient.birthDate)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <List size="sm" spacing={2} listStyleType="none">
                        {patient.items.map((item) => (
                          <List.Item key={item.id}>
                            <Text span size="sm">
                              {item.what[language]}
                            </Text>{' '}
                            <Text span size="xs" c="dimmed">
                              {t(`werkplek.signals.resultKinds.${item.kind}`)} · {formatDateTime(item.createdAt)}
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
