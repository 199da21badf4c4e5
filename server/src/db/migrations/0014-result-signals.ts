import { type Kysely, sql } from 'kysely';

// Signalen "Uitslagen" (issue 7; seed 001 §3.3): per account the moment it last marked its result signals as
// seen ("Gezien"). A result (a hospital/lab document or a lab measurement) created after it is new. No row: every
// result of the account's patients is new. Frozen once landed.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table result_signal_seen (
      account_id bigint primary key references account (id),
      seen_at timestamptz not null
    )`.execute(db);
  // "New since": results of a patient by arrival time.
  await sql`create index measurement_patient_created_idx on measurement (patient_id, created_at)`.execute(db);
}
