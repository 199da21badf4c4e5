import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isProblemError } from '../../api/client';
import { LoginPanel } from '../../ui/login-panel';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { werkplekPaths } from '../navigation';
import { useRequestPasswordReset } from './auth-api';

/**
 * "Wachtwoord vergeten?" (seed 001 §2.1): username → "Verstuur mail". The answer never says
 * whether the username exists (product.md: nothing revealed).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.forgotPassword.title'), 'werkplek');
  const reset = useRequestPasswordReset();
  const [username, setUsername] = useState('');
  const [missing, setMissing] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const empty = username.trim() === '';
    setMissing(empty);
    if (!empty) reset.mutate({ username: username.trim() });
  }

  const serverFieldError = isProblemError(reset.error) ? reset.error.fieldError('username') : undefined;

  return (
    <LoginPanel title={t('werkplek.forgotPassword.title')} intro={t('werkplek.forgotPassword.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ProblemAlert error={reset.error} shownFields={['username']} />
          {reset.isSuccess && (
            <Alert color="keten" variant="light" title={t('werkplek.forgotPassword.sentTitle')}>
              {reset.data?.message || t('werkplek.forgotPassword.sent')}
            </Alert>
          )}
          <TextInput
            name="username"
            label={t('werkplek.login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            withAsterisk
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={missing ? t('werkplek.login.usernameRequired') : serverFieldError}
          />
          <Button type="submit" fullWidth loading={reset.isPending}>
            {t('werkplek.forgotPassword.submit')}
          </Button>
          <Anchor component={Link} to={werkplekPaths.login} size="sm">
            {t('werkplek.forgotPassword.backToLogin')}
          </Anchor>
        </Stack>
      </form>
    </LoginPanel>
  );
}
