import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { claimMail, dueMail, markAttemptFailed, markSent } from './outbox-repository.js';
import type { MailTransport } from './transport.js';

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;

/** Exponential back-off: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
}

/** Sends what is due once; returns how many were sent. Safe to run on several instances at once. */
export async function sendDueMail(
  db: Kysely<Database>,
  transport: MailTransport,
  clock: Clock,
  log?: FastifyBaseLogger,
): Promise<number> {
  let sent = 0;
  for (const mail of await dueMail(db, clock.now(), 50)) {
    const now = clock.now();
    if (!(await claimMail(db, mail.id, mail.attempts, new Date(now.getTime() + LEASE_MS)))) continue;
    const attempt = mail.attempts + 1;
    try {
      await transport.send(mail);
      await markSent(db, mail.id, clock.now());
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = attempt < MAX_ATTEMPTS ? new Date(clock.now().getTime() + retryDelayMs(attempt)) : null;
      await markAttemptFailed(db, mail.id, message, retryAt, clock.now());
      // The address is personal data: log the outbox id, not the recipient.
      log?.warn({ mailId: mail.id, attempt, willRetry: retryAt !== null }, 'mail delivery failed');
    }
  }
  return sent;
}

export interface MailSender {
  /** Ask for a send soon (after an enqueue), instead of waiting for the next tick. */
  nudge(): void;
  stop(): Promise<void>;
}

/** The background sender: a tick every few seconds, survives restarts because the outbox is in the database. */
export function startMailSender(
  db: Kysely<Database>,
  transport: MailTransport,
  clock: Clock,
  log: FastifyBaseLogger,
  intervalMs = 2_000,
): MailSender {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = running
      .then(() => sendDueMail(db, transport, clock, log))
      .catch((error: unknown) => log.error({ err: error }, 'mail sender tick failed'));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    nudge: () => setImmediate(tick),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
