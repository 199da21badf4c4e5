import { type Expression, expressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db/schema.js';
import type { Actor } from './context.js';
import {
  type AccessExclusion,
  type AccessFacts,
  type AccessGround,
  type ExclusionGranteeType,
  type GranteeType,
  groundKindsByActor,
  type RoleRights,
  recordTypes,
} from './facts.js';
import { externalProviderRights } from './policy.js';
import type { AccessDatabase, StoredGroundKind } from './tables.js';

// The only SQL of the access model. Patient lists and searches use `patientAccessCondition`, the SQL form of
// the same rules `can` applies to one patient (style.md item 2: "searches get the policy as SQL WHERE");
// repository.test.ts proves the two agree.

/** A database or a transaction (a Kysely `Transaction` is a `Kysely`). */
export type Executor = Kysely<Database>;

const eb = expressionBuilder<AccessDatabase, never>();

/**
 * Grounds, exclusions and role rights for one (actor, patient) pair, in one round trip. The system actor
 * needs none (it is allowed by the policy and audited by its callers).
 */
export async function loadAccessFacts(executor: Executor, actor: Actor, patientId: string, now: Date): Promise<AccessFacts> {
  if (actor.kind === 'system') return { now, grounds: [], exclusions: [], roleRights: {} };
  const role = actor.kind === 'provider' ? actor.role : null;
  const row = await executor
    .selectNoFrom((qb) => [
      jsonArrayFrom(
        qb
          .selectFrom('effective_access_ground as g')
          .select(['g.ground_ref', 'g.patient_id', 'g.grantee_type', 'g.grantee_id', 'g.kind', 'g.channel', 'g.source'])
          .select(['g.valid_from', 'g.valid_to'])
          .where('g.patient_id', '=', patientId)
          .where('g.kind', 'in', groundKindsByActor[actor.kind])
          .where(granteeCondition(actor, 'g')),
      ).as('grounds'),
      jsonArrayFrom(
        qb
          .selectFrom('access_exclusion as x')
          .select(['x.id', 'x.patient_id', 'x.grantee_type', 'x.grantee_id'])
          .where('x.patient_id', '=', patientId)
          .where('x.revoked_at', 'is', null)
          .where(granteeCondition(actor, 'x')),
      ).as('exclusions'),
      jsonArrayFrom(
        qb
          .selectFrom('role_right as r')
          .select(['r.record_type', 'r.can_read', 'r.can_write'])
          .where((w) => (role === null ? sql.lit(false) : w('r.role', '=', role))),
      ).as('rights'),
      providerUziNumber(actor).as('uzi'),
    ])
    .executeTakeFirstOrThrow();
  // json_agg gives timestamps as ISO strings and bigints as numbers; convert back to the row types.
  return {
    now,
    grounds: row.grounds.map(
      (ground): AccessGround => ({
        ref: ground.ground_ref,
        patientId: String(ground.patient_id),
        granteeType: ground.grantee_type,
        granteeId: ground.grantee_id,
        kind: ground.kind,
        channel: ground.channel === 'desk' || ground.channel === 'portal' ? ground.channel : null,
        source: ground.source,
        validFrom: new Date(ground.valid_from),
        validTo: ground.valid_to === null ? null : new Date(ground.valid_to),
      }),
    ),
    exclusions: row.exclusions.map(
      (exclusion): AccessExclusion => ({
        id: String(exclusion.id),
        patientId: String(exclusion.patient_id),
        granteeType: exclusion.grantee_type,
        granteeId: exclusion.grantee_id,
      }),
    ),
    roleRights: toRoleRights(row.rights),
    providerUziNumber: row.uzi,
  };
}

/** One role's row of the matrix. */
export async function loadRoleRights(executor: Executor, role: string): Promise<RoleRights> {
  const rows = await executor
    .selectFrom('role_right')
    .select(['record_type', 'can_read', 'can_write'])
    .where('role', '=', role)
    .execute();
  return toRoleRights(rows);
}

export interface RoleRightRow {
  role: string;
  recordType: string;
  canRead: boolean;
  canWrite: boolean;
  updatedAt: Date;
  updatedBy: string;
}

/** The whole matrix, for the platform administrator's screen. */
export async function loadRoleRightMatrix(executor: Executor): Promise<RoleRightRow[]> {
  const rows = await executor.selectFrom('role_right').selectAll().orderBy('role').orderBy('record_type').execute();
  return rows.map((row) => ({
    role: row.role,
    recordType: row.record_type,
    canRead: row.can_read,
    canWrite: row.can_write,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }));
}

/**
 * Set one cell of the matrix (platform administrator). Writing implies reading: the table's check constraint
 * rejects write without read. The caller audits the change; who and when are also kept on the row.
 */
export async function setRoleRight(
  executor: Executor,
  change: { role: string; recordType: string; read: boolean; write: boolean; updatedBy: string; at: Date },
): Promise<void> {
  const values = { can_read: change.read, can_write: change.write, updated_at: change.at, updated_by: change.updatedBy };
  await executor
    .insertInto('role_right')
    .values({ role: change.role, record_type: change.recordType, ...values })
    .onConflict((conflict) => conflict.columns(['role', 'record_type']).doUpdateSet(values))
    .execute();
}

export interface NewAccessGround {
  patientId: string;
  granteeType: GranteeType;
  granteeId: string;
  kind: StoredGroundKind;
  /** Who or what created it: `account:12`, `referral:7`, `portal-user:3`, `consent:desk`. */
  source: string;
  validFrom: Date;
  validTo?: Date | null;
  /** For consent `{ channel: 'desk' | 'portal' }`; for break-glass the stated reason. */
  details?: Record<string, unknown>;
}

/** Record a ground (a confirmed treatment relationship, consent, proxy link, break-glass…); returns its id. */
export async function grantAccess(executor: Executor, ground: NewAccessGround): Promise<string> {
  const row = await executor
    .insertInto('access_ground')
    .values({
      patient_id: ground.patientId,
      grantee_type: ground.granteeType,
      grantee_id: ground.granteeId,
      kind: ground.kind,
      source: ground.source,
      valid_from: ground.validFrom,
      valid_to: ground.validTo ?? null,
      details: JSON.stringify(ground.details ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revoke a ground (history is kept: the row stays, the view no longer shows it). */
export async function revokeAccessGround(executor: Executor, groundId: string, at: Date): Promise<boolean> {
  const result = await executor
    .updateTable('access_ground')
    .set({ revoked_at: at })
    .where('id', '=', groundId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface NewAccessExclusion {
  patientId: string;
  granteeType: ExclusionGranteeType;
  granteeId: string;
  /** Who recorded it: `portal-user:3`, `account:12` (desk). */
  createdBy: string;
  at: Date;
}

/** A patient excludes a provider or organisation (seed 003 "uitsluitingen"); returns its id. */
export async function addExclusion(executor: Executor, exclusion: NewAccessExclusion): Promise<string> {
  const row = await executor
    .insertInto('access_exclusion')
    .values({
      patient_id: exclusion.patientId,
      grantee_type: exclusion.granteeType,
      grantee_id: exclusion.granteeId,
      created_by: exclusion.createdBy,
      created_at: exclusion.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function revokeExclusion(executor: Executor, exclusionId: string, at: Date): Promise<boolean> {
  const result = await executor
    .updateTable('access_exclusion')
    .set({ revoked_at: at })
    .where('id', '=', exclusionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The SQL form of `can(actor, 'read', { kind: 'patient', patientId })`: patients this actor has a current
 * ground for and is not excluded from, with the role's right to open a record. For patient lists and searches
 * with scope `within-grounds`:
 *
 *   db.selectFrom('patient').selectAll().where(patientAccessCondition(actor, now))
 *
 * `patientIdColumn` names the patient id of the outer query (default `patient.id`; e.g. `entry.patient_id`).
 */
export function patientAccessCondition(actor: Actor, now: Date, patientIdColumn = 'patient.id'): Expression<SqlBool> {
  const patientId = sql.ref<string>(patientIdColumn);
  switch (actor.kind) {
    case 'system':
      return sql.lit(true);
    case 'provider': {
      if (!actor.personal) return sql.lit(false);
      const opensRecords = eb.exists(
        eb
          .selectFrom('role_right as r')
          .select(sql.lit(1).as('one'))
          .where('r.role', '=', actor.role)
          .where('r.record_type', '=', recordTypes.personalia)
          .where('r.can_read', '=', true),
      );
      return eb.and([opensRecords, groundExists(actor, now, patientId), eb.not(exclusionExists(actor, patientId))]);
    }
    case 'external':
      // The external portal's fixed rights include personalia (policy.ts), so no role row is consulted.
      if (!externalProviderRights[recordTypes.personalia]?.read) return sql.lit(false);
      return eb.and([groundExists(actor, now, patientId), eb.not(exclusionExists(actor, patientId))]);
    case 'patient':
      if (actor.ownPatientId === null) return groundExists(actor, now, patientId);
      return eb.or([eb(patientId, '=', actor.ownPatientId), groundExists(actor, now, patientId)]);
  }
}

/**
 * The ids of patients for whom this actor holds a ground of a kind it may use, at any time (null for the system
 * actor: all patients) — a superset of what `patientAccessCondition` allows, which must still be applied. A
 * search by an actor with few grounds (a chain partner's referred patients) starts from this list instead of
 * probing every patient that matches the criteria.
 */
export function patientsWithGroundsQuery(actor: Actor) {
  if (actor.kind === 'system') return null;
  const kinds = groundKindsByActor[actor.kind];
  return eb
    .selectFrom('effective_access_ground as g')
    .select('g.patient_id')
    .where((w) => (kinds.length === 0 ? sql.lit(false) : w('g.kind', 'in', kinds)))
    .where(granteeCondition(actor, 'g'));
}

/**
 * For a search with scope `any-patient` (BSN and birth date, both exact — seed 001 §7.4): any patient except
 * those who excluded this actor.
 */
export function patientNotExcludedCondition(actor: Actor, patientIdColumn = 'patient.id'): Expression<SqlBool> {
  if (actor.kind === 'system') return sql.lit(true);
  return eb.not(exclusionExists(actor, sql.ref<string>(patientIdColumn)));
}

/**
 * Entries of record types this actor may read (Historie: "only entries the viewer's role may see"), for a
 * query with a record type column, e.g. `readableRecordTypesCondition(actor, 'form_response.record_type')`.
 * Memos still need the author check and portal reads the release rules (policy.ts step 6) — the caller adds
 * those conditions for its own columns.
 */
export function readableRecordTypesCondition(actor: Actor, recordTypeColumn: string): Expression<SqlBool> {
  const recordType = sql.ref<string>(recordTypeColumn);
  switch (actor.kind) {
    case 'system':
      return sql.lit(true);
    case 'provider':
      if (!actor.personal) return sql.lit(false);
      return eb(
        recordType,
        'in',
        eb.selectFrom('role_right as r').select('r.record_type').where('r.role', '=', actor.role).where('r.can_read', '=', true),
      );
    case 'external': {
      const readable = Object.entries(externalProviderRights)
        .filter(([, right]) => right.read)
        .map(([code]) => code);
      return readable.length === 0 ? sql.lit(false) : eb(recordType, 'in', readable);
    }
    case 'patient':
      return eb(recordType, '<>', recordTypes.memo);
  }
}

function groundExists(actor: Actor, now: Date, patientId: RawBuilder<string>): Expression<SqlBool> {
  const kinds = groundKindsByActor[actor.kind];
  if (kinds.length === 0) return sql.lit(false);
  return eb.exists(
    eb
      .selectFrom('effective_access_ground as g')
      .select(sql.lit(1).as('one'))
      .where('g.patient_id', '=', patientId)
      .where('g.kind', 'in', kinds)
      .where(granteeCondition(actor, 'g'))
      // The same window as groundTiming(): from valid_from (inclusive) to valid_to (exclusive).
      .where('g.valid_from', '<=', now)
      .where((w) => w.or([w('g.valid_to', 'is', null), w('g.valid_to', '>', now)]))
      // OFFSET 0 keeps this a per-patient probe (indexed on patient_id in every branch of the view) instead of
      // a semi-join that first lists every ground of the organisation: searches narrow by name, birth date or
      // BSN first, then check access for the few candidates (bench/patient-search.ts).
      .modifyEnd(sql`offset 0`),
  );
}

function exclusionExists(actor: Actor, patientId: RawBuilder<string>): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('access_exclusion as x')
      .select(sql.lit(1).as('one'))
      .where('x.patient_id', '=', patientId)
      .where('x.revoked_at', 'is', null)
      .where(granteeCondition(actor, 'x'))
      // A per-patient probe too (the unique index on patient_id…), not an anti-join: a query with only probes
      // in its WHERE stays a single-table query, so a search that wants the first page in list order can stop
      // reading as soon as the page is full (patient-data/patient-search.ts, plan `name-order`).
      .modifyEnd(sql`offset 0`),
  );
}

/**
 * Whether the grantee columns of `alias` name this actor — the SQL twin of `granteesOf()` (facts.ts). A provider
 * is its account, its organisation, the parent of its organisation, and the UZI number of its person.
 */
function granteeCondition(actor: Actor, alias: 'g' | 'x'): RawBuilder<SqlBool> {
  const type = sql.ref(`${alias}.grantee_type`);
  const id = sql.ref(`${alias}.grantee_id`);
  switch (actor.kind) {
    case 'provider': {
      const organisations = [actor.organisationId, actor.parentOrganisationId].filter((value): value is string => !!value);
      return sql<SqlBool>`((${type} = 'account' and ${id} = ${actor.accountId})
        or (${type} = 'organisation' and ${id} in (${sql.join(organisations)}))
        or (${type} = 'uzi' and ${id} = ${providerUziNumber(actor)}))`;
    }
    case 'external':
      return sql<SqlBool>`(${type} = 'uzi' and ${id} = ${actor.uziNumber})`;
    case 'patient':
      return sql<SqlBool>`(${type} = 'portal-user' and ${id} = ${actor.portalUserId})`;
    case 'system':
      return sql<SqlBool>`false`;
  }
}

function providerUziNumber(actor: Actor): RawBuilder<string | null> {
  if (actor.kind !== 'provider') return sql<string | null>`null::text`;
  return sql<string | null>`(select p.uzi_number from person p where p.id = ${actor.personId})`;
}

function toRoleRights(rows: readonly { record_type: string; can_read: boolean; can_write: boolean }[]): RoleRights {
  return Object.fromEntries(rows.map((row) => [row.record_type, { read: row.can_read, write: row.can_write }]));
}
