import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { type ApiClient, api, type DownloadedFile } from '../../api/client';

// Rapportages (server/src/modules/reports/routes.ts + schemas.ts).

export interface LocalText {
  nl: string;
  en: string;
}

export type Programme = 'DM2' | 'CVRM' | 'COPD' | 'DIETETIEK' | 'GLI' | 'GGZ' | 'FYSIO' | 'VOETZORG';
export const programmes: readonly Programme[] = ['DM2', 'CVRM', 'COPD', 'DIETETIEK', 'GLI', 'GGZ', 'FYSIO', 'VOETZORG'];

export type ReportCode = 'linked-patients' | 'trajectories' | 'indicators';
export type LinkKind = 'enrolment' | 'trajectory' | 'referral' | 'treatment-relationship' | 'admission';
export type IndicatorFilter = 'all' | 'met' | 'not-met';
export type SortDirection = 'asc' | 'desc';
export type ExportFormat = 'xlsx' | 'csv';

export interface IndicatorDefinition {
  code: string;
  title: LocalText;
  description: LocalText;
  programme: Programme;
  measureCode: string;
  windowMonths: number;
  threshold: { comparator: string; value: number } | null;
}

export type ColumnType = 'text' | 'date' | 'number' | 'percentage';

export interface ReportColumn {
  key: string;
  header: LocalText;
  type: ColumnType;
}

/** `organisation`: the actor's own patients; `region` (platform administrator): counts per organisation only. */
export type ReportScope = 'organisation' | 'region';

export interface RegionOrganisation {
  id: string;
  name: string;
  type: string;
}

export interface ReportCatalogue {
  organisationName: string;
  referenceDate: string;
  scope?: ReportScope;
  /** The region's organisations, for the selector (region scope only). */
  organisations?: RegionOrganisation[];
  reports: { code: ReportCode; title: LocalText; description: LocalText; columns?: ReportColumn[] }[];
  indicators: IndicatorDefinition[];
}

/** A region cell: a count, "<5" (1–4), "x" (hidden: it would reveal a small count), text, or nothing. */
export type RegionCell = number | string | LocalText | null;

export interface RegionView {
  referenceDate: string;
  report: ReportCode;
  organisation: { id: string; name: string } | null;
  rows: Record<string, RegionCell>[];
}

export interface ReportPatient {
  patientId: string;
  displayId: string;
  name: string;
  birthDate: string;
  bsnMasked: string | null;
  practiceName: string | null;
}

interface Page<Row> {
  referenceDate: string;
  page: number;
  pageSize: number;
  total: number;
  rows: Row[];
}

export type LinkedPage = Page<ReportPatient & { links: LinkKind[]; since: string | null }>;
export type TrajectoriesPage = Page<ReportPatient & { programme: Programme; startedOn: string }> & {
  counts: { programme: Programme; patients: number }[];
};
export interface IndicatorResult extends IndicatorDefinition {
  numerator: number;
  denominator: number;
  percentage: number | null;
}
export interface IndicatorsView {
  referenceDate: string;
  indicators: IndicatorResult[];
}
export type IndicatorPatientsPage = Page<
  ReportPatient & { met: boolean; lastValue: number | null; lastMeasuredOn: string | null }
> & { indicator: IndicatorResult; filter: IndicatorFilter };

/** What the screen shows, as the address keeps it (a bookmark or reload shows the same). */
export interface ReportView {
  report: ReportCode;
  /** An indicator's patient list instead of the indicator cards. */
  indicator?: string;
  referenceDate?: string;
  programme?: Programme;
  /** The region's reports: one organisation (its id) instead of all. */
  organisation?: string;
  filter: IndicatorFilter;
  page: number;
  sort: string;
  direction: SortDirection;
}

const reportCodes: readonly ReportCode[] = ['linked-patients', 'trajectories', 'indicators'];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function reportViewFrom(params: URLSearchParams): ReportView {
  const report = params.get('rapport') as ReportCode | null;
  const page = Number(params.get('pagina'));
  const filter = params.get('selectie');
  const programme = params.get('programma') as Programme | null;
  const sort = params.get('sorteer') ?? '';
  const indicator = params.get('indicator') ?? '';
  const referenceDate = params.get('peildatum') ?? '';
  const organisation = params.get('organisatie') ?? '';
  return {
    report: report && reportCodes.includes(report) ? report : 'linked-patients',
    indicator: /^[a-z0-9-]{1,60}$/.test(indicator) ? indicator : undefined,
    referenceDate: isoDate.test(referenceDate) ? referenceDate : undefined,
    programme: programme && programmes.includes(programme) ? programme : undefined,
    organisation: /^\d{1,18}$/.test(organisation) ? organisation : undefined,
    filter: filter === 'met' || filter === 'not-met' ? filter : 'all',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    sort: /^[a-zA-Z]{1,30}$/.test(sort) ? sort : 'name',
    direction: params.get('richting') === 'desc' ? 'desc' : 'asc',
  };
}

export function reportViewParams(view: ReportView): URLSearchParams {
  const params = new URLSearchParams({ rapport: view.report });
  if (view.indicator) params.set('indicator', view.indicator);
  if (view.referenceDate) params.set('peildatum', view.referenceDate);
  if (view.programme) params.set('programma', view.programme);
  if (view.organisation) params.set('organisatie', view.organisation);
  if (view.filter !== 'all') params.set('selectie', view.filter);
  if (view.page > 1) params.set('pagina', String(view.page));
  if (view.sort !== 'name') params.set('sorteer', view.sort);
  if (view.direction === 'desc') params.set('richting', 'desc');
  return params;
}

/** The API's path and query for a view (the table); the export adds `/export/<format>` to the path. */
export function reportRequest(view: ReportView, scope: ReportScope = 'organisation'): { path: string; query: URLSearchParams } {
  const query = new URLSearchParams();
  if (view.referenceDate) query.set('referenceDate', view.referenceDate);
  if (scope === 'region') {
    if (view.organisation) query.set('organisation', view.organisation);
    return { path: `/api/werkplek/reports/region/${view.report}`, query };
  }
  const paged = () => {
    query.set('page', String(view.page));
    query.set('sort', view.sort);
    query.set('direction', view.direction);
  };
  if (view.report === 'indicators' && view.indicator) {
    paged();
    query.set('filter', view.filter);
    return { path: `/api/werkplek/reports/indicators/${encodeURIComponent(view.indicator)}/patients`, query };
  }
  if (view.report === 'indicators') return { path: '/api/werkplek/reports/indicators', query };
  paged();
  if (view.report === 'trajectories' && view.programme) query.set('programme', view.programme);
  return { path: `/api/werkplek/reports/${view.report}`, query };
}

export function reportCatalogueQuery(client: ApiClient = api) {
  return queryOptions({
    queryKey: ['werkplek', 'reports', 'catalogue'] as const,
    queryFn: ({ signal }) => client.get<ReportCatalogue>('/api/werkplek/reports', signal),
    staleTime: 5 * 60_000,
  });
}

export function reportDataQuery<T>(view: ReportView, client: ApiClient = api, scope: ReportScope = 'organisation') {
  const { path, query } = reportRequest(view, scope);
  return queryOptions({
    queryKey: ['werkplek', 'reports', path, query.toString()] as const,
    queryFn: ({ signal }) => client.get<T>(`${path}?${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** "Exporteren naar Excel" / "CSV": the same report, every row (not one page), as a file. */
export function downloadReport(
  view: ReportView,
  format: ExportFormat,
  client: ApiClient = api,
  scope: ReportScope = 'organisation',
): Promise<DownloadedFile> {
  const { path, query } = reportRequest(view, scope);
  query.delete('page');
  const search = query.toString();
  return client.download(`${path}/export/${format}${search ? `?${search}` : ''}`);
}
