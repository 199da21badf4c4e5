import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { uploadNotHeld } from './referral-send.js';

// Uploads nobody attached: a referral letter or message attachment uploaded and then abandoned (the message never
// sent, the file replaced before the draft saved it). Unreadable to anyone but still stored; a letter is patient
// data, so it does not stay. An upload gets a day to be attached (a message being written, a draft being filled).

export const ABANDONED_UPLOAD_AGE_MS = 24 * 60 * 60 * 1000;

/** Deletes the uploads older than a day that no message, referral or referral draft holds; logs how many. */
export async function deleteAbandonedUploads(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('blob')
      .where('created_at', '<', new Date(now.getTime() - ABANDONED_UPLOAD_AGE_MS))
      .where(uploadNotHeld)
      .executeTakeFirst();
    const deleted = Number(result.numDeletedRows);
    if (deleted > 0) {
      await recordAuditEvent(
        trx,
        {
          actor: { type: 'system', id: 'nightly-maintenance', name: 'nightly-maintenance' },
          action: 'delete',
          objectType: 'abandoned-upload',
          outcome: 'success',
          reason: 'not attached within a day',
          details: { count: deleted },
        },
        { now: () => now },
      );
    }
    return deleted;
  });
}
