import type { LocalText } from '@keten/forms';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useFormLanguage } from './form-language';

/** What the task page hands to the record after "Publiceren" (router location state). */
export interface PublishedState {
  published: { title: LocalText; entryId: string; version: number };
}

export function publishedOf(state: unknown): PublishedState['published'] | undefined {
  const published = (state as Partial<PublishedState> | null)?.published;
  return published && typeof published === 'object' && 'title' in published ? published : undefined;
}

/**
 * "Consult POH/huisarts is gepubliceerd": the success notice after publishing, shown where the user lands (Historie).
 * Render it above the record's tabs; it shows nothing when the page was not reached by publishing.
 */
export function PublishedNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const language = useFormLanguage();
  const published = publishedOf(location.state);
  if (!published) return null;
  return (
    <Alert
      color="green"
      variant="light"
      role="status"
      title={t('werkplek.forms.task.published', { title: published.title[language] })}
    >
      {published.version > 1
        ? t('werkplek.forms.task.publishedVersion', { version: published.version })
        : t('werkplek.forms.task.publishedText')}
    </Alert>
  );
}
