import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Onderwerp" and "Bericht" of a new message, as Berichten and the Helpdesk ask them (same limits as the server). */
export function SubjectBodyFields(props: {
  subject: string;
  body: string;
  onSubject(value: string): void;
  onBody(value: string): void;
  fieldError(field: 'subject' | 'body'): string | undefined;
  minRows?: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('werkplek.messages.subject')}
        required
        maxLength={200}
        value={props.subject}
        onChange={(event) => props.onSubject(event.currentTarget.value)}
        error={props.fieldError('subject')}
      />
      <Textarea
        label={t('werkplek.messages.body')}
        required
        autosize
        minRows={props.minRows ?? 6}
        maxLength={10000}
        value={props.body}
        onChange={(event) => props.onBody(event.currentTarget.value)}
        error={props.fieldError('body')}
      />
    </>
  );
}
