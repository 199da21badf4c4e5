import { Button, Center, Container, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { NotFoundPage } from '../../ui/not-found-page';
import { ProblemAlert } from '../../ui/problem-alert';
import { mayOpen, type WerkplekScreen, werkplekPaths } from '../navigation';
import { WerkplekLayout } from '../werkplek-layout';
import { WerkplekShell } from '../werkplek-shell';
import { type LoginLocationState, safeWerkplekPath } from './login-location';
import { useSessionState } from './session';
import { useCurrentSession } from './session-context';

export function SessionLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" mih="50vh">
      <Loader aria-label={t('werkplek.shell.loading')} />
    </Center>
  );
}

function SessionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('werkplek.shell.sessionErrorTitle')}</Title>
        <ProblemAlert error={error} />
        <Button onClick={onRetry}>{t('werkplek.shell.retry')}</Button>
      </Stack>
    </Container>
  );
}

/**
 * Route guard of every page after login. Logged out → the login page, remembering where the user
 * was going (and why: inactivity). A new password is due → only "Nieuw wachtwoord kiezen".
 */
export function RequireSession() {
  const location = useLocation();
  const query = useSessionState();
  const state = query.data;

  if (!state) {
    if (query.isError) {
      return (
        <WerkplekLayout>
          <SessionError error={query.error} onRetry={() => void query.refetch()} />
        </WerkplekLayout>
      );
    }
    return (
      <WerkplekLayout>
        <SessionLoading />
      </WerkplekLayout>
    );
  }

  if (state.status === 'logged-out') {
    if (state.reason === 'deregistered') return <Navigate to={werkplekPaths.deregistered} replace />;
    const loginState: LoginLocationState = {
      // After "Uitloggen" the next login starts at the dashboard.
      from: state.reason === 'logged-out' ? undefined : `${location.pathname}${location.search}${location.hash}`,
      reason: state.reason,
    };
    return <Navigate to={werkplekPaths.login} replace state={loginState} />;
  }

  const mustChange = state.session.mustChangePassword;
  const onNewPasswordPage = location.pathname === werkplekPaths.newPassword;
  if (mustChange && !onNewPasswordPage) {
    return <Navigate to={werkplekPaths.newPassword} replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (!mustChange && onNewPasswordPage) {
    const from = (location.state as LoginLocationState | null)?.from;
    return <Navigate to={safeWerkplekPath(from) ?? werkplekPaths.dashboard} replace />;
  }

  return (
    <WerkplekShell state={state}>
      <Outlet />
    </WerkplekShell>
  );
}

/** A screen the role may not use does not exist for it (no existence leaks, as the server does). */
export function RequireScreen({ screen, children }: { screen: WerkplekScreen; children: ReactNode }) {
  const session = useCurrentSession();
  if (!mayOpen(screen, session.navigation)) return <NotFoundPageWerkplek />;
  return children;
}

function NotFoundPageWerkplek() {
  return <NotFoundPage face="werkplek" homePath={werkplekPaths.dashboard} />;
}

/**
 * An unknown Werkplek address: "Pagina niet gevonden" — inside the menu when logged in, in the
 * plain layout otherwise (no login needed to learn that a page does not exist).
 */
export function WerkplekFallback() {
  const query = useSessionState();
  const state = query.data;
  if (state?.status === 'logged-in' && !state.session.mustChangePassword) {
    return (
      <WerkplekShell state={state}>
        <NotFoundPageWerkplek />
      </WerkplekShell>
    );
  }
  return (
    <WerkplekLayout>
      {state || query.isError ? <NotFoundPage face="werkplek" homePath="/werkplek" /> : <SessionLoading />}
    </WerkplekLayout>
  );
}
