import type { ActivationFacts, FormDefinition, Programme } from '@keten/forms';
import type { Transaction } from 'kysely';
import type { ProviderActor, RequestContext } from '../access/context.js';
import type { AccessFacts, RecordTypeCode } from '../access/index.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';

// What the clinical-record data access (record-*.ts) shares: the actor, the readable record types, the stored form
// definitions and the facts the activation criteria are evaluated on. docs/clinical-record.md §2.

/** The clinical record is the Werkplek's; the portals get their own views later (release rules). */
export function providerOf(context: RequestContext): ProviderActor {
  if (context.actor.kind !== 'provider') throw AppError.notFound();
  return context.actor;
}

/**
 * The record types this actor may read, from the matrix row loaded with the access facts — the SQL filter of
 * every list, count, filter and series ("entries the viewer may not read never leave the server"). Generic
 * accounts read nothing (the policy decides that before any of these run). Memos are never part of the record.
 */
export function readableRecordTypes(actor: ProviderActor, facts: AccessFacts): RecordTypeCode[] {
  if (!actor.personal) return [];
  return Object.entries(facts.roleRights)
    .filter(([recordType, right]) => right.read && recordType !== 'memo')
    .map(([recordType]) => recordType)
    .sort();
}

/** A form definition as stored (migration 0009), the one a response refers to. */
export interface StoredDefinition {
  id: string;
  definition: FormDefinition;
}

function selectDefinitionKeys(trx: Transaction<Database>) {
  return trx.selectFrom('form_definition as d').select(['d.id', 'd.key', 'd.version']);
}

type DefinitionKey = { id: string; key: string; version: number | string };

/**
 * Stored definitions never change (a form changes by a new version; the library sync stops the start when a stored
 * version differs from the library's), so their parsed JSON is kept per process, by key and version — the same in
 * every database this process opens. Activiteiten otherwise read and parsed every form's JSON on each request.
 */
const definitionCache = new Map<string, FormDefinition>();
const cacheKeyOf = (row: DefinitionKey) => `${row.key}@${row.version}`;

async function withDefinitions(trx: Transaction<Database>, rows: readonly DefinitionKey[]): Promise<StoredDefinition[]> {
  const missing = rows.filter((row) => !definitionCache.has(cacheKeyOf(row)));
  if (missing.length > 0) {
    const loaded = await trx
      .selectFrom('form_definition as d')
      .select(['d.id', 'd.key', 'd.version', 'd.definition'])
      .where(
        'd.id',
        'in',
        missing.map((row) => row.id),
      )
      .execute();
    for (const row of loaded) definitionCache.set(cacheKeyOf(row), row.definition as unknown as FormDefinition);
  }
  return rows.map((row) => {
    const definition = definitionCache.get(cacheKeyOf(row));
    if (!definition) throw new Error(`form definition ${row.id} vanished while being read`);
    return { id: row.id, definition };
  });
}

/** The newest stored version of every form, by key. */
export async function latestDefinitions(trx: Transaction<Database>): Promise<Map<string, StoredDefinition>> {
  const rows = await selectDefinitionKeys(trx).orderBy('d.key').orderBy('d.version', 'desc').execute();
  const newest = new Map<string, DefinitionKey>();
  for (const row of rows) if (!newest.has(row.key)) newest.set(row.key, row);
  const stored = await withDefinitions(trx, [...newest.values()]);
  return new Map([...newest.keys()].map((key, index) => [key, stored[index] as StoredDefinition]));
}

export async function latestDefinition(trx: Transaction<Database>, key: string): Promise<StoredDefinition | undefined> {
  const row = await selectDefinitionKeys(trx).where('d.key', '=', key).orderBy('d.version', 'desc').limit(1).executeTakeFirst();
  return row ? (await withDefinitions(trx, [row]))[0] : undefined;
}

export async function definitionById(trx: Transaction<Database>, id: string): Promise<StoredDefinition> {
  const row = await selectDefinitionKeys(trx).where('d.id', '=', id).executeTakeFirstOrThrow();
  return (await withDefinitions(trx, [row]))[0] as StoredDefinition;
}

export async function definitionsById(
  trx: Transaction<Database>,
  ids: readonly string[],
): Promise<Map<string, StoredDefinition>> {
  if (ids.length === 0) return new Map();
  const rows = await selectDefinitionKeys(trx)
    .where('d.id', 'in', [...new Set(ids)])
    .execute();
  return new Map((await withDefinitions(trx, rows)).map((stored) => [stored.id, stored]));
}

export interface OpenTrajectory {
  id: string;
  programme: Programme;
  startedOn: string;
  organisationId: string;
  organisationName: string;
}

export interface RecordFacts {
  activation: ActivationFacts;
  /** The open trajectory per programme (the oldest, if the data ever held two). */
  open: Map<Programme, OpenTrajectory>;
}

/**
 * The facts the activation criteria are evaluated on (docs/clinical-record.md §1): open and ever-recorded
 * trajectories, referrals received by the actor's organisation (as the record types its addressed role writes),
 * and the forms already published for the patient (once-only — whoever published them).
 */
export async function loadRecordFacts(trx: Transaction<Database>, actor: ProviderActor, patientId: string): Promise<RecordFacts> {
  const trajectories = await trx
    .selectFrom('trajectory as t')
    .innerJoin('organisation as o', 'o.id', 't.organisation_id')
    .select(['t.id', 't.programme', 't.started_on', 't.ended_on', 't.organisation_id', 'o.name as organisation_name'])
    .where('t.patient_id', '=', patientId)
    .orderBy('t.started_on')
    .orderBy('t.id')
    .execute();
  const open = new Map<Programme, OpenTrajectory>();
  const recorded = new Set<Programme>();
  for (const row of trajectories) {
    recorded.add(row.programme);
    if (row.ended_on === null && !open.has(row.programme)) {
      open.set(row.programme, {
        id: row.id,
        programme: row.programme,
        startedOn: row.started_on,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
      });
    }
  }
  const organisations = [actor.organisationId, ...(actor.parentOrganisationId ? [actor.parentOrganisationId] : [])];
  const referralTypes = await trx
    .selectFrom('referral as f')
    .innerJoin('role_right as r', (join) => join.on((eb) => eb('r.role', '=', eb.fn.coalesce('f.to_role', eb.val(actor.role)))))
    .select('r.record_type')
    .distinct()
    .where('f.patient_id', '=', patientId)
    .where('f.to_organisation_id', 'in', organisations)
    .where('r.can_write', '=', true)
    .execute();
  const published = await trx
    .selectFrom('form_entry')
    .select('form_key')
    .distinct()
    .where('patient_id', '=', patientId)
    .execute();
  return {
    open,
    activation: {
      openTrajectories: new Set(open.keys()),
      recordedTrajectories: recorded,
      receivedReferralRecordTypes: new Set(referralTypes.map((row) => row.record_type)),
      publishedFormKeys: new Set(published.map((row) => row.form_key)),
    },
  };
}

/** A person's display name. */
export function personName(row: { given_name: string; family_name_prefix: string | null; family_name: string }): string {
  return [row.given_name, row.family_name_prefix, row.family_name].filter(Boolean).join(' ');
}
