import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import { useAcceptTerms } from './settings-api';

const sections = [
  ['werkplek.terms.purposeTitle', 'werkplek.terms.purpose'],
  ['werkplek.terms.accountTitle', 'werkplek.terms.account'],
  ['werkplek.terms.confidentialityTitle', 'werkplek.terms.confidentiality'],
  ['werkplek.terms.loggingTitle', 'werkplek.terms.logging'],
  ['werkplek.terms.emergencyTitle', 'werkplek.terms.emergency'],
  ['werkplek.terms.incidentsTitle', 'werkplek.terms.incidents'],
  ['werkplek.terms.endTitle', 'werkplek.terms.end'],
] as const;

/** "Gebruiksvoorwaarden": the terms of use, and "Akkoord" until accepted. */
export function TermsOfUse({ accepted }: { accepted: boolean }) {
  const { t } = useTranslation();
  const accept = useAcceptTerms();

  return (
    <Stack gap="md" maw={720}>
      <Text size="sm" c="dimmed">
        {t('werkplek.terms.version')}
      </Text>
      {sections.map(([title, text]) => (
        <div key={title}>
          <Title order={3} size="h5" mb={4}>
            {t(title)}
          </Title>
          <Text>{t(text)}</Text>
        </div>
      ))}
      <div role="status" aria-live="polite">
        {accepted && <Alert color="green" variant="light" title={t('werkplek.settings.terms.accepted')} />}
      </div>
      {!accepted && (
        <Stack gap="sm" align="flex-start">
          <ProblemAlert error={accept.error} />
          <Text>{t('werkplek.settings.terms.notAccepted')}</Text>
          <Button onClick={() => accept.mutate()} loading={accept.isPending}>
            {t('werkplek.settings.terms.accept')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
