import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { type ReferralDetail, referralLetterUrl } from './referrals-api';

function sizeText(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Historie's view of a "Verwijzing …" entry: where it went, why, how to reach the patient, and the letter. */
export function ReferralSummary({
  patientId,
  entryId,
  referral,
}: {
  patientId: string;
  entryId: string;
  referral: ReferralDetail;
}) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t('werkplek.referrals.view.to'), referral.toOrganisation.name],
    [t('werkplek.referrals.view.reason'), referral.reason],
    [
      t('werkplek.referrals.view.urgency'),
      referral.urgency ? t(`werkplek.referrals.view.urgencies.${referral.urgency}`, referral.urgency) : null,
    ],
    [t('werkplek.referrals.view.phone'), referral.contact.phone],
    [t('werkplek.referrals.view.email'), referral.contact.email],
    [t('werkplek.referrals.view.availability'), referral.contact.availability],
    [
      t('werkplek.referrals.view.status'),
      referral.openedAt
        ? t('werkplek.referrals.view.opened', { date: formatDateTime(referral.openedAt) })
        : t('werkplek.referrals.view.notOpened'),
    ],
  ];
  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)" data-testid="referral-summary">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('werkplek.referrals.view.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" component="dl" style={{ margin: 0 }}>
          {rows
            .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
            .map(([label, value]) => (
              <Stack key={label} gap={0}>
                <Text component="dt" size="sm" fw={600}>
                  {label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {value}
                </Text>
              </Stack>
            ))}
        </SimpleGrid>
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {t('werkplek.referrals.view.letter')}
          </Text>
          {referral.letter ? (
            <Anchor href={referralLetterUrl(patientId, entryId)} download={referral.letter.fileName} size="sm">
              {t('werkplek.referrals.view.download', { name: referral.letter.fileName, size: sizeText(referral.letter.size) })}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {t('werkplek.referrals.view.noLetter')}
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
