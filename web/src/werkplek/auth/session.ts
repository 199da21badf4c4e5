import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { isProblemError } from '../../api/client';
import { fetchSession, type Session } from './auth-api';

// The Werkplek session as the screens see it: one TanStack Query entry, filled from
// GET /api/werkplek/auth/session (and from the login/verify answers). A 401 is not an error here:
// it means "logged out", and the route guard sends the user to the login page.

/** Why a session ended, for the message on the login page. */
export type LogoutReason = 'inactivity' | 'logged-out' | 'deregistered';

export type SessionState =
  | {
      status: 'logged-in';
      session: Session;
      /** `Date.now()` when the answer arrived: the idle timer counts from here (see idle-timer.ts). */
      receivedAt: number;
    }
  | { status: 'logged-out'; reason: LogoutReason | null };

export const sessionQueryKey = ['werkplek', 'session'] as const;

// Per browser tab and surviving a reload: "this tab had a session". When the server later answers
// 401, the session was ended by the server (3 hours without activity) rather than never started.
const activeMarker = 'keten.werkplek.active';

function rememberActive(active: boolean): void {
  try {
    if (active) globalThis.sessionStorage?.setItem(activeMarker, '1');
    else globalThis.sessionStorage?.removeItem(activeMarker);
  } catch {
    // Storage blocked: the notice after inactivity is then only shown within the open page.
  }
}

function wasActive(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(activeMarker) === '1';
  } catch {
    return false;
  }
}

export async function loadSession(signal?: AbortSignal): Promise<SessionState> {
  try {
    const session = await fetchSession(undefined, signal);
    rememberActive(true);
    return { status: 'logged-in', session, receivedAt: Date.now() };
  } catch (error) {
    if (isProblemError(error) && error.status === 401) {
      const reason = wasActive() ? 'inactivity' : null;
      rememberActive(false);
      return { status: 'logged-out', reason };
    }
    throw error;
  }
}

export function sessionQuery() {
  return queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => loadSession(signal),
    // Asking keeps the session alive on the server, so only ask when there is a reason: page load,
    // navigation, "Ingelogd blijven".
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The session state; `ask: false` only reads what is known already (pages before login ask nothing). */
export function useSessionState({ ask = true }: { ask?: boolean } = {}) {
  return useQuery({ ...sessionQuery(), enabled: ask });
}

/** After login or verify: the answer holds the session, no need to ask again. */
export function startSession(queryClient: QueryClient, session: Session): void {
  rememberActive(true);
  void queryClient.cancelQueries({ queryKey: sessionQueryKey });
  const state: SessionState = { status: 'logged-in', session, receivedAt: Date.now() };
  queryClient.setQueryData(sessionQuery().queryKey, state);
}

/** The session is over: forget everything fetched with it, so the next user sees none of it. */
export function endSession(queryClient: QueryClient, reason: LogoutReason): void {
  rememberActive(false);
  // A session request still under way must not bring the old state back.
  void queryClient.cancelQueries({ queryKey: sessionQueryKey });
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] === 'werkplek' && query.queryKey[1] !== 'session' });
  const state: SessionState = { status: 'logged-out', reason };
  queryClient.setQueryData(sessionQuery().queryKey, state);
}

/** Ask the server again (e.g. after navigation, or "Ingelogd blijven"). */
export function refreshSession(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: sessionQueryKey });
}
