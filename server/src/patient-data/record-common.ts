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

function selectDefinitions(trx: Transaction<Database>) {
  return trx.selectFrom('form_definition as d').select(['d.id', 'd.key', 'd.version', 'd.definition']);
}

function toStored(row: { id: string; definition: unknown }): StoredDefinition {
  return { id: row.id, definition: row.definition as FormDefinition };
}

/** The newest stored version of every form, by key. */
export async function latestDefinitions(trx: Transaction<Database>): Promise<Map<string, StoredDefinition>> {
  const rows = await selectDefinitions(trx).orderBy('d.key').orderBy('d.version', 'desc').execute();
  const latest = new Map<string, StoredDefinition>();
  for (const row of rows) if (!latest.has(row.key)) latest.set(row.key, toStored(row));
  return latest;
}

export async function latestDefinition(trx: Transaction<Database>, key: string): Promise<StoredDefinition | undefined> {
  const row = await selectDefinitions(trx).where('d.key', '=', key).orderBy('d.version', 'desc').limit(1).executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export async function definitionById(trx: Transaction<Database>, id: string): Promise<StoredDefinition> {
  return toStored(await selectDefinitions(trx).where('d.id', '=', id).executeTakeFirstOrThrow());
}

export async function definitionsById(
  trx: Transaction<Database>,
  ids: readonly string[],
): Promise<Map<string, StoredDefinition>> {
  if (ids.length === 0) return new Map();
  const rows = await selectDefinitions(trx)
    .where('d.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, toStored(row)]));
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

/** Calendar date in Europe/Amsterdam, YYYY-MM-DD. */
export function amsterdamDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** A person's display name. */
export function personName(row: { given_name: string; family_name_prefix: string | null; family_name: string }): string {
  return [row.given_name, row.family_name_prefix, row.family_name].filter(Boolean).join(' ');
}
