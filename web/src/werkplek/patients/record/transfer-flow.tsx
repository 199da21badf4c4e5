import { Button, Group, List, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/format';
import { ShieldIcon } from '../../../ui/icons';
import { ProblemAlert } from '../../../ui/problem-alert';
import { usePageTitle } from '../../../ui/use-page-title';
import { useCurrentSession } from '../../auth/session-context';
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
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each confirmation starts at its heading, for keyboard and screen-reader users.
  useEffect(() => {
    if (step >= 0) headingRef.current?.focus();
  }, [step]);

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
          {step === 0 ? (
            <>
              <Title order={2} size="h3" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
                {t('werkplek.patients.relationship.title')}
              </Title>
              <List spacing="xs" size="sm">
                <List.Item>{t('werkplek.patients.relationship.conditions.relationship')}</List.Item>
                <List.Item>{t('werkplek.patients.relationship.conditions.necessity')}</List.Item>
                <List.Item>{t('werkplek.patients.relationship.conditions.logged')}</List.Item>
                <List.Item>{t('werkplek.patients.relationship.conditions.secrecy')}</List.Item>
              </List>
              <Group gap="sm">
                <Button onClick={() => setStep(1)}>{t('werkplek.patients.relationship.confirm')}</Button>
                <Button variant="default" onClick={onCancel}>
                  {t('werkplek.patients.relationship.cancel')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Title order={2} size="h3" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
                {t('werkplek.patients.transfer.confirmTitle')}
              </Title>
              <Text>{t('werkplek.patients.transfer.confirmIntro', { name: patient.name, own })}</Text>
              <List spacing="xs" size="sm">
                <List.Item>{t('werkplek.patients.transfer.conditions.patientChose', { own })}</List.Item>
                {patient.practiceName && (
                  <List.Item>{t('werkplek.patients.transfer.conditions.oldEnds', { practice: patient.practiceName })}</List.Item>
                )}
                <List.Item>{t('werkplek.patients.transfer.conditions.logged')}</List.Item>
              </List>
              <ProblemAlert error={transfer.error} />
              <Group gap="sm">
                <Button loading={transfer.isPending} onClick={() => transfer.mutate(identity, { onSuccess: onDone })}>
                  {t('werkplek.patients.transfer.confirm')}
                </Button>
                <Button variant="default" onClick={onCancel} disabled={transfer.isPending}>
                  {t('werkplek.patients.relationship.cancel')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
