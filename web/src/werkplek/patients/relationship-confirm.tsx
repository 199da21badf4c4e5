import { Alert, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/use-page-title';
import { useConfirmTreatmentRelationship } from './patients-api';
import { ConfirmPanel, relationshipConditions } from './record/confirm-panel';
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
      <ConfirmPanel
        patient={patient}
        intro={
          <>
            <Text>{t('werkplek.patients.relationship.intro')}</Text>
            {selfReferral && (
              <Alert color="blue" variant="light">
                <Text size="sm">
                  {t('werkplek.patients.relationship.selfReferral', { organisation: selfReferral.organisationName })}
                </Text>
              </Alert>
            )}
          </>
        }
        conditions={relationshipConditions(t, { withTeam: true })}
        note={
          <Alert color="gray" variant="light">
            <Text size="sm">{t('werkplek.patients.relationship.once')}</Text>
          </Alert>
        }
        confirmLabel={t('werkplek.patients.relationship.confirm')}
        onConfirm={onConfirm}
        onCancel={onCancel}
        request={confirm}
      />
    </Stack>
  );
}
