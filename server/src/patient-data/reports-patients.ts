import { sql } from 'kysely';
import type { ProviderActor } from '../access/context.js';
import type { Executor } from '../access/index.js';
import type { Programme } from '../db/schema.js';
import {
  currentPracticeJoin,
  type LinkKind,
  linkedPatients,
  openTrajectories,
  orderBy,
  type PatientRow,
  pageClause,
  patientColumnsOf,
  patientColumnsSql,
  type ReportPaging,
  type ReportPatientColumns,
  reachable,
} from './reports-population.js';

// Report tables "Patiënten gekoppeld aan mijn organisatie" and "Patiënten per traject" (seed 001 §3.5). One query
// per table: the population, the access policy and the page, with the total counted by the database.

export interface LinkedPatientRow extends ReportPatientColumns {
  links: LinkKind[];
  /** The earliest of the links' start dates. */
  since: string | null;
}

const LINKED_SORTS: Record<string, string> = {
  name: 'p.family_name',
  birthDate: 'p.birth_date',
  patientId: 'p.id',
  practice: 'practice.name',
  since: 'linked.since',
};

export async function linkedPatientsReport(
  executor: Executor,
  actor: ProviderActor,
  referenceDate: string,
  paging: ReportPaging,
  now: Date,
): Promise<{ total: number; rows: LinkedPatientRow[] }> {
  const result = await sql<PatientRow & { links: string; since: string | null }>`
    with link as (${linkedPatients(actor.organisationId, referenceDate)}),
    linked as (
      select link.patient_id, string_agg(distinct link.link, ',') as links, min(link.since) as since
      from link group by link.patient_id
    )
    select ${patientColumnsSql}, linked.links, linked.since, count(*) over () as total_rows
    from linked
    join patient p on p.id = linked.patient_id
    ${currentPracticeJoin}
    where ${reachable(actor, now, 'p.id')}
    ${orderBy(LINKED_SORTS, paging)}
    ${pageClause(paging)}`.execute(executor);
  return {
    total: Number(result.rows[0]?.total_rows ?? 0),
    rows: result.rows.map((row) => ({
      ...patientColumnsOf(row),
      links: row.links.split(',') as LinkKind[],
      since: row.since === null ? null : String(row.since),
    })),
  };
}

export interface TrajectoryCount {
  programme: Programme;
  patients: number;
}

export interface TrajectoryPatientRow extends ReportPatientColumns {
  programme: Programme;
  startedOn: string;
}

/** The organisation's open trajectories per programme (patients the actor may reach), counted by the database. */
export async function trajectoryCounts(
  executor: Executor,
  actor: ProviderActor,
  referenceDate: string,
  now: Date,
): Promise<TrajectoryCount[]> {
  const result = await sql<{ programme: Programme; patients: string | number }>`
    with open as (${openTrajectories(actor.organisationId, referenceDate)})
    select open.programme, count(distinct open.patient_id) as patients
    from open
    where ${reachable(actor, now, 'open.patient_id')}
    group by open.programme
    order by open.programme`.execute(executor);
  return result.rows.map((row) => ({ programme: row.programme, patients: Number(row.patients) }));
}

const TRAJECTORY_SORTS: Record<string, string> = {
  name: 'p.family_name',
  birthDate: 'p.birth_date',
  patientId: 'p.id',
  programme: 'open.programme',
  startedOn: 'open.started_on',
  practice: 'practice.name',
};

export async function trajectoryPatientsReport(
  executor: Executor,
  actor: ProviderActor,
  referenceDate: string,
  programme: Programme | null,
  paging: ReportPaging,
  now: Date,
): Promise<{ total: number; rows: TrajectoryPatientRow[] }> {
  const result = await sql<PatientRow & { programme: Programme; started_on: string }>`
    with open as (${openTrajectories(actor.organisationId, referenceDate)})
    select ${patientColumnsSql}, open.programme, open.started_on, count(*) over () as total_rows
    from open
    join patient p on p.id = open.patient_id
    ${currentPracticeJoin}
    where ${programme === null ? sql`true` : sql`open.programme = ${programme}`}
      and ${reachable(actor, now, 'p.id')}
    ${orderBy(TRAJECTORY_SORTS, paging)}, open.programme
    ${pageClause(paging)}`.execute(executor);
  return {
    total: Number(result.rows[0]?.total_rows ?? 0),
    rows: result.rows.map((row) => ({
      ...patientColumnsOf(row),
      programme: row.programme,
      startedOn: String(row.started_on),
    })),
  };
}
