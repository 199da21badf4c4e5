import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { ShieldIcon } from '../../ui/icons';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { useConfirmTreatmentRelationship } from './patients-api';
import { type TransferIdentity, useSelfReferral } from './record/record-api';

interface RelationshipConfirmProps {
  patient: { id: string; displayId: string; name: string; birthDate: string };
  onCancel: () => void;
  /**
   * Naar jezelf verwijzen (seed 001 §7.4): a chain partner found the patient by BSN and birth date; confirming also
   * refers the patient to its own organisation, stating that identity again.
   */
  selfReferral?: { identity: TransferIdentity; organisationName: string };
}

/**
 * "Behandelrelatie bevestigen" (seed 001 §3.2, §7.1, §7.3): the first time an account opens a record it
 * states, with the conditions shown, that it has a treatment relationship. Nothing of the record is shown
 * before; "Annuleren" goes back without opening it.
 */
export function RelationshipConfirm({ patient, onCancel, selfReferral }: RelationshipConfirmProps) {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.patients.relationship.title'), 'werkplek');
  const relationship = useConfirmTreatmentRelationship(patient.id);
  const referral = useSelfReferral(patient.id);
  const confirm = selfReferral ? referral : relationship;
  const onConfirm = () => (selfReferral ? referral.mutate(selfReferral.identity) : relationship.mutate());
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Arriving here instead of the record: say so first.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        {t('werkplek.patients.relationship.title')}
      </Title>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ShieldIcon size={28} color="var(--mantine-primary-color-filled)" style={{ flexShrink: 0, marginTop: 2 }} />
            <Stack gap={2}>
              <Text size="lg" fw={700}>
                {patient.name}
              </Text>
              <Text size="sm" c="dimmed">
                {t('werkplek.patients.relationship.patientLine', {
                  id: patient.displayId,
                  birthDate: formatDate(patient.birthDate),
                })}
              </Text>
            </Stack>
          </Group>
          <Text>{t('werkplek.patients.relationship.intro')}</Text>
          {selfReferral && (
            <Alert color="blue" variant="light">
              <Text size="sm">
                {t('werkplek.patients.relationship.selfReferral', { organisation: selfReferral.organisationName })}
              </Text>
            </Alert>
          )}
          <List spacing="xs" size="sm">
            <List.Item>{t('werkplek.patients.relationship.conditions.relationship')}</List.Item>
            <List.Item>{t('werkplek.patients.relationship.conditions.necessity')}</List.Item>
            <List.Item>{t('werkplek.patients.relationship.conditions.logged')}</List.Item>
            <List.Item>{t('werkplek.patients.relationship.conditions.secrecy')}</List.Item>
            <List.Item>{t('werkplek.patients.relationship.conditions.team')}</List.Item>
          </List>
          <Alert color="gray" variant="light">
            <Text size="sm">{t('werkplek.patients.relationship.once')}</Text>
          </Alert>
          <ProblemAlert error={confirm.error} />
          <Group gap="sm">
            <Button onClick={onConfirm} loading={confirm.isPending}>
              {t('werkplek.patients.relationship.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={confirm.isPending}>
              {t('werkplek.patients.relationship.cancel')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
