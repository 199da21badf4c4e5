import { type Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new numbered migration instead.
// SQL both PostgreSQL 15 (production) and PGlite 0.4 (PostgreSQL 17, embedded) understand.
//
// The NEN 7513 audit log: who did what with whose data, when, from where and on what grounds.
// NEN 7513 requires the log to be protected against alteration and removal: rows are only ever appended
// (trigger + privileges) and chained with SHA-256 hashes, so an edit made around both is still detected by
// `npm run audit:verify`.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  // Every value is stored exactly as it was hashed (text, not inet; canonical kept as text), so the verifier
  // can recompute the hashed content from the columns. patient_id has no foreign key on purpose:
  // the log must outlive the records it is about.
  await sql`
    create table audit_event (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null,
      actor_type text not null check (actor_type in ('provider', 'patient', 'proxy', 'external', 'system')),
      actor_id text,
      actor_name text,
      actor_role text,
      actor_organisation_id text,
      actor_organisation_name text,
      on_behalf_of text,
      patient_id bigint,
      action text not null check (action ~ '^[a-z][a-z0-9-]*$'),
      object_type text,
      object_id text,
      outcome text not null check (outcome in ('success', 'denied', 'failure')),
      reason text,
      ip text,
      user_agent text,
      session_ref text,
      request_id text,
      details jsonb check (details is null or jsonb_typeof(details) = 'object'),
      canonical text not null,
      prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null unique check (hash ~ '^[0-9a-f]{64}$'),
      -- One successor per event: two appends that read the same last event can never both commit,
      -- so the chain cannot fork even if the advisory lock were bypassed.
      unique (prev_hash)
    )`.execute(db);

  // The searches of the audit views: by patient (the patient's right to see who accessed the record, NEN 7513 /
  // Wabvpz) and by user or organisation (supervision by the privacy officer).
  await sql`create index audit_event_patient_idx on audit_event (patient_id, occurred_at) where patient_id is not null`.execute(
    db,
  );
  await sql`create index audit_event_actor_idx on audit_event (actor_id, occurred_at) where actor_id is not null`.execute(db);
  await sql`create index audit_event_organisation_idx on audit_event (actor_organisation_id, occurred_at)
    where actor_organisation_id is not null`.execute(db);
  await sql`create index audit_event_time_idx on audit_event (occurred_at)`.execute(db);

  // Append-only, enforced in the database for every role including the owner (PGlite has only a superuser,
  // so this trigger is what protects the log there). Disabling it needs table ownership and leaves the hash
  // chain to catch what was changed.
  await sql`
    create function audit_event_append_only() returns trigger
    language plpgsql
    as $$
    begin
      raise exception 'audit_event is append-only (NEN 7513): % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_event_no_update_or_delete
      before update or delete on audit_event
      for each row execute function audit_event_append_only()`.execute(db);
  await sql`
    create trigger audit_event_no_truncate
      before truncate on audit_event
      for each statement execute function audit_event_append_only()`.execute(db);

  // The application's role: the app connects as the owner and runs `SET ROLE keten_app`; migrations keep
  // running as the owner. Roles are cluster-wide, so another database (or a parallel test) may have
  // created it already.
  await sql`
    do $$
    begin
      if not exists (select from pg_roles where rolname = 'keten_app') then
        begin
          create role keten_app nologin;
        exception when duplicate_object or unique_violation then
          null; -- created concurrently by another database's migration
        end;
      end if;
      -- SET ROLE needs membership; a superuser is a member of every role already.
      if not pg_has_role(current_user, 'keten_app', 'member') then
        execute format('grant keten_app to %I', current_user);
      end if;
    end
    $$`.execute(db);
  await sql`grant usage on schema public to keten_app`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema public to keten_app`.execute(db);
  await sql`grant usage, update on all sequences in schema public to keten_app`.execute(db);
  await sql`alter default privileges in schema public grant select, insert, update, delete on tables to keten_app`.execute(db);
  await sql`alter default privileges in schema public grant usage, update on sequences to keten_app`.execute(db);
  // The log itself: read and append only. A future table holding audit rows (e.g. monthly partitions)
  // gets the default grants above and must revoke update/delete the same way.
  await sql`revoke update, delete, truncate, references, trigger on audit_event from keten_app`.execute(db);
  await sql`revoke all on audit_event from public`.execute(db);
}
