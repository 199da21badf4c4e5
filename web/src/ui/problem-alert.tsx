import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../api/client';

interface ProblemAlertProps {
  error: unknown;
  /** Fields whose messages the form already shows beside the input; the rest are listed here. */
  shownFields?: readonly string[];
}

/**
 * Shows what went wrong in words: the server's own (translated) problem title and detail, or a
 * generic message when the server or the network did not give one. Never a stack trace.
 */
export function ProblemAlert({ error, shownFields = [] }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;

  let title = t('errors.generic');
  let detail = t('errors.genericDetail');
  let fieldMessages: string[] = [];

  if (isProblemError(error)) {
    if (error.kind === 'network') {
      title = t('errors.network');
      detail = t('errors.networkDetail');
    } else if (error.kind === 'problem') {
      title = error.title || title;
      detail = error.detail || (error.title ? '' : detail);
      fieldMessages = error.errors.filter((e) => !shownFields.includes(e.field)).map((e) => e.message);
    }
  }

  return (
    <Alert color="red" variant="light" title={title}>
      {detail}
      {fieldMessages.length > 0 && (
        <List size="sm" mt={detail ? 'xs' : 0}>
          {fieldMessages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
