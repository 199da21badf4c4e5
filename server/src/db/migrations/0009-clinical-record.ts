import { type Kysely, sql } from 'kysely';

// The clinical record (docs/clinical-record.md §2; product.md §1 "Patient record tabs" and "Forms"; seed 001 §5–§6):
// form definitions as data, drafts, published entries with their versions, and measurements that know the
// form response they came from and their record type (so Monitoring obeys the role × record-type matrix).
// Frozen once landed. SQL both PostgreSQL 15 and PGlite (PostgreSQL 17) understand. The `keten_app` role gets
// its rights on these tables from the default privileges of migration 0004.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  // Every version of every form of the library (@keten/forms), copied at start-up and never changed once stored:
  // a stored response always refers to the exact definition it was made with. content_sha256 is the hash of the
  // definition's canonical JSON, so a changed library version is noticed at start.
  await sql`
    create table form_definition (
      id bigint generated always as identity primary key,
      key text not null check (key ~ '^[a-z0-9][a-z0-9-]*$'),
      version integer not null check (version > 0),
      record_type text not null references record_type (code),
      title_nl text not null,
      title_en text not null,
      trajectory text check (trajectory in ('DM2', 'CVRM', 'COPD', 'DIETETIEK', 'GLI', 'GGZ', 'FYSIO', 'VOETZORG')),
      definition jsonb not null check (jsonb_typeof(definition) = 'object'),
      content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now(),
      unique (key, version)
    )`.execute(db);

  // A published registration ("Registratie"): what Historie lists. The newest version is current_version; the
  // record type, organisation and author decide who reads and who edits it (policy.ts step 6).
  await sql`
    create table form_entry (
      id bigint generated always as identity primary key,
      patient_id bigint not null references patient (id),
      form_key text not null,
      record_type text not null references record_type (code),
      organisation_id bigint not null references organisation (id),
      author_account_id bigint not null references account (id),
      trajectory_id bigint references trajectory (id),
      published_at timestamptz not null,
      current_version integer not null default 1 check (current_version > 0),
      updated_at timestamptz not null
    )`.execute(db);
  // Historie: a patient's entries newest first; once-only tasks and the task filter by form key.
  await sql`create index form_entry_patient_published_idx on form_entry (patient_id, published_at desc)`.execute(db);
  await sql`create index form_entry_patient_form_idx on form_entry (patient_id, form_key)`.execute(db);

  // Every version of an entry (Bewerken adds one; all stay readable). The request id makes publishing idempotent:
  // the same request again (a retried click, a repeated network call) finds this row instead of adding one.
  await sql`
    create table form_response (
      id bigint generated always as identity primary key,
      entry_id bigint not null references form_entry (id),
      patient_id bigint not null references patient (id),
      version integer not null check (version > 0),
      definition_id bigint not null references form_definition (id),
      response jsonb not null check (jsonb_typeof(response) = 'object'),
      author_account_id bigint not null references account (id),
      organisation_id bigint not null references organisation (id),
      published_at timestamptz not null,
      request_id uuid not null,
      unique (entry_id, version)
    )`.execute(db);
  await sql`create unique index form_response_request_id_key on form_response (request_id)`.execute(db);

  // Unpublished answers: one per account × patient × form (× entry when editing); only the author sees them.
  await sql`
    create table form_draft (
      id bigint generated always as identity primary key,
      patient_id bigint not null references patient (id),
      account_id bigint not null references account (id),
      form_key text not null,
      entry_id bigint references form_entry (id),
      definition_id bigint not null references form_definition (id),
      response jsonb not null check (jsonb_typeof(response) = 'object'),
      saved_at timestamptz not null
    )`.execute(db);
  await sql`create unique index form_draft_owner_key
    on form_draft (account_id, patient_id, form_key, coalesce(entry_id, 0))`.execute(db);
  await sql`create index form_draft_patient_idx on form_draft (patient_id)`.execute(db);

  // Measurements know the response (version) they were derived from and their record type. Existing rows:
  // hospital lab values are the hospital's, everything else was registered in somatic care.
  await sql`alter table measurement add column form_response_id bigint references form_response (id)`.execute(db);
  await sql`alter table measurement add column record_type text not null default 'somatic' references record_type (code)`.execute(
    db,
  );
  await sql`update measurement set record_type = 'hospital' where source = 'hospital-lab'`.execute(db);
  await sql`create index measurement_form_response_idx on measurement (form_response_id) where form_response_id is not null`.execute(
    db,
  );
  // Monitoring: per patient the measures of the readable record types, and each measure's series.
  await sql`create index measurement_patient_type_code_idx on measurement (patient_id, record_type, code, measured_at desc)`.execute(
    db,
  );
}
