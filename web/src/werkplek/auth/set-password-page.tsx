import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoginPanel } from '../../ui/login-panel';
import { usePageTitle } from '../../ui/use-page-title';
import { werkplekPaths } from '../navigation';
import { useResetPassword } from './auth-api';
import { PasswordForm } from './password-form';

/**
 * "Wachtwoord instellen" (seed 001 §2.1): the page the mailed link opens,
 * `/werkplek/wachtwoord-instellen?token=…`. The link works once; the server says when it no longer does.
 */
export function SetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.setPassword.title'), 'werkplek');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();

  if (reset.isSuccess) {
    return (
      <LoginPanel title={t('werkplek.setPassword.title')} intro={t('werkplek.setPassword.intro')}>
        <Stack gap="md">
          <Alert color="green" variant="light" title={t('werkplek.setPassword.successTitle')}>
            {t('werkplek.setPassword.success')}
          </Alert>
          <Button component={Link} to={werkplekPaths.login} fullWidth>
            {t('werkplek.setPassword.toLogin')}
          </Button>
        </Stack>
      </LoginPanel>
    );
  }

  if (token.length < 20) {
    return (
      <LoginPanel title={t('werkplek.setPassword.title')} intro={t('werkplek.setPassword.intro')}>
        <Stack gap="md">
          <Alert color="red" variant="light" title={t('werkplek.setPassword.missingTokenTitle')}>
            {t('werkplek.setPassword.missingToken')}
          </Alert>
          <Anchor component={Link} to={werkplekPaths.forgotPassword}>
            {t('werkplek.setPassword.requestNew')}
          </Anchor>
        </Stack>
      </LoginPanel>
    );
  }

  return (
    <LoginPanel title={t('werkplek.setPassword.title')} intro={t('werkplek.setPassword.intro')}>
      <Stack gap="md">
        <PasswordForm
          askCurrent={false}
          submitLabel={t('werkplek.setPassword.submit')}
          pending={reset.isPending}
          error={reset.error}
          onSubmit={({ newPassword }) => reset.mutate({ token, newPassword })}
        />
        <Anchor component={Link} to={werkplekPaths.forgotPassword} size="sm">
          {t('werkplek.setPassword.requestNew')}
        </Anchor>
        <Anchor component={Link} to={werkplekPaths.login} size="sm">
          {t('werkplek.forgotPassword.backToLogin')}
        </Anchor>
      </Stack>
    </LoginPanel>
  );
}
