import { findMeasure } from '@keten/forms';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { RequestContext } from '../access/context.js';
import { auditActorOf, type ProviderActor } from '../access/context.js';
import { patientAccessCondition, readableRecordTypesCondition, recordTypes } from '../access/index.js';
import { recordAuditEvent, recordAuditEvents } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import type { PatientDataDependencies } from './patient-access.js';
import { patientDisplayId } from './patient-card.js';

// Signalen "Uitslagen" (issue 7; seed 001 §3.3): new results for the patients the account itself has a current
// treatment relationship with — hospital/lab documents (clinical_document of a result kind, record type
// 'hospital') and lab measurements (source 'lab' or 'hospital-lab', their own record type) created after the
// account last pressed "Gezien" (result_signal_seen, migration 0014). The policy decides as SQL: the patient
// through `patientAccessCondition`, the result through `readableRecordTypesCondition` — never in the browser.

/** clinical_document kinds that are results (migration 0001); all of record type 'hospital'. */
export const resultDocumentKinds = ['lab-result', 'microbiology', 'pathology', 'radiology'] as const;
/** measurement sources that are lab results. */
export const resultMeasurementSources = ['lab', 'hospital-lab'] as const;

export type ResultSignalKind = (typeof resultDocumentKinds)[number] | 'measurement';

export interface ResultSignal {
  /** `document:<id>` or `measurement:<id>` */
  id: string;
  patientId: string;
  patientDisplayId: string;
  patientName: string;
  birthDate: string;
  kind: ResultSignalKind;
  /** What it is (a document's title, a measurement's name) — never a value. */
  what: { nl: string; en: string };
  createdAt: Date;
}

const LIST_LIMIT = 200;

/** The conditions on a result row `x` (with x.patient_id, x.record_type, x.created_at) for this account. */
function newResultFor(actor: ProviderActor, now: Date) {
  return (eb: { and(list: Expression<SqlBool>[]): Expression<SqlBool> }) =>
    eb.and([
      sql<SqlBool>`exists (
        select 1 from access_ground g
         where g.patient_id = x.patient_id
           and g.kind = 'treatment-relationship'
           and g.grantee_type = 'account'
           and g.grantee_id = ${actor.accountId}
           and g.revoked_at is null and g.valid_from <= ${now} and (g.valid_to is null or g.valid_to > ${now}))`,
      sql<SqlBool>`x.created_at > coalesce(
        (select s.seen_at from result_signal_seen s where s.account_id = ${actor.accountId}), '-infinity'::timestamptz)`,
      patientAccessCondition(actor, now, 'x.patient_id'),
      readableRecordTypesCondition(actor, 'x.record_type'),
    ]);
}

function documents(db: Kysely<Database>) {
  return db
    .selectFrom('clinical_document as d')
    .select([
      'd.id',
      'd.patient_id',
      'd.kind',
      'd.title',
      'd.created_at',
      sql<string>`${recordTypes.hospital}::text`.as('record_type'),
    ])
    .where('d.kind', 'in', [...resultDocumentKinds]);
}

function measurements(db: Kysely<Database>) {
  return db
    .selectFrom('measurement as m')
    .select(['m.id', 'm.patient_id', 'm.code', 'm.created_at', 'm.record_type'])
    .where('m.source', 'in', [...resultMeasurementSources]);
}

/** The number of new results for the Signalen counts: no patient data leaves, so not audited. */
export async function countResultSignals(deps: PatientDataDependencies, actor: ProviderActor): Promise<number> {
  const now = deps.clock.now();
  const [fromDocuments, fromMeasurements] = await Promise.all([
    deps.db
      .selectFrom(documents(deps.db).as('x'))
      .select(sql<number>`count(*)::int`.as('count'))
      .where(newResultFor(actor, now))
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom(measurements(deps.db).as('x'))
      .select(sql<number>`count(*)::int`.as('count'))
      .where(newResultFor(actor, now))
      .executeTakeFirstOrThrow(),
  ]);
  return Number(fromDocuments.count) + Number(fromMeasurements.count);
}

/** The Signalen page's "Uitslagen": per result the patient, what and when (no values) — each listed patient audited. */
export async function listResultSignals(
  deps: PatientDataDependencies,
  context: RequestContext,
  actor: ProviderActor,
): Promise<ResultSignal[]> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const documentRows = await trx
      .selectFrom(documents(trx).as('x'))
      .innerJoin('patient as p', 'p.id', 'x.patient_id')
      .select([
        'x.id',
        'x.patient_id',
        'x.kind',
        'x.title',
        'x.created_at',
        'p.roepnaam',
        'p.family_name_prefix',
        'p.family_name',
        'p.birth_date',
      ])
      .where(newResultFor(actor, now))
      .orderBy('x.created_at', 'desc')
      .orderBy('x.id', 'desc')
      .limit(LIST_LIMIT)
      .execute();
    const measurementRows = await trx
      .selectFrom(measurements(trx).as('x'))
      .innerJoin('patient as p', 'p.id', 'x.patient_id')
      .select([
        'x.id',
        'x.patient_id',
        'x.code',
        'x.created_at',
        'p.roepnaam',
        'p.family_name_prefix',
        'p.family_name',
        'p.birth_date',
      ])
      .where(newResultFor(actor, now))
      .orderBy('x.created_at', 'desc')
      .orderBy('x.id', 'desc')
      .limit(LIST_LIMIT)
      .execute();
    const patientOf = (row: {
      patient_id: string;
      roepnaam: string | null;
      family_name_prefix: string | null;
      family_name: string;
      birth_date: string;
    }) => ({
      patientId: row.patient_id,
      patientDisplayId: patientDisplayId(row.patient_id),
      patientName: [row.roepnaam, row.family_name_prefix, row.family_name].filter(Boolean).join(' '),
      birthDate: row.birth_date,
    });
    const signals: ResultSignal[] = [
      ...documentRows.map((row) => ({
        id: `document:${row.id}`,
        ...patientOf(row),
        kind: row.kind as ResultSignalKind,
        what: { nl: row.title, en: row.title },
        createdAt: row.created_at,
      })),
      ...measurementRows.map((row) => {
        const measure = findMeasure(row.code);
        return {
          id: `measurement:${row.id}`,
          ...patientOf(row),
          kind: 'measurement' as const,
          what: { nl: measure?.nl ?? row.code, en: measure?.en ?? row.code },
          createdAt: row.created_at,
        };
      }),
    ]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
      .slice(0, LIST_LIMIT);
    const patients = [...new Set(signals.map((signal) => signal.patientId))];
    if (patients.length > 0) {
      await recordAuditEvents(
        trx,
        patients.map((patientId) => ({
          actor: auditActorOf(actor),
          patientId,
          action: 'read' as const,
          objectType: 'result-signal',
          objectId: patientId,
          outcome: 'success' as const,
          reason: 'treatment-relationship',
          ip: context.ip,
          userAgent: context.userAgent,
          sessionRef: context.sessionRef,
          requestId: context.requestId,
          details: { results: signals.filter((signal) => signal.patientId === patientId).map((signal) => signal.id) },
        })),
        { now: () => now },
      );
    }
    return signals;
  });
}

/** "Gezien": results created until now are no longer new for this account (audited, no patient data). */
export async function markResultSignalsSeen(
  deps: PatientDataDependencies,
  context: RequestContext,
  actor: ProviderActor,
): Promise<Date> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('result_signal_seen')
      .values({ account_id: actor.accountId, seen_at: now })
      .onConflict((conflict) => conflict.column('account_id').doUpdateSet({ seen_at: now }))
      .execute();
    await recordAuditEvent(
      trx,
      {
        actor: auditActorOf(actor),
        action: 'update',
        objectType: 'result-signals-seen',
        objectId: actor.accountId,
        outcome: 'success',
        ip: context.ip,
        userAgent: context.userAgent,
        sessionRef: context.sessionRef,
        requestId: context.requestId,
        details: { seenAt: now.toISOString() },
      },
      { now: () => now },
    );
  });
  return now;
}
