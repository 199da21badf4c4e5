import { sql } from 'kysely';
import type { Executor } from '../access/index.js';
import type { OrganisationType, Programme } from '../db/schema.js';
import { type IndicatorRule, inProgramme, scoredPopulation } from './reports-indicators.js';
import {
  type LinkKind,
  linkedPatients,
  type OrganisationScope,
  openTrajectories,
  responsiblePatients,
} from './reports-population.js';

// The region's Rapportages for the platform administrator (the care group): COUNTS per organisation, never a
// patient row. The administrator has no ground for any patient, so these queries do not go through the access
// policy: they read every patient linked to an organisation on the reference date, and every measurement of an
// indicator's code (whatever its record type), and return only numbers per organisation. Small counts are
// suppressed by the caller (modules/reports/suppression.ts) before they leave the server. Not an access to any
// record: the run is audited as one event without patients.

export interface RegionOrganisation {
  id: string;
  name: string;
  type: OrganisationType;
}

/** Every organisation of the region, by name (the selector, and the rows of a region-wide report). */
export async function regionOrganisations(executor: Executor): Promise<RegionOrganisation[]> {
  const rows = await executor.selectFrom('organisation').select(['id', 'name', 'type']).orderBy('name').orderBy('id').execute();
  return rows.map((row) => ({ id: String(row.id), name: row.name, type: row.type }));
}

export type LinkCounts = Record<LinkKind, number>;

export interface LinkedCountRow {
  organisationId: string;
  /** Distinct patients linked in any way. */
  patients: number;
  /** Distinct patients per kind of link (a patient may be linked in more than one way). */
  links: LinkCounts;
}

const LINK_KINDS: readonly LinkKind[] = ['enrolment', 'trajectory', 'referral', 'treatment-relationship', 'admission'];

/** Patients linked to each organisation (or to the one given) on the reference date, counted by the database. */
export async function linkedCountsByOrganisation(
  executor: Executor,
  organisationId: string | null,
  referenceDate: string,
): Promise<LinkedCountRow[]> {
  const result = await sql<Record<string, string | number>>`
    with link as (${linkedPatients(organisationId, referenceDate)})
    select link.organisation_id, count(distinct link.patient_id) as patients,
      ${sql.join(
        LINK_KINDS.map(
          (kind, index) => sql`count(distinct link.patient_id) filter (where link.link = ${kind}) as ${sql.ref(`link_${index}`)}`,
        ),
      )}
    from link
    group by link.organisation_id`.execute(executor);
  return result.rows.map((row) => ({
    organisationId: String(row.organisation_id),
    patients: Number(row.patients),
    links: Object.fromEntries(LINK_KINDS.map((kind, index) => [kind, Number(row[`link_${index}`])])) as LinkCounts,
  }));
}

export interface TrajectoryCountRow {
  organisationId: string;
  programme: Programme;
  patients: number;
}

/** Open trajectories per organisation and programme on the reference date (distinct patients). */
export async function trajectoryCountsByOrganisation(
  executor: Executor,
  organisationId: string | null,
  referenceDate: string,
): Promise<TrajectoryCountRow[]> {
  const result = await sql<{ organisation_id: string; programme: Programme; patients: string | number }>`
    with open as (${openTrajectories(organisationId, referenceDate)})
    select open.organisation_id, open.programme, count(distinct open.patient_id) as patients
    from open
    group by open.organisation_id, open.programme`.execute(executor);
  return result.rows.map((row) => ({
    organisationId: String(row.organisation_id),
    programme: row.programme,
    patients: Number(row.patients),
  }));
}

export interface IndicatorCountRow {
  organisationId: string;
  numerator: number;
  denominator: number;
}

/**
 * An indicator's numerator and denominator per organisation (or for the one given): the same population and
 * scoring as an organisation's own indicator, over every patient and measurement. Organisations without a
 * patient in the denominator have no row.
 */
export async function indicatorCountsByOrganisation(
  executor: Executor,
  scope: OrganisationScope | null,
  rule: IndicatorRule,
  referenceDate: string,
): Promise<IndicatorCountRow[]> {
  const result = await sql<{ organisation_id: string; numerator: string | number; denominator: string | number }>`
    with responsible as (
      select distinct responsible.organisation_id, responsible.patient_id
      from (${responsiblePatients(scope, referenceDate)}) responsible
      where ${inProgramme(rule, referenceDate, 'responsible.patient_id')}
    ),
    ${scoredPopulation(sql`select distinct responsible.patient_id as id from responsible`, rule, referenceDate, sql`true`)}
    select responsible.organisation_id, count(*) filter (where scored.met) as numerator, count(*) as denominator
    from responsible
    join scored on scored.id = responsible.patient_id
    group by responsible.organisation_id`.execute(executor);
  return result.rows.map((row) => ({
    organisationId: String(row.organisation_id),
    numerator: Number(row.numerator),
    denominator: Number(row.denominator),
  }));
}
