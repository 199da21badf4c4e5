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

/**
 * Whose patients a population is about: one organisation (its own reports, within the actor's access policy), or
 * `null` for every organisation of the region (the platform administrator's counts, never patient rows).
 */
export type OrganisationScope = Pick<ProviderActor, 'organisationId' | 'organisationType'>;

/** `column = organisationId`, or no condition for the whole region. */
function ofOrganisation(organisationId: string | null, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return organisationId === null ? sql`true` : sql`${column} = ${organisationId}`;
}

/** Patients enrolled at the organisation on the reference date (organisation_id, patient_id, link, since). */
function enrolled(organisationId: string | null, referenceDate: string) {
  const { day } = referenceBounds(referenceDate);
  return sql`select e.organisation_id, e.patient_id, cast('enrolment' as text) as link, e.valid_from as since
    from enrolment e
    where ${ofOrganisation(organisationId, sql`e.organisation_id`)} and e.valid_from <= ${day}
      and (e.valid_to is null or e.valid_to > ${day})`;
}

/** The open trajectories on the reference date (id, organisation_id, patient_id, programme, started_on). */
export function openTrajectories(organisationId: string | null, referenceDate: string): RawBuilder<unknown> {
  const { day } = referenceBounds(referenceDate);
  return sql`select t.id, t.organisation_id, t.patient_id, t.programme, t.started_on from trajectory t
    where ${ofOrganisation(organisationId, sql`t.organisation_id`)} and t.started_on <= ${day}
      and (t.ended_on is null or t.ended_on > ${day})`;
}

function withTrajectory(organisationId: string | null, referenceDate: string) {
  return sql`select open.organisation_id, open.patient_id, cast('trajectory' as text) as link, open.started_on as since
    from (${openTrajectories(organisationId, referenceDate)}) open`;
}

function referred(organisationId: string | null, referenceDate: string) {
  const { end } = referenceBounds(referenceDate);
  return sql`select r.to_organisation_id as organisation_id, r.patient_id, cast('referral' as text) as link,
      cast((r.created_at at time zone 'Europe/Amsterdam') as date) as since
    from referral r
    where ${ofOrganisation(organisationId, sql`r.to_organisation_id`)} and r.created_at < ${end}`;
}

function treated(organisationId: string | null, referenceDate: string) {
  const { end } = referenceBounds(referenceDate);
  const current = sql`g.kind = 'treatment-relationship' and g.revoked_at is null and g.valid_from < ${end}
      and (g.valid_to is null or g.valid_to >= ${end})`;
  const since = sql`cast((g.valid_from at time zone 'Europe/Amsterdam') as date)`;
  if (organisationId !== null) {
    return sql`select cast(${organisationId} as bigint) as organisation_id, g.patient_id,
        cast('treatment-relationship' as text) as link, ${since} as since
      from access_ground g
      where ${current}
        and ((g.grantee_type = 'organisation' and g.grantee_id = ${organisationId})
          or (g.grantee_type = 'account'
            and g.grantee_id in (select cast(a.id as text) from account a where a.organisation_id = ${organisationId})))`;
  }
  return sql`select o.id as organisation_id, g.patient_id, cast('treatment-relationship' as text) as link, ${since} as since
    from access_ground g
    left join account a on g.grantee_type = 'account' and cast(a.id as text) = g.grantee_id
    join organisation o on (g.grantee_type = 'organisation' and cast(o.id as text) = g.grantee_id)
      or (g.grantee_type = 'account' and o.id = a.organisation_id)
    where ${current}`;
}

/** A patient admitted to a hospital department is linked to the department and to its hospital. */
function admitted(organisationId: string | null, referenceDate: string) {
  const { end } = referenceBounds(referenceDate);
  return sql`select linked.organisation_id, a.patient_id, cast('admission' as text) as link,
      cast((a.admitted_at at time zone 'Europe/Amsterdam') as date) as since
    from admission a
    join organisation department on department.id = a.department_id
    cross join lateral (values (department.id), (department.parent_id)) as linked(organisation_id)
    where linked.organisation_id is not null and ${ofOrganisation(organisationId, sql`linked.organisation_id`)}
      and a.admitted_at < ${end}
      and (a.discharged_at is null or a.discharged_at >= ${end})`;
}

/**
 * Every link of a patient to the organisation — or, with `null`, to each organisation of the region —
 * as (organisation_id, patient_id, link, since); a patient may appear more than once.
 */
export function linkedPatients(organisationId: string | null, referenceDate: string): RawBuilder<unknown> {
  return sql`${enrolled(organisationId, referenceDate)}
    union all ${withTrajectory(organisationId, referenceDate)}
    union all ${referred(organisationId, referenceDate)}
    union all ${treated(organisationId, referenceDate)}
    union all ${admitted(organisationId, referenceDate)}`;
}

/**
 * The patients an organisation is responsible for (organisation_id, patient_id, link, since): its enrolled patients
 * for a GP practice; the patients it holds a trajectory for, was referred for or has admitted otherwise. With
 * `null`, the same for every organisation of the region.
 */
export function responsiblePatients(scope: OrganisationScope | null, referenceDate: string): RawBuilder<unknown> {
  if (scope === null) {
    return sql`select responsible.* from (${enrolled(null, referenceDate)}
        union all ${withTrajectory(null, referenceDate)}
        union all ${referred(null, referenceDate)}
        union all ${admitted(null, referenceDate)}) responsible
      join organisation o on o.id = responsible.organisation_id
      where (o.type = 'gp-practice') = (responsible.link = 'enrolment')`;
  }
  if (scope.organisationType === 'gp-practice') return enrolled(scope.organisationId, referenceDate);
  return sql`${withTrajectory(scope.organisationId, referenceDate)}
    union all ${referred(scope.organisationId, referenceDate)}
    union all ${admitted(scope.organisationId, referenceDate)}`;
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
