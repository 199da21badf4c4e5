import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ProviderActor } from '../access/context.js';
import { type Executor, readableRecordTypesCondition } from '../access/index.js';
import type { Programme } from '../db/schema.js';
import {
  currentPracticeJoin,
  orderBy,
  type PatientRow,
  pageClause,
  patientColumnsOf,
  patientColumnsSql,
  type ReportPaging,
  type ReportPatientColumns,
  reachable,
  referenceBounds,
  responsiblePatients,
} from './reports-population.js';

// Quality indicators (seed 001 §3.5, product.md §1): numerator / denominator over the patients the organisation
// is responsible for, with an open trajectory of the programme on the reference date, whom the actor may reach.
// The measurement looked at is the newest one of the code within the window before the end of the reference date,
// of a record type the actor's role may read. One query per indicator; the database counts.

/** What the SQL needs of an indicator (the definitions themselves are data in modules/reports). */
export interface IndicatorRule {
  programme: Programme;
  /** Measure code (packages/forms measures.ts). */
  measureCode: string;
  windowMonths: number;
  /** null: "measured within the window"; otherwise the newest value in the window compared with the threshold. */
  threshold: { comparator: '<' | '<=' | '>' | '>='; value: number } | null;
}

export interface IndicatorCount {
  numerator: number;
  denominator: number;
}

export type IndicatorFilter = 'all' | 'met' | 'not-met';

export interface IndicatorPatientRow extends ReportPatientColumns {
  met: boolean;
  lastValue: number | null;
  lastMeasuredOn: string | null;
}

/** The patient in `column` has an open trajectory of the rule's programme (at any organisation) on the reference date. */
export function inProgramme(rule: IndicatorRule, referenceDate: string, column: string): RawBuilder<unknown> {
  const { day } = referenceBounds(referenceDate);
  return sql`exists (
      select 1 from trajectory t
      where t.patient_id = ${sql.ref(column)} and t.programme = ${rule.programme}
        and t.started_on <= ${day} and (t.ended_on is null or t.ended_on > ${day}))`;
}

/**
 * `population` (a query of patient `id`s) and `scored` (id, last_value, last_measured_at, met) as common table
 * expressions: the newest measurement of the rule's code in the window, of a record type `measurements` allows.
 */
export function scoredPopulation(
  population: RawBuilder<unknown>,
  rule: IndicatorRule,
  referenceDate: string,
  measurements: RawBuilder<unknown> | Expression<SqlBool>,
): RawBuilder<unknown> {
  const { end } = referenceBounds(referenceDate);
  const met =
    rule.threshold === null
      ? sql`last.measured_at is not null`
      : sql`coalesce(last.value ${sql.raw(rule.threshold.comparator)} cast(${String(rule.threshold.value)} as numeric), false)`;
  return sql`population as (${population}),
    scored as (
      select population.id, last.value as last_value, last.measured_at as last_measured_at, ${met} as met
      from population
      left join lateral (
        select m.value, m.measured_at from measurement m
        where m.patient_id = population.id and m.code = ${rule.measureCode}
          and m.measured_at < ${end}
          and m.measured_at >= ${end} - make_interval(months => ${rule.windowMonths})
          and ${measurements}
        order by m.measured_at desc, m.id desc
        limit 1
      ) last on true
    )`;
}

/** The scored population of the actor's organisation, within the actor's access policy and record-type rights. */
function scored(actor: ProviderActor, rule: IndicatorRule, referenceDate: string, now: Date): RawBuilder<unknown> {
  return scoredPopulation(
    sql`select distinct responsible.patient_id as id
      from (${responsiblePatients(actor, referenceDate)}) responsible
      where ${inProgramme(rule, referenceDate, 'responsible.patient_id')}
        and ${reachable(actor, now, 'responsible.patient_id')}`,
    rule,
    referenceDate,
    readableRecordTypesCondition(actor, 'm.record_type'),
  );
}

export async function indicatorCount(
  executor: Executor,
  actor: ProviderActor,
  rule: IndicatorRule,
  referenceDate: string,
  now: Date,
): Promise<IndicatorCount> {
  const result = await sql<{ numerator: string | number; denominator: string | number }>`
    with ${scored(actor, rule, referenceDate, now)}
    select count(*) filter (where scored.met) as numerator, count(*) as denominator from scored`.execute(executor);
  const row = result.rows[0];
  return { numerator: Number(row?.numerator ?? 0), denominator: Number(row?.denominator ?? 0) };
}

const INDICATOR_SORTS: Record<string, string> = {
  name: 'p.family_name',
  birthDate: 'p.birth_date',
  patientId: 'p.id',
  practice: 'practice.name',
  lastValue: 'scored.last_value',
  lastMeasuredOn: 'scored.last_measured_at',
};

export async function indicatorPatientsReport(
  executor: Executor,
  actor: ProviderActor,
  rule: IndicatorRule,
  referenceDate: string,
  filter: IndicatorFilter,
  paging: ReportPaging,
  now: Date,
): Promise<{ total: number; rows: IndicatorPatientRow[] }> {
  const where = filter === 'all' ? sql`true` : filter === 'met' ? sql`scored.met` : sql`not scored.met`;
  const result = await sql<PatientRow & { met: boolean; last_value: string | null; last_measured_on: string | null }>`
    with ${scored(actor, rule, referenceDate, now)}
    select ${patientColumnsSql}, scored.met, scored.last_value,
      to_char(scored.last_measured_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as last_measured_on,
      count(*) over () as total_rows
    from scored
    join patient p on p.id = scored.id
    ${currentPracticeJoin}
    where ${where}
    ${orderBy(INDICATOR_SORTS, paging)}
    ${pageClause(paging)}`.execute(executor);
  return {
    total: Number(result.rows[0]?.total_rows ?? 0),
    rows: result.rows.map((row) => ({
      ...patientColumnsOf(row),
      met: row.met,
      lastValue: row.last_value === null ? null : Number(row.last_value),
      lastMeasuredOn: row.last_measured_on,
    })),
  };
}
