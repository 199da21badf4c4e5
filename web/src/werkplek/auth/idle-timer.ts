import type { Session } from './auth-api';

// The UI's own idle timer (seed 001 §2: logged out after 3 hours without activity). The server
// decides; this clock only warns in time and ends the screen when the server will have ended the
// session. Times are this computer's `Date.now()` milliseconds.

/** The warning shows this long before the end ("U wordt over 5 minuten uitgelogd"). */
export const warningBeforeMs = 5 * 60_000;

export interface IdleDeadlines {
  /** When the session ends without activity. */
  idle: number;
  /** When the session ends regardless (the server's absolute limit). */
  absolute: number;
  /** The idle limit itself, to extend `idle` after activity. */
  idleMs: number;
}

export type IdlePhase = 'active' | 'warning' | 'expired';

/**
 * Deadlines from a session answer that arrived at `receivedAt`. Normally the server says "now +
 * the idle limit"; counting that from the arrival makes a clock difference between this computer
 * and the server harmless. Near the absolute limit the server shortens it; then only its own times
 * tell how long is left.
 */
export function deadlinesFrom(
  session: Pick<Session, 'idleTimeoutSeconds' | 'idleExpiresAt' | 'expiresAt'>,
  receivedAt: number,
): IdleDeadlines {
  const idleMs = session.idleTimeoutSeconds * 1000;
  const idleAt = Date.parse(session.idleExpiresAt);
  const endAt = Date.parse(session.expiresAt);
  const capped = !(idleAt < endAt);
  const remaining = capped ? Math.min(Math.max(idleAt - receivedAt, 0), idleMs) : idleMs;
  const idle = receivedAt + remaining;
  return { idle, absolute: idle + Math.max(endAt - idleAt, 0), idleMs };
}

/** Any successful call to the server counts as activity: the idle end moves, never past the absolute end. */
export function afterActivity(deadlines: IdleDeadlines, at: number): IdleDeadlines {
  const idle = Math.max(deadlines.idle, Math.min(at + deadlines.idleMs, deadlines.absolute));
  return idle === deadlines.idle ? deadlines : { ...deadlines, idle };
}

export function idlePhase(deadlines: IdleDeadlines, now: number): IdlePhase {
  if (now >= deadlines.idle) return 'expired';
  if (now >= deadlines.idle - warningBeforeMs) return 'warning';
  return 'active';
}
