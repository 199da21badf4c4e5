import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { type ApiClient, api } from '../../../api/client';
import type { ReferralDetail } from '../../referrals/referrals-api';

// Historie, Monitoring and Dagcurves (docs/clinical-record.md §2; server/src/modules/clinical-record/routes.ts;
// seed 001 §5.3–5.5, §6.3). The server leaves out whatever the viewer's role may not read.

/** A text in both languages, as the server sends it. */
export interface LocalText {
  nl: string;
  en: string;
}

export function localText(text: LocalText | string | null | undefined, language: string): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return language.startsWith('en') ? text.en || text.nl : text.nl;
}

const base = (patientId: string) => `/api/werkplek/patients/${encodeURIComponent(patientId)}`;
const recordKey = (patientId: string) => ['werkplek', 'patients', 'record', patientId] as const;

// --- Historie ---

export interface HistoryEntry {
  id: string;
  kind: 'form' | 'legacy-journal';
  formKey: string;
  title: LocalText;
  version: number;
  /** ISO timestamp. */
  publishedAt: string;
  /** Legacy journal lines may lack a Keten account, role or organisation. */
  author: { accountId: string | null; name: string; role: string | null; roleName: LocalText | null };
  organisationName: string | null;
  canEdit: boolean;
}

export interface HistoryFilterOptions {
  tasks: { formKey: string; title: LocalText }[];
  authors: { accountId: string; name: string; role: string }[];
  roles: { code: string; name: LocalText }[];
}

export interface HistoryPage {
  entries: HistoryEntry[];
  total: number;
  page: number;
  pageSize: number;
  filters: HistoryFilterOptions;
}

/** The filters as the API takes them: dates as dd-mm-jjjj (the contract's format). */
export interface HistoryFilters {
  from: string;
  to: string;
  formKey?: string;
  authorAccountId?: string;
  role?: string;
  page?: number;
}

export function historyParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.formKey) params.set('formKey', filters.formKey);
  if (filters.authorAccountId) params.set('authorAccountId', filters.authorAccountId);
  if (filters.role) params.set('role', filters.role);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export const historyKey = (patientId: string) => [...recordKey(patientId), 'history'] as const;

export function historyQuery(patientId: string, filters: HistoryFilters, client: ApiClient = api) {
  return queryOptions({
    queryKey: [...historyKey(patientId), 'list', filters] as const,
    queryFn: ({ signal }): Promise<HistoryPage> => client.get(`${base(patientId)}/history?${historyParams(filters)}`, signal),
    // Paging and filtering keep the old rows on screen until the new ones are there.
    placeholderData: keepPreviousData,
  });
}

export interface EntryVersion {
  version: number;
  publishedAt: string;
  authorName: string;
}

export interface HistoryEntryDetail {
  entry: HistoryEntry;
  /** Form entries: the questionnaire of the version shown, and its answers. */
  questionnaire?: Questionnaire;
  response?: QuestionnaireResponse;
  /** Legacy journal entries (Medix 3): the text instead of a form. */
  text?: string;
  versions: EntryVersion[];
  /** A "Verwijzing …" entry: what it sent (issue 7). */
  referral?: ReferralDetail | null;
}

export function historyEntryQuery(patientId: string, entryId: string, version: number | undefined, client: ApiClient = api) {
  return queryOptions({
    queryKey: [...historyKey(patientId), 'entry', entryId, version ?? 'current'] as const,
    queryFn: ({ signal }): Promise<HistoryEntryDetail> =>
      client.get(`${base(patientId)}/history/${encodeURIComponent(entryId)}${version ? `?version=${version}` : ''}`, signal),
    // Another version of the same entry: the one on screen stays until the next is there.
    placeholderData: keepPreviousData,
  });
}

// --- Monitoring ---

/** Numbers may arrive as numbers or as exact decimal strings (PostgreSQL numeric). */
export type Decimal = number | string;

export interface MonitoringMeasure {
  code: string;
  name: LocalText;
  unit: string;
  normalLow: Decimal | null;
  normalHigh: Decimal | null;
  rangeNote: LocalText | null;
  count: number;
  latest: { value: Decimal; measuredAt: string } | null;
}

export interface MeasurePoint {
  measuredAt: string;
  value: Decimal;
  source: string;
  entryId: string | null;
}

export interface MeasureSeries {
  code: string;
  points: MeasurePoint[];
}

export const monitoringKey = (patientId: string) => [...recordKey(patientId), 'monitoring'] as const;

export function monitoringQuery(patientId: string, client: ApiClient = api) {
  return queryOptions({
    queryKey: monitoringKey(patientId),
    queryFn: ({ signal }): Promise<{ measures: MonitoringMeasure[] }> => client.get(`${base(patientId)}/monitoring`, signal),
  });
}

export function seriesQuery(patientId: string, codes: readonly string[], client: ApiClient = api) {
  const sorted = [...codes].sort();
  return queryOptions({
    queryKey: [...monitoringKey(patientId), 'series', sorted] as const,
    queryFn: ({ signal }): Promise<{ series: MeasureSeries[] }> =>
      client.get(`${base(patientId)}/monitoring/series?${new URLSearchParams({ codes: sorted.join(',') })}`, signal),
    enabled: sorted.length > 0,
    placeholderData: keepPreviousData,
  });
}

// --- Dagcurves ---

export interface DayCurvePoint {
  /** Stable moment code: 'fasting', 'after-breakfast', … */
  moment: string;
  label: LocalText;
  /** `HH:mm` when recorded. */
  time: string | null;
  value: Decimal | null;
}

export interface DayCurve {
  entryId: string;
  /** ISO date (or timestamp) of the curve. */
  date: string;
  points: DayCurvePoint[];
}

export function dayCurvesQuery(patientId: string, client: ApiClient = api) {
  return queryOptions({
    queryKey: [...recordKey(patientId), 'day-curves'] as const,
    queryFn: ({ signal }): Promise<{ curves: DayCurve[] }> => client.get(`${base(patientId)}/day-curves`, signal),
  });
}

// --- Numbers as Dutch care staff read them ---

/** `53.5` → `53,5` in Dutch (exact: the server's decimal string is kept, only the separator changes). */
export function formatDecimal(value: Decimal | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'number' ? String(value) : value.trim();
  return language.startsWith('en') ? text : text.replace('.', ',');
}

export function toNumber(value: Decimal | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** A number for a chart axis or tooltip: `7.25` → `7,25` in Dutch; no thousands separator (lab values). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(value);
}
