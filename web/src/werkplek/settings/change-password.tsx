import { Alert } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../auth/auth-api';
import { PasswordForm, type PasswordFormValues } from '../auth/password-form';

/** "Wachtwoord wijzigen": current + new + repeat. Other sessions of the account end on the server. */
export function ChangePassword() {
  const { t } = useTranslation();
  // A fresh form after success, so no password stays in the fields.
  const [formKey, setFormKey] = useState(0);
  const change = useMutation({
    mutationFn: (values: PasswordFormValues) => changePassword(values),
    onSuccess: () => setFormKey((key) => key + 1),
  });

  return (
    <PasswordForm
      key={formKey}
      askCurrent
      submitLabel={t('werkplek.settings.password.submit')}
      pending={change.isPending}
      error={change.error}
      onSubmit={(values) => change.mutate(values)}
    >
      {change.isSuccess && <Alert color="green" variant="light" title={t('werkplek.settings.password.success')} role="status" />}
    </PasswordForm>
  );
}
