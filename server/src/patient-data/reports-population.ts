import type { Transaction } from 'kysely';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { auditActorOf, type ProviderActor, type RequestContext } from '../access/context.js';
import { type Executor, patientAccessCondition } from '../access/index.js';
import type { AuditAction } from '../audit/audit-event.js';
import { recordAuditEvents } from '../audit/record.js';
import type { Database, Programme } from '../db/schema.js';

// Rapportages (seed 001 §3.5): the patient tables behind the standard reports, as SQL. Every report is about the
// patients the actor's organisation is linked to, narrowed to those the access policy lets this actor reach
// (`patientAccessCondition`, the same rule as opening one record). Counts are done by the database.
//
// "Linked to the organisation" (the population of a report), on the reference date (peildatum):
// - `enrolment`: the patient is enrolled at the organisation (a GP practice);
// - `trajectory`: the organisation holds an open trajectory (ketenzorg, diëtetiek, …) of the patient;
// - `referral`: the patient was referred to the organisation;
// - `treatment-relationship`: an account of the organisation confirmed a treatment relationship;
// - `admission`: the patient is admitted to the organisation (a hospital department, or one of the hospital's).
// The quality indicators use the organisation's responsibility: its enrolled patients for a GP practice, its
// trajectories and referrals for a chain partner.

export type LinkKind = 'enrolment' | 'trajectory' | 'referral' | 'treatment-relationship' | 'admission';

export const REPORT_PAGE_SIZE = 50;
/** An export holds at most this many rows (Excel's own limit is about a million). */
export const REPORT_EXPORT_LIMIT = 50_000;

export type SortDirection = 'asc' | 'desc';

export interface ReportPaging {
  /** 1-based; null = everything (an export), up to REPORT_EXPORT_LIMIT. */
  page: number | null;
  sort: string;
  direction: SortDirection;
}

export interface ReportPatientColumns {
  patientId: string;
  displayId: string;
  name: string;
  birthDate: string;
  /** Only the last three digits (as in every patient list). */
  bsnMasked: string | null;
  practiceName: string | null;
}

/** The reference date (YYYY-MM-DD) as SQL: a date, and the first moment after it (Europe/Amsterdam). */
export function referenceBounds(referenceDate: string): { day: RawBuilder<string>; end: RawBuilder<Date> } {
  return {
    day: sql<string>`cast(${referenceDate} as date)`,
    end: sql<Date>`((cast(${referenceDate} as date) + 1)::timestamp at time zone 'Europe/Amsterdam')`,
  };
}

/** Patients enrolled at the organisation on the reference date (patient_id, since). */
function enrolled(actor: ProviderActor, referenceDate: string) {
  const { day } = referenceBounds(referenceDate);
  return sql`select e.patient_id, cast('enrolment' as text) as link, e.valid_from as since
    from enrolment e
    where e.organisation_id = ${actor.organisationId} and e.valid_from <= ${day}
      and (e.valid_to is null or e.valid_to > ${day})`;
}

function withTrajectory(actor: ProviderActor, referenceDate: string) {
  const { day } = referenceBounds(referenceDate);
  return sql`select t.patient_id, cast('trajectory' as text) as link, t.started_on as since
    from trajectory t
    where t.organisation_id = ${actor.organisationId} and t.started_on <= ${day}
      and (t.ended_on is null or t.ended_on > ${day})`;
}

function referred(actor: ProviderActor, referenceDate: string) {
  const { end } = referenceBounds(referenceDate);
  return sql`select r.patient_id, cast('referral' as text) as link,
      cast((r.created_at at time zone 'Europe/Amsterdam') as date) as since
    from referral r
    where r.to_organisation_id = ${actor.organisationId} and r.created_at < ${end}`;
}

function treated(actor: ProviderActor, referenceDate: string) {
  const { end } = referenceBounds(referenceDate);
  return sql`select g.patient_id, cast('treatment-relationship' as text) as link,
      cast((g.valid_from at time zone 'Europe/Amsterdam') as date) as since
    from access_ground g
    where g.kind = 'treatment-relationship' and g.revoked_at is null and g.valid_from < ${end}
      and (g.valid_to is null or g.valid_to >= ${end})
      and ((g.grantee_type = 'organisation' and g.grantee_id = ${actor.organisationId})
        or (g.grantee_type = 'account'
          and g.grantee_id in (select cast(a.id as text) from account a where a.organisation_id = ${actor.organisationId})))`;
}

function admitted(actor: ProviderActor, referenceDate: string) {
  const { end } = referenceBounds(referenceDate);
  return sql`select a.patient_id, cast('admission' as text) as link,
      cast((a.admitted_at at time zone 'Europe/Amsterdam') as date) as since
    from admission a
    where a.department_id in (select o.id from organisation o
        where o.id = ${actor.organisationId} or o.parent_id = ${actor.organisationId})
      and a.admitted_at < ${end}
      and (a.discharged_at is null or a.discharged_at >= ${end})`;
}

/** Every link of a patient to the organisation (patient_id, link, since); a patient may appear more than once. */
export function linkedPatients(actor: ProviderActor, referenceDate: string): RawBuilder<unknown> {
  return sql`${enrolled(actor, referenceDate)}
    union all ${withTrajectory(actor, referenceDate)}
    union all ${referred(actor, referenceDate)}
    union all ${treated(actor, referenceDate)}
    union all ${admitted(actor, referenceDate)}`;
}

/**
 * The patients the organisation is responsible for (patient_id, link, since): its enrolled patients for a GP
 * practice; the patients it holds a trajectory for, was referred for or has admitted otherwise.
 */
export function responsiblePatients(actor: ProviderActor, referenceDate: string): RawBuilder<unknown> {
  if (actor.organisationType === 'gp-practice') return enrolled(actor, referenceDate);
  return sql`${withTrajectory(actor, referenceDate)}
    union all ${referred(actor, referenceDate)}
    union all ${admitted(actor, referenceDate)}`;
}

/** The access policy for the patient id column `column` (evaluated now, like opening the record). */
export function reachable(actor: ProviderActor, now: Date, column: string): Expression<SqlBool> {
  return patientAccessCondition(actor, now, column);
}

/** The patient's columns every report table shows, from `patient p` and its current practice `practice`. */
export const patientColumnsSql = sql`p.id as patient_id, p.roepnaam, p.family_name_prefix, p.family_name,
  p.birth_date, p.bsn, practice.name as practice_name`;

export const currentPracticeJoin = sql`left join enrolment current_enrolment
    on current_enrolment.patient_id = p.id and current_enrolment.valid_to is null
  left join organisation practice on practice.id = current_enrolment.organisation_id`;

export interface PatientRow {
  patient_id: string;
  roepnaam: string;
  family_name_prefix: string | null;
  family_name: string;
  birth_date: string;
  bsn: string | null;
  practice_name: string | null;
  total_rows: string | number;
}

export function patientColumnsOf(row: PatientRow): ReportPatientColumns {
  const id = String(row.patient_id);
  return {
    patientId: id,
    displayId: `P${id.padStart(10, '0')}`,
    name: [row.roepnaam, row.family_name_prefix, row.family_name].filter(Boolean).join(' '),
    birthDate: String(row.birth_date),
    bsnMasked: row.bsn ? `******${row.bsn.slice(-3)}` : null,
    practiceName: row.practice_name,
  };
}

/** ORDER BY for a whitelisted sort key; ties broken by name, birth date and id so pages are stable. */
export function orderBy(sorts: Record<string, string>, paging: ReportPaging): RawBuilder<unknown> {
  const column = sorts[paging.sort] ?? sorts.name ?? 'p.family_name';
  const direction = paging.direction === 'desc' ? sql.raw('desc nulls last') : sql.raw('asc nulls last');
  return sql`order by ${sql.raw(column)} ${direction}, p.family_name, p.birth_date, p.id`;
}

export function pageClause(paging: ReportPaging): RawBuilder<unknown> {
  if (paging.page === null) return sql`limit ${REPORT_EXPORT_LIMIT}`;
  return sql`limit ${REPORT_PAGE_SIZE} offset ${(paging.page - 1) * REPORT_PAGE_SIZE}`;
}

export interface ReportRun {
  /** The report code, e.g. `linked-patients` or `indicator:dm2-hba1c-measured`. */
  report: string;
  /** `read` for a screen, `export` for a download. */
  action: Extract<AuditAction, 'read' | 'export'>;
  parameters: Record<string, string | number | null>;
  rowCount: number;
  /** The patients shown or exported: each is an access to that patient's data (NEN 7513), like a search result. */
  patientIds: readonly string[];
}

/** One event for the run (report, parameters, rows) plus one per patient listed, in one append. */
export async function auditReportRun(
  trx: Transaction<Database>,
  context: RequestContext & { actor: ProviderActor },
  run: ReportRun,
  now: Date,
): Promise<void> {
  const common = {
    actor: auditActorOf(context.actor),
    action: run.action,
    outcome: 'success' as const,
    ip: context.ip,
    userAgent: context.userAgent,
    sessionRef: context.sessionRef,
    requestId: context.requestId,
  };
  const patients = [...new Set(run.patientIds)];
  await recordAuditEvents(
    trx,
    [
      {
        ...common,
        patientId: null,
        objectType: 'report',
        objectId: run.report,
        reason: 'reports',
        details: { report: run.report, parameters: run.parameters, rows: run.rowCount, patients: patients.length },
      },
      ...patients.map((patientId) => ({
        ...common,
        patientId,
        objectType: 'report-result',
        objectId: run.report,
        reason: 'report',
        details: { report: run.report },
      })),
    ],
    { now: () => now },
  );
}

export type { Executor, Programme };
