import { type Kysely, sql, type Transaction } from 'kysely';
import { auditActorOf, systemActor } from '../access/context.js';
import type { AuditEventInput } from '../audit/audit-event.js';
import { recordAuditEvents } from '../audit/record.js';
import type { Database, Gender } from '../db/schema.js';

// The import from the previous system (legacy-import/) is a bulk system job: it acts as the named system
// actor, which the policy allows (access/policy.ts, step 1), and every change to patient data is audited
// here, in the transaction that makes it (NEN 7513): one `create` per patient added, one `update` per
// existing record that gets its old number, one `create` per patient whose Journaal grew in a batch.
// Patient tables are only named in this file of the import (architecture.test.ts).
//
// No treatment relationship is granted: a migrated record is reached through its enrolment, so the first
// opening by each account asks once to confirm the relationship (seed 001 §1 item 1; access/policy.ts
// needsConfirmation).

type Executor = Kysely<Database>;

const AUDIT_REASON = 'legacy-import';

export interface LegacyPatientMatch {
  id: string;
  bsn: string | null;
  legacyId: string | null;
}

/** Existing records with one of these BSNs or old numbers. */
export async function findLegacyPatientMatches(
  db: Executor,
  bsns: readonly string[],
  patientNumbers: readonly string[],
): Promise<LegacyPatientMatch[]> {
  if (bsns.length === 0 && patientNumbers.length === 0) return [];
  const rows = await db
    .selectFrom('patient')
    .select(['id', 'bsn', 'legacy_id'])
    .where(sql<boolean>`bsn = any(${[...bsns]}::text[]) or legacy_id = any(${[...patientNumbers]}::text[])`)
    .execute();
  return rows.map((row) => ({ id: row.id, bsn: row.bsn, legacyId: row.legacy_id }));
}

/** Patient id by old number, for the numbers that have a record. */
export async function findPatientIdsByLegacyNumbers(
  db: Executor,
  patientNumbers: readonly string[],
): Promise<Map<string, string>> {
  if (patientNumbers.length === 0) return new Map();
  const rows = await db
    .selectFrom('patient')
    .select(['id', 'legacy_id'])
    .where(sql<boolean>`legacy_id = any(${[...patientNumbers]}::text[])`)
    .execute();
  return new Map(rows.map((row) => [row.legacy_id ?? '', row.id]));
}

export interface NewLegacyPatient {
  patientNumber: string;
  bsn: string;
  initials: string | null;
  givenNames: string | null;
  roepnaam: string;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
  gender: Gender;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  practiceId: string;
  enrolledFrom: string;
}

export interface LegacyImportAudit {
  runId: string;
  at: Date;
}

function auditEvent(audit: LegacyImportAudit, event: Omit<AuditEventInput, 'actor' | 'outcome' | 'reason' | 'requestId'>) {
  return {
    actor: auditActorOf(systemActor),
    outcome: 'success',
    reason: AUDIT_REASON,
    requestId: `legacy-import-run:${audit.runId}`,
    ...event,
  } satisfies AuditEventInput;
}

const column = <Row>(rows: readonly Row[], value: (row: Row) => string | null) => rows.map(value);

/**
 * Adds new patients (each enrolled at its practice) and writes old numbers onto existing records, in the
 * caller's transaction. A BSN or old number that another transaction stored meanwhile is left alone (the
 * unique indexes decide); the result says which rows were written.
 */
export async function importLegacyPatients(
  trx: Transaction<Database>,
  batch: { create: readonly NewLegacyPatient[]; link: readonly { patientId: string; patientNumber: string }[] },
  audit: LegacyImportAudit,
): Promise<{ created: Map<string, string>; linked: Map<string, string> }> {
  const created = new Map<string, string>();
  const linked = new Map<string, string>();
  const { create, link } = batch;
  if (create.length > 0) {
    const { rows } = await sql<{ id: string; legacy_id: string }>`
      insert into patient (bsn, initials, given_names, roepnaam, family_name_prefix, family_name, birth_date, gender,
        street, house_number, house_number_suffix, postcode, city, phone, email, legacy_id)
      select * from unnest(
        ${column(create, (row) => row.bsn)}::text[], ${column(create, (row) => row.initials)}::text[],
        ${column(create, (row) => row.givenNames)}::text[], ${column(create, (row) => row.roepnaam)}::text[],
        ${column(create, (row) => row.familyNamePrefix)}::text[], ${column(create, (row) => row.familyName)}::text[],
        ${column(create, (row) => row.birthDate)}::date[], ${column(create, (row) => row.gender)}::text[],
        ${column(create, (row) => row.street)}::text[], ${column(create, (row) => row.houseNumber)}::text[],
        ${column(create, (row) => row.houseNumberSuffix)}::text[], ${column(create, (row) => row.postcode)}::text[],
        ${column(create, (row) => row.city)}::text[], ${column(create, (row) => row.phone)}::text[],
        ${column(create, (row) => row.email)}::text[], ${column(create, (row) => row.patientNumber)}::text[])
      on conflict do nothing
      returning id, legacy_id`.execute(trx);
    for (const row of rows) created.set(row.legacy_id, row.id);
    const enrolled = create.filter((row) => created.has(row.patientNumber));
    if (enrolled.length > 0) {
      await sql`
        insert into enrolment (patient_id, organisation_id, valid_from)
        select * from unnest(${enrolled.map((row) => created.get(row.patientNumber) ?? '')}::bigint[],
          ${column(enrolled, (row) => row.practiceId)}::bigint[], ${column(enrolled, (row) => row.enrolledFrom)}::date[])`.execute(
        trx,
      );
    }
  }
  if (link.length > 0) {
    const { rows } = await sql<{ id: string; legacy_id: string }>`
      update patient set legacy_id = v.legacy_id
        from unnest(${column(link, (row) => row.patientId)}::bigint[], ${column(link, (row) => row.patientNumber)}::text[])
          as v (id, legacy_id)
       where patient.id = v.id and patient.legacy_id is null
         and not exists (select 1 from patient other where other.legacy_id = v.legacy_id)
      returning patient.id, patient.legacy_id`.execute(trx);
    for (const row of rows) linked.set(row.legacy_id, row.id);
  }
  const events = [
    ...[...created].map(([patientNumber, id]) =>
      auditEvent(audit, {
        patientId: id,
        action: 'create',
        objectType: 'patient',
        objectId: id,
        details: { legacyId: patientNumber, run: audit.runId },
      }),
    ),
    ...[...linked].map(([patientNumber, id]) =>
      auditEvent(audit, {
        patientId: id,
        action: 'update',
        objectType: 'patient',
        objectId: id,
        details: { legacyId: patientNumber, field: 'legacy_id', run: audit.runId },
      }),
    ),
  ];
  await recordAuditEvents(trx, events, { now: () => audit.at });
  return { created, linked };
}

export interface NewLegacyJournalEntry {
  patientId: string;
  patientNumber: string;
  recordedAt: Date;
  authorAccountId: string | null;
  authorUsername: string | null;
  authorName: string;
  authorRole: string | null;
  organisationId: string | null;
  recordType: string;
  kind: string;
  text: string;
  textSha256: string;
}

/** The unique key of a Journaal line, as the importer compares them. */
export function journalKey(entry: { patientNumber: string; recordedAt: Date; textSha256: string }): string {
  return `${entry.patientNumber}|${entry.recordedAt.toISOString()}|${entry.textSha256}`;
}

/** Which of these lines are already stored (for a dry run; a real run lets the unique key decide). */
export async function findStoredJournalKeys(db: Executor, entries: readonly NewLegacyJournalEntry[]): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const { rows } = await sql<{ legacy_patient_number: string; recorded_at: Date; text_sha256: string }>`
    select e.legacy_patient_number, e.recorded_at, e.text_sha256
      from legacy_journal_entry e
      join unnest(${column(entries, (entry) => entry.patientNumber)}::text[],
        ${entries.map((entry) => entry.recordedAt.toISOString())}::timestamptz[],
        ${column(entries, (entry) => entry.textSha256)}::text[]) as k (patient_number, recorded_at, text_sha256)
        on e.legacy_patient_number = k.patient_number and e.recorded_at = k.recorded_at and e.text_sha256 = k.text_sha256`.execute(
    db,
  );
  return new Set(
    rows.map((row) =>
      journalKey({ patientNumber: row.legacy_patient_number, recordedAt: row.recorded_at, textSha256: row.text_sha256 }),
    ),
  );
}

/**
 * Stores Journaal lines; a line already present (same old number, moment and text) is skipped by the unique
 * key. Returns the stored lines' authors (null when the author had no Keten account).
 */
export async function importLegacyJournalEntries(
  trx: Transaction<Database>,
  entries: readonly NewLegacyJournalEntry[],
  audit: LegacyImportAudit,
): Promise<{ stored: number; withoutAuthorAccount: number }> {
  if (entries.length === 0) return { stored: 0, withoutAuthorAccount: 0 };
  const { rows } = await sql<{ patient_id: string; author_account_id: string | null }>`
    insert into legacy_journal_entry (patient_id, legacy_patient_number, recorded_at, author_account_id,
      legacy_author_username, author_name, author_role, organisation_id, record_type, kind, text, text_sha256,
      imported_at, import_run_id)
    select k.*, ${audit.at}::timestamptz, ${audit.runId}::bigint from unnest(
      ${column(entries, (entry) => entry.patientId)}::bigint[], ${column(entries, (entry) => entry.patientNumber)}::text[],
      ${entries.map((entry) => entry.recordedAt.toISOString())}::timestamptz[],
      ${column(entries, (entry) => entry.authorAccountId)}::bigint[], ${column(entries, (entry) => entry.authorUsername)}::text[],
      ${column(entries, (entry) => entry.authorName)}::text[], ${column(entries, (entry) => entry.authorRole)}::text[],
      ${column(entries, (entry) => entry.organisationId)}::bigint[], ${column(entries, (entry) => entry.recordType)}::text[],
      ${column(entries, (entry) => entry.kind)}::text[], ${column(entries, (entry) => entry.text)}::text[],
      ${column(entries, (entry) => entry.textSha256)}::text[]) as k
    on conflict (legacy_patient_number, recorded_at, text_sha256) do nothing
    returning patient_id, author_account_id`.execute(trx);
  const perPatient = new Map<string, number>();
  for (const row of rows) perPatient.set(row.patient_id, (perPatient.get(row.patient_id) ?? 0) + 1);
  await recordAuditEvents(
    trx,
    [...perPatient].map(([patientId, lines]) =>
      auditEvent(audit, {
        patientId,
        action: 'create',
        objectType: 'legacy-journal',
        details: { lines, run: audit.runId },
      }),
    ),
    { now: () => audit.at },
  );
  return { stored: rows.length, withoutAuthorAccount: rows.filter((row) => row.author_account_id === null).length };
}
