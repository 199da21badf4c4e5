import { type Kysely, sql } from 'kysely';

// Berichten and Helpdesk (seed 001 §3.4, §3.7): stored files (blobs) for attachments and referral letters, threads
// with messages, and per participant the read/archived state. Frozen once landed.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  // The content type is what the bytes are (magic numbers), never what the uploader claimed.
  await sql`
    create table blob (
      id bigint generated always as identity primary key,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
      size_bytes integer not null check (size_bytes between 1 and 10485760),
      file_name text not null check (length(file_name) between 1 and 255),
      bytes bytea not null,
      created_at timestamptz not null,
      created_by_account_id bigint not null references account (id)
    )`.execute(db);
  await sql`create index blob_sha256_idx on blob (sha256)`.execute(db);

  // A thread about a patient carries patient_id (patient data: read through server/src/patient-data/ only).
  await sql`
    create table message_thread (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('personal', 'consultation', 'helpdesk')),
      subject text not null check (length(subject) between 1 and 200),
      patient_id bigint references patient (id),
      created_by_account_id bigint not null references account (id),
      created_at timestamptz not null,
      last_message_at timestamptz not null,
      check (kind <> 'helpdesk' or patient_id is null)
    )`.execute(db);
  await sql`create index message_thread_patient_idx on message_thread (patient_id) where patient_id is not null`.execute(db);

  await sql`
    create table message (
      id bigint generated always as identity primary key,
      thread_id bigint not null references message_thread (id),
      author_account_id bigint not null references account (id),
      body text not null check (length(body) between 1 and 10000),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index message_thread_time_idx on message (thread_id, created_at, id)`.execute(db);

  await sql`
    create table message_attachment (
      message_id bigint not null references message (id),
      blob_id bigint not null references blob (id),
      position smallint not null,
      primary key (message_id, blob_id)
    )`.execute(db);
  await sql`create index message_attachment_blob_idx on message_attachment (blob_id)`.execute(db);

  // Every participant (the author too) has one row per thread. read_at is null while something in the thread is
  // unread for them; a new message clears it for everyone but its author (and takes the thread out of the archive).
  // via_group says how a recipient was added (e.g. 'role:poh-ggz', 'organisation:12', 'helpdesk').
  await sql`
    create table message_recipient (
      thread_id bigint not null references message_thread (id),
      account_id bigint not null references account (id),
      via_group text,
      joined_at timestamptz not null,
      read_at timestamptz,
      archived boolean not null default false,
      primary key (thread_id, account_id)
    )`.execute(db);
  await sql`create index message_recipient_account_idx on message_recipient (account_id, thread_id)`.execute(db);
  // The unread count (Berichten badge, Signalen "new message") is an index-only count per account.
  await sql`
    create index message_recipient_unread_idx on message_recipient (account_id)
      where read_at is null and not archived`.execute(db);
}
