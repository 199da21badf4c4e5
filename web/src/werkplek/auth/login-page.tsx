import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { isProblemError } from '../../api/client';
import { formatTime } from '../../ui/format';
import { LoginPanel } from '../../ui/login-panel';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { werkplekPaths } from '../navigation';
import { type Session, useLogin, useVerifyCode } from './auth-api';
import { type LoginLocationState, safeWerkplekPath } from './login-location';
import { startSession, useSessionState } from './session';

// Yellow title text on a light yellow background is unreadable (WCAG contrast): use the text colour.
const darkTitle = { title: { color: 'var(--mantine-color-text)' } };

type Field = 'username' | 'password';
const fields: readonly Field[] = ['username', 'password'];

interface Challenge {
  maskedEmail: string;
  codeExpiresAt: string;
}

/**
 * Werkplek login (seed 001 §2): username + password, then the verificatiecode from the mail
 * ("Verifieer"). A trusted browser (10 hours) skips the code. Afterwards the user lands where they
 * were going, or on the dashboard.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  // Known to be logged in already (e.g. the back button after login): go on. Asking the server is not needed here.
  const sessionState = useSessionState({ ask: false });
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const locationState = location.state as LoginLocationState | null;
  usePageTitle(challenge ? t('werkplek.login.codeTitle') : t('werkplek.login.title'), 'werkplek');

  if (sessionState.data?.status === 'logged-in') {
    return <Navigate to={safeWerkplekPath(locationState?.from) ?? werkplekPaths.dashboard} replace />;
  }

  const loggedIn = (session: Session) => startSession(queryClient, session);

  if (challenge) {
    return <CodeStep challenge={challenge} onLoggedIn={loggedIn} onRestart={() => setChallenge(null)} />;
  }
  return <CredentialsStep reason={locationState?.reason ?? null} onChallenge={setChallenge} onLoggedIn={loggedIn} />;
}

function SessionEndedNotice({ reason }: { reason: LoginLocationState['reason'] }) {
  const { t } = useTranslation();
  if (reason === 'inactivity') {
    return (
      <Alert color="yellow" variant="light" title={t('werkplek.login.loggedOutByInactivity')} styles={darkTitle}>
        {t('werkplek.login.loggedOutByInactivityDetail')}
      </Alert>
    );
  }
  if (reason === 'logged-out') {
    return (
      <Alert color="keten" variant="light" title={t('werkplek.login.loggedOut')}>
        {t('werkplek.login.loggedOutDetail')}
      </Alert>
    );
  }
  return null;
}

function CredentialsStep({
  reason,
  onChallenge,
  onLoggedIn,
}: {
  reason: LoginLocationState['reason'];
  onChallenge: (challenge: Challenge) => void;
  onLoggedIn: (session: Session) => void;
}) {
  const { t } = useTranslation();
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
    loginMutation.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (answer) => {
          if (answer.status === 'logged-in') onLoggedIn(answer.session);
          else onChallenge({ maskedEmail: answer.maskedEmail, codeExpiresAt: answer.codeExpiresAt });
        },
      },
    );
  }

  return (
    <LoginPanel title={t('werkplek.login.title')} intro={t('werkplek.login.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {!serverError && <SessionEndedNotice reason={reason} />}
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

function CodeStep({
  challenge,
  onLoggedIn,
  onRestart,
}: {
  challenge: Challenge;
  onLoggedIn: (session: Session) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const verify = useVerifyCode();
  const [code, setCode] = useState('');
  const [clientError, setClientError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  // The step replaces the form: put the keyboard (and the screen reader) in the code field.
  useEffect(() => {
    input.current?.focus();
  }, []);

  const serverError = verify.error;
  const serverFieldError = isProblemError(serverError) ? serverError.fieldError('code') : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cleaned = code.replace(/\s+/g, '');
    const problem =
      cleaned === '' ? t('werkplek.login.codeRequired') : /^\d{6}$/.test(cleaned) ? undefined : t('werkplek.login.codeFormat');
    setClientError(problem);
    if (problem) return;
    verify.mutate(cleaned, { onSuccess: (answer) => onLoggedIn(answer.session) });
  }

  let validUntil = '';
  try {
    validUntil = formatTime(challenge.codeExpiresAt);
  } catch {
    validUntil = '';
  }

  return (
    <LoginPanel title={t('werkplek.login.codeTitle')} intro={t('werkplek.login.codeSentTo', { email: challenge.maskedEmail })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {!serverFieldError && <ProblemAlert error={serverError} shownFields={['code']} />}
          <Text size="sm">{t('werkplek.login.codeIntro')}</Text>
          <TextInput
            ref={input}
            name="code"
            label={t('werkplek.login.codeLabel')}
            description={validUntil ? t('werkplek.login.codeDescription', { time: validUntil }) : undefined}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={6}
            withAsterisk
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={clientError ?? serverFieldError}
            styles={{
              input: { fontSize: 'var(--mantine-font-size-xl)', letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' },
            }}
          />
          <Button type="submit" fullWidth loading={verify.isPending}>
            {t('werkplek.login.verify')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('werkplek.login.trusted')}
          </Text>
          <Text size="sm">
            {t('werkplek.login.noCode')}{' '}
            <Anchor component="button" type="button" onClick={onRestart} size="sm">
              {t('werkplek.login.restart')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </LoginPanel>
  );
}
