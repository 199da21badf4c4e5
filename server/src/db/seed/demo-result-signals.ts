import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { amsterdamTimestamp, toDay } from './dates.js';
import { demoPatients } from './demo-persons.js';
import { demoAccounts } from './demo-region.js';
import { lockSeeding } from './insert-region.js';

// Demo Signalen "Uitslagen" (issue 7): huisarts.hapb has his treatment relationship with Pieter Bakker (admitted
// with hospital lab results, demo-hospital-story.ts), and every demo account last pressed "Gezien" two days before
// the reference date at 12:00 — so only Pieter's latest results (yesterday's lab and microbiology) are new.
// Deterministic and idempotent: a relationship is added only when the account never had one with him, and a
// seen-time only where the account has none.

const RELATIONSHIPS: readonly { username: string; patient: 'pieter' }[] = [{ username: 'huisarts.hapb', patient: 'pieter' }];

export async function seedDemoResultSignals(db: Kysely<Database>, referenceDate: string): Promise<void> {
  const today = toDay(referenceDate);
  const seenAt = amsterdamTimestamp(today - 2, 12 * 60);
  const usernames = demoAccounts.map((account) => account.username);
  await db.transaction().execute(async (trx) => {
    await lockSeeding(trx);
    const accounts = await trx.selectFrom('account').select(['id', 'username']).where('username', 'in', usernames).execute();
    const idOf = new Map(accounts.map((row) => [row.username, row.id]));
    for (const { username, patient } of RELATIONSHIPS) {
      const accountId = idOf.get(username);
      const patientRow = demoPatients.find((row) => row.key === patient);
      if (!accountId || !patientRow) continue;
      const present = await trx
        .selectFrom('patient')
        .select('id')
        .where('id', '=', String(patientRow.id))
        .where('bsn', '=', patientRow.bsn)
        .executeTakeFirst();
      if (!present) continue;
      const had = await trx
        .selectFrom('access_ground')
        .select('id')
        .where('patient_id', '=', present.id)
        .where('kind', '=', 'treatment-relationship')
        .where('grantee_type', '=', 'account')
        .where('grantee_id', '=', accountId)
        .executeTakeFirst();
      if (had) continue;
      await trx
        .insertInto('access_ground')
        .values({
          patient_id: present.id,
          grantee_type: 'account',
          grantee_id: accountId,
          kind: 'treatment-relationship',
          source: 'demo-seed',
          valid_from: amsterdamTimestamp(today - 400, 9 * 60),
        })
        .execute();
    }
    if (accounts.length > 0) {
      await trx
        .insertInto('result_signal_seen')
        .values(accounts.map((row) => ({ account_id: row.id, seen_at: seenAt })))
        .onConflict((conflict) => conflict.column('account_id').doNothing())
        .execute();
    }
  });
}
