import type { Kysely } from 'kysely';
import type { ProviderActor } from '../../access/context.js';
import { acceptTerms } from '../../auth/repository.js';
import type { Clock } from '../../clock.js';
import type { Database, MessageType } from '../../db/schema.js';
import { notificationPreferences, saveNotificationPreferences } from './repository.js';

// Instellingen (seed 001 §2.8): which message types also send an email; terms of use.

export const MESSAGE_TYPES: readonly MessageType[] = ['referral', 'message', 'consultation', 'result', 'appointment-reminder'];

/** Without a choice, everything that needs attention mails a notification except appointment reminders. */
export const DEFAULT_SEND_EMAIL: Record<MessageType, boolean> = {
  referral: true,
  message: true,
  consultation: true,
  result: true,
  'appointment-reminder': false,
};

export async function readNotificationSettings(db: Kysely<Database>, actor: ProviderActor) {
  const stored = new Map((await notificationPreferences(db, actor.accountId)).map((row) => [row.message_type, row.send_email]));
  return MESSAGE_TYPES.map((type) => ({ type, sendEmail: stored.get(type) ?? DEFAULT_SEND_EMAIL[type] }));
}

export async function updateNotificationSettings(
  db: Kysely<Database>,
  actor: ProviderActor,
  preferences: { type: MessageType; sendEmail: boolean }[],
) {
  await saveNotificationPreferences(db, actor.accountId, preferences);
  return readNotificationSettings(db, actor);
}

export async function acceptTermsOfUse(db: Kysely<Database>, clock: Clock, actor: ProviderActor): Promise<void> {
  await acceptTerms(db, actor.accountId, clock.now());
}
