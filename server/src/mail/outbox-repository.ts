import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

export interface QueuedMail extends OutgoingMail {
  id: string;
  attempts: number;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Queue a mail in the caller's transaction: it is sent only if what caused it is committed. */
export async function enqueueMail(executor: Executor, mail: OutgoingMail, now: Date): Promise<void> {
  await executor
    .insertInto('mail_outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      kind: mail.kind,
      created_at: now,
      next_attempt_at: now,
    })
    .execute();
}

export async function dueMail(db: Kysely<Database>, now: Date, limit: number): Promise<QueuedMail[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'kind', 'attempts'])
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    kind: row.kind,
    attempts: row.attempts,
  }));
}

/**
 * Claims one mail for sending by pushing its next attempt into the future; only one instance wins the
 * update, so two app servers never send the same mail twice.
 */
export async function claimMail(db: Kysely<Database>, id: string, attempts: number, leaseUntil: Date): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ next_attempt_at: leaseUntil, attempts: attempts + 1 })
    .where('id', '=', id)
    .where('attempts', '=', attempts)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function markSent(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('mail_outbox').set({ sent_at: now, last_error: null }).where('id', '=', id).execute();
}

export async function markAttemptFailed(
  db: Kysely<Database>,
  id: string,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set(retryAt ? { next_attempt_at: retryAt, last_error: error } : { failed_at: now, last_error: error })
    .where('id', '=', id)
    .execute();
}

export async function recentSentMail(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject', 'text_body', 'sent_at'])
    .where('sent_at', 'is not', null)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
