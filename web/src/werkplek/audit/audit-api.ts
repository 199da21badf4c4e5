import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { type ApiClient, api, type DownloadedFile } from '../../api/client';

// The audit log views (NEN 7513; server/src/modules/audit-log/routes.ts + schemas.ts).

/** The actions the log knows (server/src/audit/audit-event.ts), for the "Actie" filter. */
export const auditActions = [
  'login',
  'login-failed',
  'logout',
  'session-expired',
  'lockout',
  'code-sent',
  'password-change',
  'password-reset',
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'print',
  'access-denied',
  'break-glass',
  'consent-change',
  'share',
] as const;

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorOrganisationName: string | null;
  patientId: string | null;
  /** A listing (a page of search results, a report): how many patients it showed; `patientId` is null unless one. */
  listedPatientCount: number | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  reason: string | null;
  ip: string | null;
}

export interface AuditPage {
  /** Platform administrators see everything; a GP practice its own accounts. */
  scope: 'platform' | 'practice';
  page: number;
  pageSize: number;
  hasMore: boolean;
  events: AuditEvent[];
}

/** The search, as the API takes it. Dates are ISO (`2025-02-01`), ids digits only. */
export interface AuditFilters {
  patientId?: string;
  accountId?: string;
  organisationId?: string;
  from?: string;
  to?: string;
  action?: string;
  page: number;
}

const filterNames = ['patientId', 'accountId', 'organisationId', 'from', 'to', 'action'] as const;

/** `?patientId=…&from=…&page=2` — the same parameters for the page, the table and the CSV export. */
export function auditSearchParams(filters: AuditFilters, { withPage = true } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (withPage) params.set('page', String(filters.page));
  return params;
}

const digits = /^\d+$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const actionWord = /^[a-z-]+$/;

/** Filters from an address (a bookmark, a reload); what does not fit is left out. */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const take = (name: string, pattern: RegExp) => {
    const value = params.get(name)?.trim();
    return value && pattern.test(value) ? value : undefined;
  };
  const page = Number(params.get('page'));
  return {
    patientId: take('patientId', digits),
    accountId: take('accountId', digits),
    organisationId: take('organisationId', digits),
    from: take('from', isoDate),
    to: take('to', isoDate),
    action: take('action', actionWord),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function fetchAuditPage(filters: AuditFilters, client: ApiClient = api, signal?: AbortSignal): Promise<AuditPage> {
  return client.get(`/api/werkplek/audit?${auditSearchParams(filters)}`, signal);
}

export function auditPageQuery(filters: AuditFilters) {
  return queryOptions({
    queryKey: ['werkplek', 'audit', filters] as const,
    queryFn: ({ signal }) => fetchAuditPage(filters, undefined, signal),
    // Paging keeps the old rows on screen until the next page is there.
    placeholderData: keepPreviousData,
  });
}

/** "Exporteer naar CSV": the same search, every page, as a file. */
export function downloadAuditCsv(filters: AuditFilters, client: ApiClient = api): Promise<DownloadedFile> {
  const query = auditSearchParams(filters, { withPage: false }).toString();
  return client.download(`/api/werkplek/audit.csv${query ? `?${query}` : ''}`);
}
