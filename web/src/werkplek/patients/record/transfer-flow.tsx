import { Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../ui/use-page-title';
import { useCurrentSession } from '../../auth/session-context';
import { ConfirmPanel, relationshipConditions } from './confirm-panel';
import { type TransferIdentity, useTransferPatient } from './record-api';

/** The patient as the search showed it: the record itself stays closed until the practice took the patient over. */
export interface FoundPatient {
  id: string;
  displayId: string;
  name: string;
  birthDate: string;
  practiceName: string | null;
}

/**
 * Overschrijven (seed 001 §7.1) for a patient of another practice, found by BSN and birth date: first the treatment
 * relationship is confirmed, then the change of practice; then the patient is enrolled here and the record opens.
 */
export function TransferFlow({
  patient,
  identity,
  onCancel,
  onDone,
}: {
  patient: FoundPatient;
  identity: TransferIdentity;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.patients.transfer.flowTitle'), 'werkplek');
  const session = useCurrentSession();
  const own = session.account.organisation.name;
  const [step, setStep] = useState<0 | 1>(0);
  const transfer = useTransferPatient(patient.id);

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('werkplek.patients.transfer.flowTitle')}</Title>
      <Text>
        {patient.practiceName
          ? t('werkplek.patients.transfer.enrolledElsewhere', { practice: patient.practiceName, own })
          : t('werkplek.patients.transfer.notEnrolled', { own })}
      </Text>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step
          label={t('werkplek.patients.add.stepNumber', { number: 1 })}
          description={t('werkplek.patients.relationship.title')}
        />
        <Stepper.Step
          label={t('werkplek.patients.add.stepNumber', { number: 2 })}
          description={t('werkplek.patients.transfer.confirmTitle')}
        />
      </Stepper>
      {step === 0 ? (
        <ConfirmPanel
          patient={patient}
          title={t('werkplek.patients.relationship.title')}
          conditions={relationshipConditions(t, { withTeam: false })}
          confirmLabel={t('werkplek.patients.relationship.confirm')}
          onConfirm={() => setStep(1)}
          onCancel={onCancel}
        />
      ) : (
        <ConfirmPanel
          patient={patient}
          title={t('werkplek.patients.transfer.confirmTitle')}
          intro={<Text>{t('werkplek.patients.transfer.confirmIntro', { name: patient.name, own })}</Text>}
          conditions={[
            t('werkplek.patients.transfer.conditions.patientChose', { own }),
            ...(patient.practiceName
              ? [t('werkplek.patients.transfer.conditions.oldEnds', { practice: patient.practiceName })]
              : []),
            t('werkplek.patients.transfer.conditions.logged'),
          ]}
          confirmLabel={t('werkplek.patients.transfer.confirm')}
          onConfirm={() => transfer.mutate(identity, { onSuccess: onDone })}
          onCancel={onCancel}
          request={transfer}
        />
      )}
    </Stack>
  );
}
