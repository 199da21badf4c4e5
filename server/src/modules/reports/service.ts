import type { Kysely } from 'kysely';
import type { ProviderActor, RequestContext } from '../../access/context.js';
import type { Executor } from '../../access/index.js';
import { mayUse } from '../../access/role-functions.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { amsterdamDate } from '../../domain/amsterdam-time.js';
import { AppError } from '../../http/problem.js';
import { indicatorCount, indicatorPatientsReport } from '../../patient-data/reports-indicators.js';
import { linkedPatientsReport, trajectoryCounts, trajectoryPatientsReport } from '../../patient-data/reports-patients.js';
import { auditReportRun, REPORT_PAGE_SIZE, type ReportPaging } from '../../patient-data/reports-population.js';
import {
  indicatorCountsByOrganisation,
  linkedCountsByOrganisation,
  type RegionOrganisation,
  regionOrganisations,
  trajectoryCountsByOrganisation,
} from '../../patient-data/reports-region.js';
import {
  type AnyReportDefinition,
  type IndicatorResult,
  indicatorByCode,
  indicatorPatientsDefinition,
  indicators,
  indicatorsDefinition,
  type LocalText,
  linkedPatientsDefinition,
  REGION_ROLES,
  type RegionIndicatorRow,
  type RegionLinkedRow,
  type RegionResult,
  type RegionTrajectoryRow,
  type ReportCell,
  type ReportCode,
  type ReportDefinition,
  regionReports,
  reports,
  trajectoriesDefinition,
} from './definitions.js';
import { type Cell, type ReportTable, tableToCsv, tableToXlsx } from './export.js';
import type {
  ExportFormat,
  IndicatorPatientsQuery,
  IndicatorsQuery,
  LinkedQuery,
  RegionQuery,
  TrajectoriesQuery,
} from './schemas.js';
import { suppressed, suppressedIndicator } from './suppression.js';

// Rapportages (seed 001 §3.5): who may open them is the role's `reports` function; each run (screen or export)
// is one transaction that computes the report and writes its audit events — one for the run (report, parameters,
// rows) and one per patient listed, as for search results. An organisation's reports list its patients within the
// actor's access policy; the region's (REGION_ROLES: the platform administrator) are counts per organisation with
// small counts suppressed (suppression.ts), never a patient row, and their run is audited without patients.

export interface ReportsDependencies {
  db: Kysely<Database>;
  clock: Clock;
}

export type ReportsContext = RequestContext & { actor: ProviderActor };

function mayReport(context: ReportsContext): boolean {
  const actor = context.actor;
  return actor.kind === 'provider' && mayUse(actor.role, actor.organisationType, 'reports');
}

function isRegionActor(actor: ProviderActor): boolean {
  return REGION_ROLES.includes(actor.role);
}

/** An organisation's reports (patient rows): not for a role without the function, nor for the region's roles. */
function authorised(context: ReportsContext): ProviderActor {
  if (!mayReport(context) || isRegionActor(context.actor)) throw AppError.notFound();
  return context.actor;
}

/** The region's reports (counts only): the region's roles alone. */
function regionAuthorised(context: ReportsContext): ProviderActor {
  if (!mayReport(context) || !isRegionActor(context.actor)) throw AppError.notFound();
  return context.actor;
}

function pagingOf(query: { page: number; sort: string; direction: 'asc' | 'desc' }, exporting: boolean): ReportPaging {
  return { page: exporting ? null : query.page, sort: query.sort, direction: query.direction };
}

function percentage(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
}

const localCell = (cell: ReportCell, language: keyof LocalText): Cell =>
  cell !== null && typeof cell === 'object' ? cell[language] : cell;

function catalogueEntry(definition: AnyReportDefinition) {
  return {
    code: definition.code,
    title: definition.title,
    description: definition.description,
    columns: definition.columns.map((column) => ({ key: column.key, header: column.header, type: column.type })),
  };
}

export async function reportCatalogue(deps: ReportsDependencies, context: ReportsContext) {
  if (!mayReport(context)) throw AppError.notFound();
  const actor = context.actor;
  const region = isRegionActor(actor);
  return {
    organisationName: actor.organisationName,
    referenceDate: amsterdamDate(deps.clock.now()),
    scope: region ? ('region' as const) : ('organisation' as const),
    organisations: region ? await regionOrganisations(deps.db) : [],
    reports: (region ? regionReports : reports).map(catalogueEntry),
    indicators: indicators.map((indicator) => ({ ...indicator })),
  };
}

// One run: authorised, computed and audited in one transaction ------------------------------------------------

interface Run<Result> {
  /** The audit's report code. */
  report: string;
  /** What the run was asked, besides the reference date. */
  parameters: Record<string, string | number | null>;
  compute: (trx: Executor, referenceDate: string, now: Date) => Promise<Result>;
  rowCount: (result: Result) => number;
  /** The patients listed; none for the region's counts. */
  patientIds: (result: Result) => readonly string[];
}

async function run<Result>(
  deps: ReportsDependencies,
  context: ReportsContext,
  referenceDateAsked: string | undefined,
  exporting: boolean,
  report: Run<Result>,
): Promise<Result & { referenceDate: string }> {
  const now = deps.clock.now();
  const referenceDate = referenceDateAsked ?? amsterdamDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const result = await report.compute(trx, referenceDate, now);
    await auditReportRun(
      trx,
      context,
      {
        report: report.report,
        action: exporting ? 'export' : 'read',
        parameters: { referenceDate, ...report.parameters },
        rowCount: report.rowCount(result),
        patientIds: report.patientIds(result),
      },
      now,
    );
    return { referenceDate, ...result };
  });
}

type Paged = { page: number; sort: string; direction: 'asc' | 'desc' };

/** A patient table's run: the page (or everything, exporting) and its patients audited. */
function patientRun<Row extends { patientId: string }, Result extends { rows: Row[] }>(
  report: string,
  query: Paged,
  exporting: boolean,
  parameters: Record<string, string | number | null>,
  compute: (trx: Executor, referenceDate: string, now: Date, paging: ReportPaging) => Promise<Result>,
): Run<Result> {
  return {
    report,
    parameters: { ...parameters, page: exporting ? null : query.page, sort: query.sort, direction: query.direction },
    compute: (trx, referenceDate, now) => compute(trx, referenceDate, now, pagingOf(query, exporting)),
    rowCount: (result) => result.rows.length,
    patientIds: (result) => result.rows.map((row) => row.patientId),
  };
}

function runLinked(deps: ReportsDependencies, context: ReportsContext, query: LinkedQuery, exporting: boolean) {
  const actor = authorised(context);
  return run(
    deps,
    context,
    query.referenceDate,
    exporting,
    patientRun('linked-patients', query, exporting, {}, (trx, referenceDate, now, paging) =>
      linkedPatientsReport(trx, actor, referenceDate, paging, now),
    ),
  );
}

export async function linkedPatients(deps: ReportsDependencies, context: ReportsContext, query: LinkedQuery) {
  const result = await runLinked(deps, context, query, false);
  return { ...result, page: query.page, pageSize: REPORT_PAGE_SIZE };
}

function runTrajectories(deps: ReportsDependencies, context: ReportsContext, query: TrajectoriesQuery, exporting: boolean) {
  const actor = authorised(context);
  const programme = query.programme ?? null;
  return run(
    deps,
    context,
    query.referenceDate,
    exporting,
    patientRun('trajectories', query, exporting, { programme }, async (trx, referenceDate, now, paging) => {
      const counts = await trajectoryCounts(trx, actor, referenceDate, now);
      return { counts, ...(await trajectoryPatientsReport(trx, actor, referenceDate, programme, paging, now)) };
    }),
  );
}

export async function trajectories(deps: ReportsDependencies, context: ReportsContext, query: TrajectoriesQuery) {
  const result = await runTrajectories(deps, context, query, false);
  return { ...result, page: query.page, pageSize: REPORT_PAGE_SIZE };
}

function runIndicators(deps: ReportsDependencies, context: ReportsContext, query: IndicatorsQuery, exporting: boolean) {
  const actor = authorised(context);
  return run(deps, context, query.referenceDate, exporting, {
    report: 'indicators',
    parameters: {},
    compute: async (trx, referenceDate, now) => {
      const results: IndicatorResult[] = [];
      for (const indicator of indicators) {
        const count = await indicatorCount(trx, actor, indicator, referenceDate, now);
        results.push({ ...indicator, ...count, percentage: percentage(count.numerator, count.denominator) });
      }
      return { indicators: results };
    },
    rowCount: (result) => result.indicators.length,
    patientIds: () => [],
  });
}

export function indicatorSummary(deps: ReportsDependencies, context: ReportsContext, query: IndicatorsQuery) {
  return runIndicators(deps, context, query, false);
}

function runIndicatorPatients(
  deps: ReportsDependencies,
  context: ReportsContext,
  code: string,
  query: IndicatorPatientsQuery,
  exporting: boolean,
) {
  const actor = authorised(context);
  const indicator = indicatorByCode(code);
  if (!indicator) throw AppError.notFound();
  return run(
    deps,
    context,
    query.referenceDate,
    exporting,
    patientRun(
      `indicator:${indicator.code}`,
      query,
      exporting,
      { filter: query.filter },
      async (trx, referenceDate, now, paging) => {
        const count = await indicatorCount(trx, actor, indicator, referenceDate, now);
        const result = await indicatorPatientsReport(trx, actor, indicator, referenceDate, query.filter, paging, now);
        const summary = { ...indicator, ...count, percentage: percentage(count.numerator, count.denominator) };
        return { indicator: summary, filter: query.filter, ...result };
      },
    ),
  );
}

export async function indicatorPatients(
  deps: ReportsDependencies,
  context: ReportsContext,
  code: string,
  query: IndicatorPatientsQuery,
) {
  const result = await runIndicatorPatients(deps, context, code, query, false);
  return { ...result, page: query.page, pageSize: REPORT_PAGE_SIZE };
}

// The region: counts per organisation --------------------------------------------------------------------------

async function chosenOrganisation(executor: Executor, id: string | undefined): Promise<RegionOrganisation | null> {
  if (id === undefined) return null;
  const organisation = (await regionOrganisations(executor)).find((candidate) => candidate.id === id);
  if (!organisation) throw AppError.notFound();
  return organisation;
}

type RegionCompute<Row> = (
  trx: Executor,
  organisation: RegionOrganisation | null,
  referenceDate: string,
  names: Map<string, string>,
) => Promise<Row[]>;

const regionComputations: Record<ReportCode, RegionCompute<unknown>> = {
  'linked-patients': async (trx, organisation, referenceDate, names): Promise<RegionLinkedRow[]> => {
    const counts = new Map(
      (await linkedCountsByOrganisation(trx, organisation?.id ?? null, referenceDate)).map((row) => [row.organisationId, row]),
    );
    // Every organisation has a row, also with no patients: the region's picture is complete.
    const ids = organisation ? [organisation.id] : [...names.keys()];
    return ids.map((id) => {
      const count = counts.get(id);
      return {
        organisation: names.get(id) ?? id,
        patients: suppressed(count?.patients ?? 0),
        links: {
          enrolment: suppressed(count?.links.enrolment ?? 0),
          trajectory: suppressed(count?.links.trajectory ?? 0),
          referral: suppressed(count?.links.referral ?? 0),
          'treatment-relationship': suppressed(count?.links['treatment-relationship'] ?? 0),
          admission: suppressed(count?.links.admission ?? 0),
        },
      };
    });
  },
  trajectories: async (trx, organisation, referenceDate, names): Promise<RegionTrajectoryRow[]> => {
    const rows = await trajectoryCountsByOrganisation(trx, organisation?.id ?? null, referenceDate);
    return byOrganisationName(rows, names).map((row) => ({
      organisation: names.get(row.organisationId) ?? row.organisationId,
      programme: row.programme,
      patients: suppressed(row.patients),
    }));
  },
  indicators: async (trx, organisation, referenceDate, names): Promise<RegionIndicatorRow[]> => {
    const scope = organisation ? { organisationId: organisation.id, organisationType: organisation.type } : null;
    const rows: (RegionIndicatorRow & { organisationId: string })[] = [];
    for (const indicator of indicators) {
      for (const count of await indicatorCountsByOrganisation(trx, scope, indicator, referenceDate)) {
        rows.push({
          organisationId: count.organisationId,
          organisation: names.get(count.organisationId) ?? count.organisationId,
          indicator,
          ...suppressedIndicator(count.numerator, count.denominator),
        });
      }
    }
    return byOrganisationName(rows, names).map(({ organisationId: _, ...row }) => row);
  },
};

/** Rows in the order of the organisations' names (stable: the sort keeps each organisation's own order). */
function byOrganisationName<Row extends { organisationId: string }>(rows: Row[], names: Map<string, string>): Row[] {
  const order = new Map([...names.keys()].map((id, index) => [id, index]));
  return [...rows].sort((a, b) => (order.get(a.organisationId) ?? 0) - (order.get(b.organisationId) ?? 0));
}

function runRegion(deps: ReportsDependencies, context: ReportsContext, code: ReportCode, query: RegionQuery, exporting: boolean) {
  regionAuthorised(context);
  return run<RegionResult<unknown>>(deps, context, query.referenceDate, exporting, {
    report: `region:${code}`,
    parameters: { organisation: query.organisation ?? null },
    compute: async (trx, referenceDate) => {
      const names = new Map((await regionOrganisations(trx)).map((organisation) => [organisation.id, organisation.name]));
      const organisation = await chosenOrganisation(trx, query.organisation);
      return { organisation, rows: await regionComputations[code](trx, organisation, referenceDate, names) };
    },
    rowCount: (result) => result.rows.length,
    patientIds: () => [],
  });
}

function regionDefinition(code: ReportCode): AnyReportDefinition {
  return regionReports.find((definition) => definition.code === code) as AnyReportDefinition;
}

/** The region's report on screen: the rows as the columns give them (the same cells as the export). */
export async function regionReport(deps: ReportsDependencies, context: ReportsContext, code: ReportCode, query: RegionQuery) {
  const result = await runRegion(deps, context, code, query, false);
  const definition = regionDefinition(code);
  return {
    referenceDate: result.referenceDate,
    report: code,
    organisation: result.organisation ? { id: result.organisation.id, name: result.organisation.name } : null,
    rows: definition
      .rows(result)
      .map((row: unknown) => Object.fromEntries(definition.columns.map((column) => [column.key, column.value(row)]))) as Record<
      string,
      ReportCell
    >[],
  };
}

// Exports: one path for every report, from the definition's columns ---------------------------------------------

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

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

/** The report as a table (Dutch headers and cells, as the export is for Dutch practices), then as the file asked. */
async function exportOf<Result, Row>(
  deps: ReportsDependencies,
  context: ReportsContext,
  definition: ReportDefinition<Result, Row>,
  result: Result & { referenceDate: string },
  format: ExportFormat,
): Promise<ExportFile> {
  const table: ReportTable = {
    name: typeof definition.file === 'string' ? definition.file : definition.file(result),
    title: definition.exportTitle ? definition.exportTitle(result) : definition.title.nl,
    columns: definition.columns.map((column) => ({
      key: column.key,
      title: column.header.nl,
      type: column.type,
      width: column.width,
    })),
    rows: definition
      .rows(result)
      .map((row) => Object.fromEntries(definition.columns.map((column) => [column.key, localCell(column.value(row), 'nl')]))),
    notes: [...commonNotes(context, result.referenceDate, deps.clock.now()), ...definition.notes(result)],
  };
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
  return exportOf(deps, context, linkedPatientsDefinition, await runLinked(deps, context, query, true), format);
}

export async function exportTrajectories(
  deps: ReportsDependencies,
  context: ReportsContext,
  query: TrajectoriesQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  return exportOf(deps, context, trajectoriesDefinition, await runTrajectories(deps, context, query, true), format);
}

export async function exportIndicators(
  deps: ReportsDependencies,
  context: ReportsContext,
  query: IndicatorsQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  return exportOf(deps, context, indicatorsDefinition, await runIndicators(deps, context, query, true), format);
}

export async function exportIndicatorPatients(
  deps: ReportsDependencies,
  context: ReportsContext,
  code: string,
  query: IndicatorPatientsQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const result = await runIndicatorPatients(deps, context, code, query, true);
  return exportOf(deps, context, indicatorPatientsDefinition, result, format);
}

export async function exportRegionReport(
  deps: ReportsDependencies,
  context: ReportsContext,
  code: ReportCode,
  query: RegionQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  return exportOf(deps, context, regionDefinition(code), await runRegion(deps, context, code, query, true), format);
}
