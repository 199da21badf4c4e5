import { Alert, Button, FileInput, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { referralTargetsQuery, type UploadedLetter, uploadReferralLetter } from './referrals-api';

export interface ReferralChoice {
  toOrganisationId: string | null;
  letter: UploadedLetter | null;
}

/** The publish body's `referral` member for a referral task, or nothing for other tasks. */
export function referralBody(choice: ReferralChoice | null) {
  if (!choice?.toOrganisationId) return {};
  return { referral: { toOrganisationId: choice.toOrganisationId, letterBlobId: choice.letter?.id ?? null } };
}

/**
 * Above the form of a "Verwijzing …" task (seed 001 §7.2): the receiving organisation (those of the task's kind in
 * the region) and the optional referral letter (PDF or image, checked by the server on its content). Both are kept in
 * the task's draft: a reopened draft shows the organisation chosen and the letter's name, to remove or replace.
 */
export function ReferralFields({
  formKey,
  value,
  onChange,
  errors,
}: {
  formKey: string;
  value: ReferralChoice;
  onChange: (next: ReferralChoice) => void;
  errors: readonly FieldError[];
}) {
  const { t } = useTranslation();
  const targets = useQuery(referralTargetsQuery(formKey));
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const organisationError = errors.find((error) => error.field === 'toOrganisationId')?.message;
  const letterError = errors.find((error) => error.field === 'letter')?.message;

  if (targets.isPending) return <Loader size="sm" aria-label={t('werkplek.shell.loading')} />;
  if (targets.isError) return <ProblemAlert error={targets.error} />;

  async function upload(file: File | null) {
    setFile(file);
    setUploadError(null);
    if (!file) {
      onChange({ ...value, letter: null });
      return;
    }
    setUploading(true);
    try {
      onChange({ ...value, letter: await uploadReferralLetter(file) });
    } catch (error) {
      // Refused (type, size) or not sent: a letter added before stays.
      setUploadError(error);
      setFile(null);
    } finally {
      setUploading(false);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('werkplek.referrals.send.title')}
      </Title>
      <Select
        id="toOrganisationId"
        label={t('werkplek.referrals.send.organisation')}
        placeholder={t('werkplek.referrals.send.organisationPlaceholder')}
        data={targets.data.organisations.map((organisation) => ({
          value: organisation.id,
          label: organisation.city ? `${organisation.name} (${organisation.city})` : organisation.name,
        }))}
        value={value.toOrganisationId}
        onChange={(next) => onChange({ ...value, toOrganisationId: next })}
        required
        searchable
        error={organisationError}
        maw={520}
      />
      <FileInput
        id="letter"
        label={t('werkplek.referrals.send.letter')}
        description={t('werkplek.referrals.send.letterHelp')}
        placeholder={t(value.letter ? 'werkplek.referrals.send.letterReplace' : 'werkplek.referrals.send.letterPlaceholder')}
        accept="application/pdf,image/png,image/jpeg"
        value={file}
        onChange={(next) => void upload(next)}
        disabled={uploading}
        error={letterError}
        maw={520}
        // The placeholder is text on a button here (not an input's placeholder): it needs the contrast of hints.
        styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
      />
      {uploading && <Loader size="xs" aria-label={t('werkplek.referrals.send.uploading')} />}
      {uploadError !== null && <ProblemAlert error={uploadError} />}
      {value.letter && (
        <Alert color="green" variant="light" p="xs">
          <Group gap="sm" justify="space-between">
            <Text size="sm">{t('werkplek.referrals.send.letterAdded', { name: value.letter.fileName })}</Text>
            <Button variant="subtle" size="compact-sm" onClick={() => void upload(null)}>
              {t('werkplek.referrals.send.letterRemove')}
            </Button>
          </Group>
        </Alert>
      )}
      {targets.data.organisations.length === 0 && <Text c="dimmed">{t('werkplek.referrals.send.noOrganisations')}</Text>}
    </Stack>
  );
}
