import { type Kysely, sql } from 'kysely';

// The import from the previous system (product.md "Migration from the previous version"; seed 001 §1 items
// 3, 4, 6, 10): each run of `npm run import:legacy` and the old "Journaal", which lands in Historie.
// Patients keep their old number in patient.legacy_id (migration 0001), so they stay findable by it.
// Frozen once landed. SQL both PostgreSQL 15 and PGlite (PostgreSQL 17) understand.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  // One row per run (not for a dry run): which files (with their SHA-256, so "the same export again" is
  // recognisable), what happened (counts), and the report as printed. finished_at stays empty when a run was
  // interrupted or failed half-way; the batches it committed stay, and a re-run continues.
  await sql`
    create table if not exists legacy_import_run (
      id bigint generated always as identity primary key,
      started_at timestamptz not null,
      finished_at timestamptz,
      source jsonb not null check (jsonb_typeof(source) = 'array'),
      counts jsonb check (counts is null or jsonb_typeof(counts) = 'object'),
      report text
    )`.execute(db);

  // A line of the old Journaal. The author is linked when the old username became a Keten account; the name
  // is kept either way. record_type decides who may see the line in Historie (the author's role: a POH-GGZ
  // note is 'ggz', seed 001 §5.4), like every other Historie entry.
  await sql`
    create table if not exists legacy_journal_entry (
      id bigint generated always as identity primary key,
      patient_id bigint not null references patient (id),
      legacy_patient_number text not null,
      recorded_at timestamptz not null,
      author_account_id bigint references account (id),
      legacy_author_username text,
      author_name text not null,
      author_role text references role (code),
      organisation_id bigint references organisation (id),
      record_type text not null references record_type (code),
      kind text not null,
      text text not null,
      text_sha256 text not null check (text_sha256 ~ '^[0-9a-f]{64}$'),
      imported_at timestamptz not null,
      import_run_id bigint not null references legacy_import_run (id),
      check (text_sha256 = encode(sha256(convert_to(text, 'UTF8')), 'hex'))
    )`.execute(db);
  // The same line is never imported twice: re-running an export (or one that overlaps) adds nothing.
  await sql`create unique index if not exists legacy_journal_entry_line_key
    on legacy_journal_entry (legacy_patient_number, recorded_at, text_sha256)`.execute(db);
  // Historie reads a patient's entries newest first.
  await sql`create index if not exists legacy_journal_entry_patient_idx
    on legacy_journal_entry (patient_id, recorded_at desc)`.execute(db);
}
