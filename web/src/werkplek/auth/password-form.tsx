import { Button, PasswordInput, Stack } from '@mantine/core';
import { type ChangeEvent, type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';

export interface PasswordFormValues {
  /** Empty when the form does not ask for it (a reset link). */
  currentPassword: string;
  newPassword: string;
}

interface PasswordFormProps {
  /** Ask for the current password (change) or not (reset link). */
  askCurrent: boolean;
  submitLabel: string;
  pending: boolean;
  /** The server's answer; its field messages go beside the fields. */
  error: unknown;
  onSubmit: (values: PasswordFormValues) => void;
  /** Shown above the fields, e.g. a success message. */
  children?: ReactNode;
}

type Field = 'currentPassword' | 'newPassword' | 'repeat';

/**
 * New password + repeat (and the current one when changing). The rules are help text, not a
 * checklist: at least 12 characters and not a common password, no composition rules (NIST SP
 * 800-63B). The server decides; its messages appear beside the field it names.
 */
export function PasswordForm({ askCurrent, submitLabel, pending, error, onSubmit, children }: PasswordFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const serverField = (field: 'currentPassword' | 'newPassword') => (isProblemError(error) ? error.fieldError(field) : undefined);
  const set = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (askCurrent && values.currentPassword === '') found.currentPassword = t('werkplek.password.currentRequired');
    if (values.newPassword === '') found.newPassword = t('werkplek.password.newRequired');
    if (values.repeat === '') found.repeat = t('werkplek.password.repeatRequired');
    else if (values.newPassword !== '' && values.repeat !== values.newPassword) found.repeat = t('werkplek.password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onSubmit({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  }

  const toggle = { 'aria-label': t('werkplek.password.show') };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {children}
        <ProblemAlert error={error} shownFields={['currentPassword', 'newPassword']} />
        {askCurrent && (
          <PasswordInput
            name="currentPassword"
            label={t('werkplek.password.current')}
            autoComplete="current-password"
            withAsterisk
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={errors.currentPassword ?? serverField('currentPassword')}
            visibilityToggleButtonProps={toggle}
          />
        )}
        <PasswordInput
          name="newPassword"
          label={t('werkplek.password.new')}
          description={t('werkplek.password.rules')}
          autoComplete="new-password"
          withAsterisk
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword ?? serverField('newPassword')}
          visibilityToggleButtonProps={toggle}
        />
        <PasswordInput
          name="repeat"
          label={t('werkplek.password.repeat')}
          autoComplete="new-password"
          withAsterisk
          value={values.repeat}
          onChange={set('repeat')}
          error={errors.repeat}
          visibilityToggleButtonProps={toggle}
        />
        <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
