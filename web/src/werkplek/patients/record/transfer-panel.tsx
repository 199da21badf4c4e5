import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/format';
import { ProblemAlert } from '../../../ui/problem-alert';
import { useCurrentSession } from '../../auth/session-context';
import { mayOpen } from '../../navigation';
import { patientName } from '../patient-format';
import type { PatientCard } from '../patients-api';
import { useTransferPatient } from './record-api';

/** Whether this account's practice could take the patient over: a GP practice that is not the patient's practice. */
export function mayTransfer(session: ReturnType<typeof useCurrentSession>, card: PatientCard): boolean {
  return (
    session.account.organisation.type === 'gp-practice' &&
    mayOpen('patientAdd', session.navigation) &&
    card.practice?.id !== session.account.organisation.id &&
    card.bsn !== null
  );
}

/**
 * Overschrijven (seed 001 §7.1): the *new* practice takes the patient over. Shown in the record of a patient
 * enrolled elsewhere; asks to confirm the change of practice, then enrols the patient here from today.
 */
export function TransferPanel({ card }: { card: PatientCard }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [opened, modal] = useDisclosure(false);
  const transfer = useTransferPatient(card.id);
  const own = session.account.organisation.name;
  const name = patientName(card);

  if (transfer.isSuccess) {
    return (
      <Alert color="green" variant="light" role="status" title={t('werkplek.patients.transfer.doneTitle')} styles={darkTitle}>
        {t('werkplek.patients.transfer.done', {
          name,
          practice: transfer.data.practice.name,
          date: formatDate(transfer.data.validFrom),
        })}
      </Alert>
    );
  }

  return (
    <Alert color="keten" variant="light" title={t('werkplek.patients.transfer.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {card.practice
            ? t('werkplek.patients.transfer.enrolledElsewhere', { practice: card.practice.name, own })
            : t('werkplek.patients.transfer.notEnrolled', { own })}
        </Text>
        <Button size="sm" onClick={modal.open}>
          {t('werkplek.patients.transfer.button', { own })}
        </Button>
      </Stack>
      <Modal opened={opened} onClose={modal.close} title={t('werkplek.patients.transfer.confirmTitle')} centered size="lg">
        <Stack gap="md">
          <Text>{t('werkplek.patients.transfer.confirmIntro', { name, own })}</Text>
          <List size="sm" spacing="xs">
            <List.Item>{t('werkplek.patients.transfer.conditions.patientChose', { own })}</List.Item>
            {card.practice && (
              <List.Item>{t('werkplek.patients.transfer.conditions.oldEnds', { practice: card.practice.name })}</List.Item>
            )}
            <List.Item>{t('werkplek.patients.transfer.conditions.logged')}</List.Item>
          </List>
          <ProblemAlert error={transfer.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={modal.close} disabled={transfer.isPending}>
              {t('werkplek.patients.relationship.cancel')}
            </Button>
            <Button
              loading={transfer.isPending}
              onClick={() =>
                card.bsn && transfer.mutate({ bsn: card.bsn, birthDate: card.birthDate }, { onSuccess: modal.close })
              }
            >
              {t('werkplek.patients.transfer.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}

// Title text on a light coloured background: use the text colour (WCAG contrast).
const darkTitle = { title: { color: 'var(--mantine-color-text)' } };
