import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { HisLaunchMethod, HisLaunchTables, HisPatientContext } from './tables.js';

// The only SQL of the HIS launch: practice credentials, personal links, pending launches, used signatures, and the
// accounts of a practice. No patient tables: finding the patient is patient-data/his-patient-lookup.ts.
// A Transaction is a Kysely, so every function also runs inside the caller's transaction.

function his(executor: Kysely<Database>) {
  return executor.withTables<HisLaunchTables>();
}

export interface PracticeCredentials {
  organisationId: string;
  organisationName: string;
  organisatienummer: number;
  praktijknummer: number;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  signingSecret: string | null;
  signingSecretCreatedAt: Date | null;
}

function credentialsQuery(executor: Kysely<Database>) {
  return his(executor)
    .selectFrom('his_practice_credential as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'c.organisation_id',
      'o.name',
      'c.organisatienummer',
      'c.praktijknummer',
      'c.password_hash',
      'c.password_changed_at',
      'c.signing_secret',
      'c.signing_secret_created_at',
    ])
    .where('o.type', '=', 'gp-practice');
}

type CredentialsRow = Awaited<ReturnType<ReturnType<typeof credentialsQuery>['executeTakeFirstOrThrow']>>;

function toCredentials(row: CredentialsRow): PracticeCredentials {
  return {
    organisationId: row.organisation_id,
    organisationName: row.name,
    organisatienummer: row.organisatienummer,
    praktijknummer: row.praktijknummer,
    passwordHash: row.password_hash,
    passwordChangedAt: row.password_changed_at,
    signingSecret: row.signing_secret,
    signingSecretCreatedAt: row.signing_secret_created_at,
  };
}

/** The GP practice the HIS names with Organisatienummer + Praktijknummer (both must match). */
export async function findPracticeByNumbers(
  executor: Kysely<Database>,
  organisatienummer: number,
  praktijknummer: number,
): Promise<PracticeCredentials | undefined> {
  const row = await credentialsQuery(executor)
    .where('c.organisatienummer', '=', organisatienummer)
    .where('c.praktijknummer', '=', praktijknummer)
    .executeTakeFirst();
  return row && toCredentials(row);
}

export async function findPracticeCredentials(
  executor: Kysely<Database>,
  organisationId: string,
): Promise<PracticeCredentials | undefined> {
  const row = await credentialsQuery(executor).where('c.organisation_id', '=', organisationId).executeTakeFirst();
  return row && toCredentials(row);
}

/** Numbers for a practice that has none yet (demo seed; later the platform administrator). Keeps existing rows. */
export async function insertPracticeNumbersIfMissing(
  executor: Kysely<Database>,
  row: { organisationId: string; organisatienummer: number; praktijknummer: number; passwordHash: string | null; now: Date },
): Promise<boolean> {
  const result = await his(executor)
    .insertInto('his_practice_credential')
    .values({
      organisation_id: row.organisationId,
      organisatienummer: row.organisatienummer,
      praktijknummer: row.praktijknummer,
      password_hash: row.passwordHash,
      password_changed_at: row.passwordHash ? row.now : null,
    })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function setPracticePassword(
  executor: Kysely<Database>,
  organisationId: string,
  passwordHash: string,
  now: Date,
  byAccountId: string | null,
): Promise<void> {
  await his(executor)
    .updateTable('his_practice_credential')
    .set({ password_hash: passwordHash, password_changed_at: now, password_changed_by_account_id: byAccountId })
    .where('organisation_id', '=', organisationId)
    .execute();
}

export async function setSigningSecret(
  executor: Kysely<Database>,
  organisationId: string,
  secret: string,
  now: Date,
): Promise<void> {
  await his(executor)
    .updateTable('his_practice_credential')
    .set({ signing_secret: secret, signing_secret_created_at: now })
    .where('organisation_id', '=', organisationId)
    .execute();
}

// --- accounts of a practice ---

export interface PracticeAccount {
  id: string;
  username: string;
  name: string;
  role: string;
  roleName: { nl: string; en: string };
  gebruikersnummer: number;
  personal: boolean;
  active: boolean;
  linkCreatedAt: Date | null;
}

function practiceAccountQuery(executor: Kysely<Database>) {
  return his(executor)
    .selectFrom('account')
    .innerJoin('person', 'person.id', 'account.person_id')
    .innerJoin('role', 'role.code', 'account.role')
    .leftJoin('his_account_link as link', 'link.account_id', 'account.id')
    .select([
      'account.id',
      'account.username',
      'account.role',
      'account.gebruikersnummer',
      'account.personal',
      'account.state',
      'person.given_name',
      'person.family_name_prefix',
      'person.family_name',
      'role.name_nl',
      'role.name_en',
      'link.created_at as link_created_at',
    ]);
}

type PracticeAccountRow = Awaited<ReturnType<ReturnType<typeof practiceAccountQuery>['executeTakeFirstOrThrow']>>;

function toPracticeAccount(row: PracticeAccountRow): PracticeAccount {
  return {
    id: row.id,
    username: row.username,
    name: [row.given_name, row.family_name_prefix, row.family_name].filter(Boolean).join(' '),
    role: row.role,
    roleName: { nl: row.name_nl, en: row.name_en },
    gebruikersnummer: row.gebruikersnummer,
    personal: row.personal,
    active: row.state === 'active',
    linkCreatedAt: row.link_created_at,
  };
}

/** The account with this Gebruikersnummer in this practice (seed 000: "niet de gebruikersnaam"). */
export async function findPracticeAccountByNumber(
  executor: Kysely<Database>,
  organisationId: string,
  gebruikersnummer: number,
): Promise<PracticeAccount | undefined> {
  const row = await practiceAccountQuery(executor)
    .where('account.organisation_id', '=', organisationId)
    .where('account.gebruikersnummer', '=', gebruikersnummer)
    .executeTakeFirst();
  return row && toPracticeAccount(row);
}

export async function findPracticeAccountById(
  executor: Kysely<Database>,
  organisationId: string,
  accountId: string,
): Promise<PracticeAccount | undefined> {
  const row = await practiceAccountQuery(executor)
    .where('account.organisation_id', '=', organisationId)
    .where('account.id', '=', accountId)
    .executeTakeFirst();
  return row && toPracticeAccount(row);
}

export async function listPracticeAccounts(executor: Kysely<Database>, organisationId: string): Promise<PracticeAccount[]> {
  const rows = await practiceAccountQuery(executor)
    .where('account.organisation_id', '=', organisationId)
    .orderBy('account.gebruikersnummer')
    .execute();
  return rows.map(toPracticeAccount);
}

// --- personal links (MiraHIS) ---

export async function findAccountLinkHash(executor: Kysely<Database>, accountId: string): Promise<string | undefined> {
  const row = await his(executor)
    .selectFrom('his_account_link')
    .select('token_hash')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.token_hash;
}

/** Replaces the account's link: the previous token stops working at once. */
export async function saveAccountLink(
  executor: Kysely<Database>,
  link: { accountId: string; tokenHash: string; now: Date; byAccountId: string | null },
): Promise<void> {
  await his(executor)
    .insertInto('his_account_link')
    .values({
      account_id: link.accountId,
      token_hash: link.tokenHash,
      created_at: link.now,
      created_by_account_id: link.byAccountId,
    })
    .onConflict((conflict) =>
      conflict.column('account_id').doUpdateSet({
        token_hash: link.tokenHash,
        created_at: link.now,
        created_by_account_id: link.byAccountId,
      }),
    )
    .execute();
}

// --- pending launches ---

export async function insertLaunch(
  executor: Kysely<Database>,
  launch: {
    tokenHash: string;
    accountId: string;
    method: HisLaunchMethod;
    patientContext: HisPatientContext;
    now: Date;
    expiresAt: Date;
  },
): Promise<string> {
  const row = await his(executor)
    .insertInto('his_launch')
    .values({
      token_hash: launch.tokenHash,
      account_id: launch.accountId,
      method: launch.method,
      patient_context: JSON.stringify(launch.patientContext),
      created_at: launch.now,
      expires_at: launch.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StoredLaunch {
  id: string;
  accountId: string;
  method: HisLaunchMethod;
  patientContext: HisPatientContext | null;
  expiresAt: Date;
  usedAt: Date | null;
}

/** The launch behind a token hash; `lock` takes a row lock (use it inside the transaction that uses the launch). */
export async function findLaunch(
  executor: Kysely<Database>,
  tokenHash: string,
  options: { lock?: boolean } = {},
): Promise<StoredLaunch | undefined> {
  let query = his(executor)
    .selectFrom('his_launch')
    .select(['id', 'account_id', 'method', 'patient_context', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return (
    row && {
      id: row.id,
      accountId: row.account_id,
      method: row.method,
      patientContext: row.patient_context,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
    }
  );
}

/** Marks the launch used and forgets the patient context (data minimisation: it was only needed once). */
export async function useLaunch(executor: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const result = await his(executor)
    .updateTable('his_launch')
    .set({ used_at: now, patient_context: null })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Launches and used signatures past their expiry (plus a grace period the caller chooses) are deleted. */
export async function pruneExpired(executor: Kysely<Database>, launchesBefore: Date, signaturesBefore: Date): Promise<void> {
  await his(executor).deleteFrom('his_launch').where('expires_at', '<', launchesBefore).execute();
  await his(executor).deleteFrom('his_signature_use').where('expires_at', '<', signaturesBefore).execute();
}

// --- used signatures ---

/** Records a signature as used; false when it was used before (a replay). Atomic across instances. */
export async function recordSignatureUse(
  executor: Kysely<Database>,
  use: { signatureHash: string; organisationId: string; expiresAt: Date },
): Promise<boolean> {
  const row = await his(executor)
    .insertInto('his_signature_use')
    .values({ signature_hash: use.signatureHash, organisation_id: use.organisationId, expires_at: use.expiresAt })
    .onConflict((conflict) => conflict.column('signature_hash').doNothing())
    .returning(sql<number>`1`.as('inserted'))
    .executeTakeFirst();
  return row !== undefined;
}
