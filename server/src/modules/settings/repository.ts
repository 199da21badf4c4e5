import type { Kysely } from 'kysely';
import type { Database, MessageType } from '../../db/schema.js';

export async function notificationPreferences(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom('notification_preference')
    .select(['message_type', 'send_email'])
    .where('account_id', '=', accountId)
    .execute();
}

export async function saveNotificationPreferences(
  db: Kysely<Database>,
  accountId: string,
  preferences: { type: MessageType; sendEmail: boolean }[],
) {
  await db.transaction().execute(async (trx) => {
    for (const preference of preferences) {
      await trx
        .insertInto('notification_preference')
        .values({ account_id: accountId, message_type: preference.type, send_email: preference.sendEmail })
        .onConflict((conflict) =>
          conflict.columns(['account_id', 'message_type']).doUpdateSet({ send_email: preference.sendEmail }),
        )
        .execute();
    }
  });
}
