import type { Kysely } from 'kysely';
import type { ProviderActor, RequestContext } from '../../access/context.js';
import { mayUse } from '../../access/role-functions.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/problem.js';
import { amsterdamDay } from '../../patient-data/record-common.js';
import {
  type IndicatorCount,
  type IndicatorPatientRow,
  indicatorCount,
  indicatorPatientsReport,
} from '../../patient-data/reports-indicators.js';
import {
  type LinkedPatientRow,
  linkedPatientsReport,
  type TrajectoryPatientRow,
  trajectoryCounts,
  trajectoryPatientsReport,
} from '../../patient-data/reports-patients.js';
import { auditReportRun, REPORT_PAGE_SIZE, type ReportPaging } from '../../patient-data/reports-population.js';
import { type IndicatorDefinition, indicatorByCode, indicators, reports } from './definitions.js';
import { type ReportTable, type TableColumn, tableToCsv, tableToXlsx } from './export.js';
import type { ExportFormat, IndicatorPatientsQuery, IndicatorsQuery, LinkedQuery, TrajectoriesQuery } from './schemas.js';

// Rapportages (seed 001 §3.5): who may open them is the role's `reports` function; each run (screen or export)
// is one transaction that computes the report and writes its audit events — one for the run (report, parameters,
// rows) and one per patient listed, as for search results.

export interface ReportsDependencies {
  db: Kysely<Database>;
  clock: Clock;
}

export type ReportsContext = RequestContext & { actor: ProviderActor };

function authorised(context: ReportsContext): ProviderActor {
  const actor = context.actor;
  if (actor.kind !== 'provider' || !mayUse(actor.role, actor.organisationType, 'reports')) throw AppError.notFound();
  return actor;
}

function pagingOf(query: { page: number; sort: string; direction: 'asc' | 'desc' }, exporting: boolean): ReportPaging {
  return { page: exporting ? null : query.page, sort: query.sort, direction: query.direction };
}

function percentage(count: IndicatorCount): number | null {
  return count.denominator === 0 ? null : Math.round((count.numerator / count.denominator) * 1000) / 10;
}

export function reportCatalogue(deps: ReportsDependencies, context: ReportsContext) {
  const actor = authorised(context);
  return {
    organisationName: actor.organisationName,
    referenceDate: amsterdamDay(deps.clock.now()),
    reports: reports.map((report) => ({ ...report })),
    indicators: indicators.map((indicator) => ({ ...indicator })),
  };
}

async function runLinked(deps: ReportsDependencies, context: ReportsContext, query: LinkedQuery, exporting: boolean) {
  const actor = authorised(context);
  const now = deps.clock.now();
  const referenceDate = query.referenceDate ?? amsterdamDay(now);
  return deps.db.transaction().execute(async (trx) => {
    const result = await linkedPatientsReport(trx, actor, referenceDate, pagingOf(query, exporting), now);
    await auditReportRun(
      trx,
      context,
      {
        report: 'linked-patients',
        action: exporting ? 'export' : 'read',
        parameters: { referenceDate, page: exporting ? null : query.page, sort: query.sort, direction: query.direction },
        rowCount: result.rows.length,
        patientIds: result.rows.map((row) => row.patientId),
      },
      now,
    );
    return { referenceDate, ...result };
  });
}

export async function linkedPatients(deps: ReportsDependencies, context: ReportsContext, query: LinkedQuery) {
  const result = await runLinked(deps, context, query, false);
  return { ...result, page: query.page, pageSize: REPORT_PAGE_SIZE };
}

async function runTrajectories(deps: ReportsDependencies, context: ReportsContext, query: TrajectoriesQuery, exporting: boolean) {
  const actor = authorised(context);
  const now = deps.clock.now();
  const referenceDate = query.referenceDate ?? amsterdamDay(now);
  return deps.db.transaction().execute(async (trx) => {
    const counts = await trajectoryCounts(trx, actor, referenceDate, now);
    const result = await trajectoryPatientsReport(
      trx,
      actor,
      referenceDate,
      query.programme ?? null,
      pagingOf(query, exporting),
      now,
    );
    await auditReportRun(
      trx,
      context,
      {
        report: 'trajectories',
        action: exporting ? 'export' : 'read',
        parameters: {
          referenceDate,
          programme: query.programme ?? null,
          page: exporting ? null : query.page,
          sort: query.sort,
          direction: query.direction,
        },
        rowCount: result.rows.length,
        patientIds: result.rows.map((row) => row.patientId),
      },
      now,
    );
    return { referenceDate, counts, ...result };
  });
}

export async function trajectories(deps: ReportsDependencies, context: ReportsContext, query: TrajectoriesQuery) {
  const result = await runTrajectories(deps, context, query, false);
  return { ...result, page: query.page, pageSize: REPORT_PAGE_SIZE };
}

async function runIndicators(deps: ReportsDependencies, context: ReportsContext, query: IndicatorsQuery, exporting: boolean) {
  const actor = authorised(context);
  const now = deps.clock.now();
  const referenceDate = query.referenceDate ?? amsterdamDay(now);
  return deps.db.transaction().execute(async (trx) => {
    const results = [];
    for (const indicator of indicators) {
      const count = await indicatorCount(trx, actor, indicator, referenceDate, now);
      results.push({ ...indicator, ...count, percentage: percentage(count) });
    }
    await auditReportRun(
      trx,
      context,
      {
        report: 'indicators',
        action: exporting ? 'export' : 'read',
        parameters: { referenceDate },
        rowCount: results.length,
        patientIds: [],
      },
      now,
    );
    return { referenceDate, indicators: results };
  });
}

export function indicatorSummary(deps: ReportsDependencies, context: ReportsContext, query: IndicatorsQuery) {
  return runIndicators(deps, context, query, false);
}

async function runIndicatorPatients(
  deps: ReportsDependencies,
  context: ReportsContext,
  code: string,
  query: IndicatorPatientsQuery,
  exporting: boolean,
) {
  const actor = authorised(context);
  const indicator = indicatorByCode(code);
  if (!indicator) throw AppError.notFound();
  const now = deps.clock.now();
  const referenceDate = query.referenceDate ?? amsterdamDay(now);
  return deps.db.transaction().execute(async (trx) => {
    const count = await indicatorCount(trx, actor, indicator, referenceDate, now);
    const result = await indicatorPatientsReport(
      trx,
      actor,
      indicator,
      referenceDate,
      query.filter,
      pagingOf(query, exporting),
      now,
    );
    await auditReportRun(
      trx,
      context,
      {
        report: `indicator:${indicator.code}`,
        action: exporting ? 'export' : 'read',
        parameters: {
          referenceDate,
          filter: query.filter,
          page: exporting ? null : query.page,
          sort: query.sort,
          direction: query.direction,
        },
        rowCount: result.rows.length,
        patientIds: result.rows.map((row) => row.patientId),
      },
      now,
    );
    return { referenceDate, indicator: { ...indicator, ...count, percentage: percentage(count) }, ...result };
  });
}

export async function indicatorPatients(
  deps: ReportsDependencies,
  context: ReportsContext,
  code: string,
  query: IndicatorPatientsQuery,
) {
  const result = await runIndicatorPatients(deps, context, code, query, false);
  return { ...result, filter: query.filter, page: query.page, pageSize: REPORT_PAGE_SIZE };
}

// Exports ----------------------------------------------------------------------------------------------------

const LINK_NAMES: Record<string, string> = {
  enrolment: 'Inschrijving',
  trajectory: 'Traject',
  referral: 'Verwijzing',
  'treatment-relationship': 'Behandelrelatie',
  admission: 'Opname',
};

const PATIENT_COLUMNS: readonly TableColumn[] = [
  { key: 'displayId', title: 'P-ID', type: 'text', width: 14 },
  { key: 'name', title: 'Naam', type: 'text', width: 30 },
  { key: 'birthDate', title: 'Geboortedatum', type: 'date', width: 14 },
  { key: 'bsn', title: 'BSN', type: 'text', width: 12 },
  { key: 'practice', title: 'Huisartspraktijk', type: 'text', width: 30 },
];

function patientCells(row: LinkedPatientRow | TrajectoryPatientRow | IndicatorPatientRow) {
  return {
    displayId: row.displayId,
    name: row.name,
    birthDate: row.birthDate,
    bsn: row.bsnMasked,
    practice: row.practiceName,
  };
}

function commonNotes(context: ReportsContext, referenceDate: string, now: Date): [string, string][] {
  return [
    ['Organisatie', context.actor.organisationName],
    ['Peildatum', referenceDate.split('-').reverse().join('-')],
    ['Gemaakt door', context.actor.name],
    [
      'Gemaakt op',
      new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(now),
    ],
  ];
}

function indicatorNotes(indicator: IndicatorDefinition): [string, string][] {
  return [
    ['Indicator', indicator.title.nl],
    ['Definitie', indicator.description.nl],
  ];
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

async function asFile(table: ReportTable, format: ExportFormat): Promise<ExportFile> {
  if (format === 'csv') {
    return { filename: `keten-${table.name}.csv`, contentType: 'text/csv; charset=utf-8', body: tableToCsv(table) };
  }
  return {
    filename: `keten-${table.name}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await tableToXlsx(table),
  };
}

export async function exportLinkedPatients(
  deps: ReportsDependencies,
  context: ReportsContext,
  query: LinkedQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const result = await runLinked(deps, context, query, true);
  return asFile(
    {
      name: 'patienten-gekoppeld',
      title: reports[0].title.nl,
      columns: [
        ...PATIENT_COLUMNS,
        { key: 'links', title: 'Koppeling', type: 'text', width: 28 },
        { key: 'since', title: 'Sinds', type: 'date', width: 14 },
      ],
      rows: result.rows.map((row) => ({
        ...patientCells(row),
        links: row.links.map((link) => LINK_NAMES[link] ?? link).join(', '),
        since: row.since,
      })),
      notes: [...commonNotes(context, result.referenceDate, deps.clock.now()), ['Definitie', reports[0].description.nl]],
    },
    format,
  );
}

export async function exportTrajectories(
  deps: ReportsDependencies,
  context: ReportsContext,
  query: TrajectoriesQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const result = await runTrajectories(deps, context, query, true);
  return asFile(
    {
      name: 'patienten-per-traject',
      title: reports[1].title.nl,
      columns: [
        { key: 'programme', title: 'Traject', type: 'text', width: 12 },
        ...PATIENT_COLUMNS,
        { key: 'startedOn', title: 'Startdatum', type: 'date', width: 14 },
      ],
      rows: result.rows.map((row) => ({ programme: row.programme, ...patientCells(row), startedOn: row.startedOn })),
      notes: [
        ...commonNotes(context, result.referenceDate, deps.clock.now()),
        ['Definitie', reports[1].description.nl],
        ...result.counts.map((count): [string, string] => [`Aantal ${count.programme}`, String(count.patients)]),
      ],
    },
    format,
  );
}

export async function exportIndicators(
  deps: ReportsDependencies,
  context: ReportsContext,
  query: IndicatorsQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const result = await runIndicators(deps, context, query, true);
  return asFile(
    {
      name: 'kwaliteitsindicatoren',
      title: reports[2].title.nl,
      columns: [
        { key: 'title', title: 'Indicator', type: 'text', width: 60 },
        { key: 'programme', title: 'Traject', type: 'text', width: 10 },
        { key: 'numerator', title: 'Teller', type: 'number', width: 10 },
        { key: 'denominator', title: 'Noemer', type: 'number', width: 10 },
        { key: 'percentage', title: 'Percentage', type: 'percentage', width: 12 },
        { key: 'description', title: 'Definitie', type: 'text', width: 100 },
      ],
      rows: result.indicators.map((indicator) => ({
        title: indicator.title.nl,
        programme: indicator.programme,
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        percentage: indicator.percentage,
        description: indicator.description.nl,
      })),
      notes: commonNotes(context, result.referenceDate, deps.clock.now()),
    },
    format,
  );
}

export async function exportIndicatorPatients(
  deps: ReportsDependencies,
  context: ReportsContext,
  code: string,
  query: IndicatorPatientsQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const result = await runIndicatorPatients(deps, context, code, query, true);
  const indicator = indicatorByCode(code) as IndicatorDefinition;
  return asFile(
    {
      name: `indicator-${indicator.code}`,
      title: indicator.title.nl,
      columns: [
        ...PATIENT_COLUMNS,
        { key: 'lastValue', title: 'Laatste waarde', type: 'number', width: 14 },
        { key: 'lastMeasuredOn', title: 'Datum laatste meting', type: 'date', width: 20 },
        { key: 'met', title: 'Voldoet', type: 'text', width: 10 },
      ],
      rows: result.rows.map((row) => ({
        ...patientCells(row),
        lastValue: row.lastValue,
        lastMeasuredOn: row.lastMeasuredOn,
        met: row.met ? 'Ja' : 'Nee',
      })),
      notes: [
        ...commonNotes(context, result.referenceDate, deps.clock.now()),
        ...indicatorNotes(indicator),
        ['Teller / noemer', `${result.indicator.numerator} / ${result.indicator.denominator}`],
        ['Selectie', { all: 'Alle patiënten (noemer)', met: 'Voldoet (teller)', 'not-met': 'Voldoet niet' }[query.filter]],
      ],
    },
    format,
  );
}
