import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isProblemError } from '../../api/client';
import { LoginPanel } from '../../ui/login-panel';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { werkplekPaths } from '../navigation';
import { useLogin } from './auth-api';

type Field = 'username' | 'password';
const fields: readonly Field[] = ['username', 'password'];

/** Werkplek login: username + password (seed 001 §2). The verificatiecode step follows later. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.login.title'), 'werkplek');
  const loginMutation = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<readonly Field[]>([]);

  const serverError = loginMutation.error;
  const fieldError = (field: Field, requiredMessage: string): string | undefined => {
    if (missing.includes(field)) return requiredMessage;
    return isProblemError(serverError) ? serverError.fieldError(field) : undefined;
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const empty = fields.filter((field) => (field === 'username' ? username : password).trim() === '');
    setMissing(empty);
    if (empty.length > 0) return;
    loginMutation.mutate({ username: username.trim(), password });
  }

  return (
    <LoginPanel title={t('werkplek.login.title')} intro={t('werkplek.login.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ProblemAlert error={serverError} shownFields={fields} />
          <TextInput
            name="username"
            label={t('werkplek.login.username')}
            description={t('werkplek.login.usernameDescription')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            withAsterisk
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={fieldError('username', t('werkplek.login.usernameRequired'))}
          />
          <PasswordInput
            name="password"
            label={t('werkplek.login.password')}
            autoComplete="current-password"
            withAsterisk
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError('password', t('werkplek.login.passwordRequired'))}
            visibilityToggleButtonProps={{ 'aria-label': t('werkplek.login.showPassword') }}
          />
          <Button type="submit" fullWidth loading={loginMutation.isPending}>
            {t('werkplek.login.submit')}
          </Button>
          <Anchor component={Link} to={werkplekPaths.forgotPassword} size="sm">
            {t('werkplek.login.forgotPassword')}
          </Anchor>
        </Stack>
      </form>
    </LoginPanel>
  );
}
