import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { logout } from './auth-api';
import { afterActivity, deadlinesFrom, type IdlePhase, idlePhase } from './idle-timer';
import { endSession, type SessionState, sessionQueryKey } from './session';

// Watches the logged-in session while the Werkplek is open:
// - any 401 from a Werkplek API call ends the screen session (→ login page with the inactivity notice);
// - a 403 "password-change-required" re-reads the session (→ "Nieuw wachtwoord kiezen");
// - every successful call is activity and moves the idle end; other tabs hear about it;
// - 5 minutes before the idle end a modal offers "Ingelogd blijven" or "Uitloggen";
// - at the idle end the session is closed and the login page says why.

const channelName = 'keten-werkplek-session';

type TabMessage = { kind: 'activity'; at: number } | { kind: 'logged-out' };

function openChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null;
}

function tellOtherTabs(message: TabMessage): void {
  const channel = openChannel();
  channel?.postMessage(message);
  channel?.close();
}

/** A 401 from these means "wrong password/code" or "not logged in yet", not "your session ended". */
const notSessionEnding = [
  '/api/werkplek/auth/login',
  '/api/werkplek/auth/verify',
  '/api/werkplek/auth/session',
  '/api/werkplek/auth/logout',
  '/api/werkplek/auth/password-forgotten',
  '/api/werkplek/auth/password-reset',
];

/** "Uitloggen": ends the session on the server, forgets it here and in other tabs. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => logout(),
    // Also when the server cannot be reached: the screen must not stay open for the next person.
    onSettled: () => {
      endSession(queryClient, 'logged-out');
      tellOtherTabs({ kind: 'logged-out' });
    },
  });
}

export function SessionWatch({ state }: { state: Extract<SessionState, { status: 'logged-in' }> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const logoutMutation = useLogout();
  const { session, receivedAt } = state;
  const [deadlines, setDeadlines] = useState(() => deadlinesFrom(session, receivedAt));
  const [phase, setPhase] = useState<IdlePhase>('active');
  const [staying, setStaying] = useState(false);

  // A new answer from the session endpoint restarts the clock.
  useEffect(() => {
    setDeadlines(deadlinesFrom(session, receivedAt));
  }, [session, receivedAt]);

  useEffect(() => {
    const channel = openChannel();
    const onMessage = (event: MessageEvent<TabMessage>) => {
      const message = event.data;
      if (message?.kind === 'activity') setDeadlines((current) => afterActivity(current, message.at));
      if (message?.kind === 'logged-out') endSession(queryClient, 'logged-out');
    };
    channel?.addEventListener('message', onMessage);
    const stopListening = api.onResponse((info) => {
      if (!info.path.startsWith('/api/werkplek/')) return;
      const exempt = notSessionEnding.some((path) => info.path.startsWith(path));
      if (info.status === 401 && !exempt) {
        endSession(queryClient, 'inactivity');
      } else if (info.status === 403 && info.problem?.code === 'password-change-required') {
        void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      } else if (info.status >= 200 && info.status < 300 && !info.path.startsWith('/api/werkplek/auth/logout')) {
        const at = Date.now();
        setDeadlines((current) => afterActivity(current, at));
        channel?.postMessage({ kind: 'activity', at } satisfies TabMessage);
      }
    });
    return () => {
      stopListening();
      channel?.removeEventListener('message', onMessage);
      channel?.close();
    };
  }, [queryClient]);

  // Checked every second and when the tab becomes visible again (timers sleep with the laptop).
  useEffect(() => {
    const check = () => setPhase(idlePhase(deadlines, Date.now()));
    check();
    const timer = setInterval(check, 1000);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [deadlines]);

  useEffect(() => {
    if (phase !== 'expired') return;
    // Make sure the server forgets it too; the answer does not matter.
    logout().catch(() => undefined);
    endSession(queryClient, 'inactivity');
  }, [phase, queryClient]);

  async function stayLoggedIn(): Promise<void> {
    setStaying(true);
    try {
      await queryClient.refetchQueries({ queryKey: sessionQueryKey });
    } finally {
      setStaying(false);
    }
  }

  return (
    <Modal
      opened={phase === 'warning'}
      onClose={() => void stayLoggedIn()}
      title={t('werkplek.idle.warning')}
      centered
      withCloseButton={false}
      closeOnClickOutside={false}
      // Escape means "I am here": the same as "Ingelogd blijven".
      closeOnEscape
    >
      <Stack gap="lg">
        <Text>{t('werkplek.idle.explanation')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => logoutMutation.mutate()} loading={logoutMutation.isPending}>
            {t('werkplek.idle.logout')}
          </Button>
          <Button onClick={() => void stayLoggedIn()} loading={staying} data-autofocus>
            {t('werkplek.idle.stay')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
