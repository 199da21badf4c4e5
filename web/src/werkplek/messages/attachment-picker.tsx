import { Button, CloseButton, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../../api/client';
import { type Attachment, uploadAttachment } from './messages-api';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** Adds files one by one: each is uploaded at once; the server names a refused file (type by content, size). */
export function AttachmentPicker({ value, onChange }: { value: Attachment[]; onChange(next: Attachment[]): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(file: File | null) {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const stored = await uploadAttachment(file);
      onChange([...value, stored]);
    } catch (cause) {
      setError(
        isProblemError(cause)
          ? cause.errors[0]?.message || cause.detail || cause.title || t('werkplek.messages.uploadFailed')
          : t('werkplek.messages.uploadFailed'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap={6}>
      <Group gap="sm">
        <FileButton onChange={add} accept="application/pdf,image/png,image/jpeg">
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={busy}>
              {t('werkplek.messages.addAttachment')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('werkplek.messages.attachmentHint')}
        </Text>
      </Group>
      {value.map((attachment) => (
        <Group key={attachment.id} gap="xs">
          <Text size="sm">
            {attachment.fileName} ({formatSize(attachment.size)})
          </Text>
          <CloseButton
            size="sm"
            aria-label={t('werkplek.messages.removeAttachment', { name: attachment.fileName })}
            onClick={() => onChange(value.filter((other) => other.id !== attachment.id))}
          />
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
