import { type Kysely, sql } from 'kysely';

// Patients in the Werkplek: insurance-right checks (Vecozo COV, seed 001 §4), memos (§5.7).
// Frozen once landed.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  // A check can run before the patient exists ("Volgende stap" in Patiënt toevoegen); it is linked on save.
  await sql`
    create table insurance_check (
      id bigint generated always as identity primary key,
      patient_id bigint references patient (id),
      bsn text not null check (bsn ~ '^[0-9]{9}$'),
      birth_date date not null,
      checked_at timestamptz not null,
      checked_by_account_id bigint not null references account (id),
      outcome text not null check (outcome in ('insured', 'not-insured', 'unavailable')),
      insurer_name text,
      uzovi_code text,
      policy_number text,
      source text not null
    )`.execute(db);
  await sql`create index insurance_check_patient_idx on insurance_check (patient_id, checked_at desc)`.execute(db);

  await sql`
    create table memo (
      id bigint generated always as identity primary key,
      patient_id bigint not null references patient (id),
      author_account_id bigint not null references account (id),
      organisation_id bigint not null references organisation (id),
      visibility text not null check (visibility in ('personal', 'practice')),
      text text not null check (length(text) between 1 and 4000),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      deleted_at timestamptz
    )`.execute(db);
  await sql`create index memo_patient_idx on memo (patient_id) where deleted_at is null`.execute(db);
}
