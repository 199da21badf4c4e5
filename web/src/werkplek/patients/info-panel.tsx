import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../ui/format';
import { MailIcon } from '../../ui/icons';
import { type ComposeState, messagesPaths } from '../messages/messages-paths';
import { countryName } from './countries';
import { ageOn, patientName } from './patient-format';
import classes from './patients.module.css';
import type { PatientCard } from './patients-api';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function genderLabel(t: TFunction, gender: string): string {
  switch (gender) {
    case 'male':
    case 'female':
    case 'other':
    case 'unknown':
      return t(`werkplek.patients.gender.${gender}`);
    default:
      return gender;
  }
}

/** The last insurance check in words: insurer, UZOVI, policy number and the date it was checked. */
function InsuranceFact({ card }: { card: PatientCard }) {
  const { t } = useTranslation();
  const check = card.lastInsuranceCheck;
  if (card.insuranceCountry !== 'NL') {
    return <>{t('werkplek.patients.info.insuredAbroad', { country: countryName(card.insuranceCountry, currentLanguage()) })}</>;
  }
  if (!check) return <>{t('werkplek.patients.info.notChecked')}</>;
  const date = formatDate(check.checkedAt);
  if (check.outcome === 'insured') {
    return (
      <Stack gap={0}>
        <Text inherit fw={600}>
          {check.insurerName}
        </Text>
        <Text inherit size="sm">
          {t('werkplek.patients.info.uzoviPolicy', { uzovi: check.uzoviCode ?? '–', policy: check.policyNumber ?? '–' })}
        </Text>
        <Text inherit size="sm" c="dimmed">
          {t('werkplek.patients.info.checkedOn', { date })}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      <Text inherit fw={600} c="red.9">
        {check.outcome === 'not-insured' ? t('werkplek.patients.info.notInsured') : t('werkplek.patients.info.checkUnavailable')}
      </Text>
      <Text inherit size="sm" c="dimmed">
        {t('werkplek.patients.info.checkedOn', { date })}
      </Text>
    </Stack>
  );
}

/**
 * The Infopaneel (seed 001 §5.1): name and gender, birth date and age, the enrolled practice, the pharmacy,
 * the last checked insurance; "Persoonlijk bericht" on the right.
 */
export function InfoPanel({ card }: { card: PatientCard }) {
  const { t } = useTranslation();
  const name = patientName(card);
  const age = ageOn(card.birthDate);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="patient-name">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} miw={0}>
            <Group gap="sm" align="center" wrap="wrap">
              <Title order={1} id="patient-name" style={{ overflowWrap: 'anywhere' }}>
                {name}
              </Title>
              <Badge variant="light" size="lg" radius="sm" tt="none">
                {card.displayId}
              </Badge>
            </Group>
            <Text c="dimmed">
              {t('werkplek.patients.info.summary', {
                gender: genderLabel(t, card.gender),
                birthDate: formatDate(card.birthDate),
                age,
              })}
            </Text>
          </Stack>
          <Button
            variant="light"
            leftSection={<MailIcon size={18} />}
            component={Link}
            to={messagesPaths.compose}
            state={{ patient: { id: card.id, name, displayId: card.displayId } } satisfies ComposeState}
          >
            {t('werkplek.patients.info.personalMessage')}
          </Button>
        </Group>
        <dl className={classes.facts}>
          <Fact label={t('werkplek.patients.info.bsn')}>{card.bsn ?? t('werkplek.patients.info.noBsn')}</Fact>
          <Fact label={t('werkplek.patients.info.practice')}>
            {card.practice?.name ?? t('werkplek.patients.info.noPractice')}
          </Fact>
          <Fact label={t('werkplek.patients.info.pharmacy')}>
            {card.pharmacy?.name ?? t('werkplek.patients.info.noPharmacy')}
          </Fact>
          <Fact label={t('werkplek.patients.info.insurance')}>
            <InsuranceFact card={card} />
          </Fact>
        </dl>
      </Stack>
    </Paper>
  );
}
