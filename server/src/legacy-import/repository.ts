import { type Kysely, sql } from 'kysely';
import type { Database, OrganisationType } from '../db/schema.js';
import type { LegacySourceFile } from './tables.js';

// The import's SQL outside the patient tables: organisations, roles, persons, accounts and the run log.
// Patient tables are written by patient-data/legacy-import-repository.ts (the only place for them).

type Executor = Kysely<Database>;

/** Serialises import batches between processes (two people starting an import on one PostgreSQL). */
export const LEGACY_IMPORT_LOCK_KEY = 7_271_355_007;

export async function lockLegacyImport(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(LEGACY_IMPORT_LOCK_KEY)})`.execute(trx);
}

export interface OrganisationRef {
  id: string;
  type: OrganisationType;
  name: string;
  abbreviation: string | null;
  agbCode: string | null;
}

export async function loadOrganisations(db: Executor): Promise<OrganisationRef[]> {
  const rows = await db.selectFrom('organisation').select(['id', 'type', 'name', 'abbreviation', 'agb_code']).execute();
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    name: row.name,
    abbreviation: row.abbreviation,
    agbCode: row.agb_code,
  }));
}

/** Role code → the organisation types it belongs to. */
export async function loadRoles(db: Executor): Promise<Map<string, readonly string[]>> {
  const rows = await db.selectFrom('role').select(['code', 'organisation_types']).execute();
  return new Map(rows.map((row) => [row.code, row.organisation_types]));
}

export interface AccountRef {
  id: string;
  username: string;
  role: string;
  organisationId: string;
  personId: string;
  name: string;
}

/** Accounts by username, case-insensitively (the unique index is on lower(username)). */
export async function findAccountsByUsernames(db: Executor, usernames: readonly string[]): Promise<AccountRef[]> {
  if (usernames.length === 0) return [];
  const lower = [...new Set(usernames.map((username) => username.toLowerCase()))];
  const rows = await db
    .selectFrom('account')
    .innerJoin('person', 'person.id', 'account.person_id')
    .select(['account.id', 'account.username', 'account.role', 'account.organisation_id', 'account.person_id'])
    .select(['person.given_name', 'person.family_name_prefix', 'person.family_name'])
    .where(sql<boolean>`lower(account.username) = any(${lower}::text[])`)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    role: row.role,
    organisationId: row.organisation_id,
    personId: row.person_id,
    name: [row.given_name, row.family_name_prefix, row.family_name].filter(Boolean).join(' '),
  }));
}

/** Which of these (organisation, gebruikersnummer) pairs are taken, as `organisationId:number` → username. */
export async function findTakenUserNumbers(
  db: Executor,
  pairs: readonly { organisationId: string; gebruikersnummer: number }[],
): Promise<Map<string, string>> {
  if (pairs.length === 0) return new Map();
  const rows = await db
    .selectFrom('account')
    .select(['organisation_id', 'gebruikersnummer', 'username'])
    .where(
      sql<boolean>`(organisation_id, gebruikersnummer) in (select * from unnest(${pairs.map((pair) => pair.organisationId)}::bigint[],
        ${pairs.map((pair) => pair.gebruikersnummer)}::integer[]))`,
    )
    .execute();
  return new Map(rows.map((row) => [`${row.organisation_id}:${row.gebruikersnummer}`, row.username]));
}

export interface PersonRef {
  id: string;
  email: string;
  /** Organisations where this person already has an account. */
  organisationIds: string[];
}

/** Persons by e-mail address (case-insensitively), with the organisations they have accounts at. */
export async function findPersonsByEmails(db: Executor, emails: readonly string[]): Promise<PersonRef[]> {
  if (emails.length === 0) return [];
  const lower = [...new Set(emails.map((email) => email.toLowerCase()))];
  const rows = await db
    .selectFrom('person')
    .leftJoin('account', 'account.person_id', 'person.id')
    .select(['person.id', 'person.email', 'account.organisation_id'])
    .where(sql<boolean>`lower(person.email) = any(${lower}::text[])`)
    .execute();
  const byId = new Map<string, PersonRef>();
  for (const row of rows) {
    const person = byId.get(row.id) ?? { id: row.id, email: (row.email ?? '').toLowerCase(), organisationIds: [] };
    if (row.organisation_id) person.organisationIds.push(row.organisation_id);
    byId.set(row.id, person);
  }
  return [...byId.values()];
}

export async function insertPerson(
  trx: Executor,
  person: { initials: string | null; givenName: string; prefix: string | null; familyName: string; email: string },
): Promise<string> {
  const row = await trx
    .insertInto('person')
    .values({
      initials: person.initials,
      given_name: person.givenName,
      family_name_prefix: person.prefix,
      family_name: person.familyName,
      email: person.email,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A migrated account: personal, active, no usable password (the user sets one through "Wachtwoord
 * vergeten?", seed 001 §2.1) and marked to change it (product.md: migrated accounts must change password).
 */
export async function insertMigratedAccount(
  trx: Executor,
  account: { personId: string; organisationId: string; role: string; username: string; gebruikersnummer: number; email: string },
): Promise<string> {
  const row = await trx
    .insertInto('account')
    .values({
      person_id: account.personId,
      organisation_id: account.organisationId,
      role: account.role,
      username: account.username,
      gebruikersnummer: account.gebruikersnummer,
      personal: true,
      email: account.email,
      password_hash: null,
      must_change_password: true,
      state: 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// ——— the run log ———

function runs(db: Executor) {
  return db;
}

export async function insertImportRun(db: Executor, startedAt: Date, source: readonly LegacySourceFile[]): Promise<string> {
  const row = await runs(db)
    .insertInto('legacy_import_run')
    .values({ started_at: startedAt, source: JSON.stringify(source) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishImportRun(
  db: Executor,
  runId: string,
  outcome: { finishedAt: Date | null; counts: object; report: string },
): Promise<void> {
  await runs(db)
    .updateTable('legacy_import_run')
    .set({ finished_at: outcome.finishedAt, counts: JSON.stringify(outcome.counts), report: outcome.report })
    .where('id', '=', runId)
    .execute();
}

export interface PreviousRun {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  source: LegacySourceFile[];
}

/** Earlier runs, oldest first (a handful per installation). */
export async function loadImportRuns(db: Executor): Promise<PreviousRun[]> {
  const rows = await runs(db)
    .selectFrom('legacy_import_run')
    .select(['id', 'started_at', 'finished_at', 'source'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, startedAt: row.started_at, finishedAt: row.finished_at, source: row.source }));
}
