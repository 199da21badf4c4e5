import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditAction, AuditEventRecord, AuditEventTable, AuditOutcome, AuditTables } from './audit-event.js';

// Searching and exporting the log for the audit views: the patient's "who looked at my record" and the
// privacy officer's supervision by user or organisation (NEN 7513: logs must be usable for control).
// Access to these views is itself a policy decision and an audited action; that belongs to the caller.

export interface AuditSearch {
  /**
   * The patient's events: those with this `patient_id`, and the listings that showed the patient among others
   * (a page of search results, a report): `patient_id` null, the shown ids in `details.patientIds`.
   */
  patientId?: string;
  actorId?: string;
  organisationId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  action?: AuditAction | readonly AuditAction[];
  outcome?: AuditOutcome;
  /** 1..10,000. */
  limit: number;
  offset?: number;
}

export interface AuditSearchResult {
  /** Newest first. */
  events: AuditEventRecord[];
  /** Whether a next page exists (cheaper than counting millions of rows). */
  hasMore: boolean;
}

const MAX_LIMIT = 10_000;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

export async function searchAuditEvents(database: Kysely<Database>, search: AuditSearch): Promise<AuditSearchResult> {
  if (!Number.isInteger(search.limit) || search.limit < 1 || search.limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  const offset = search.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError('offset must be a non-negative integer');

  const db = database.withTables<AuditTables>();
  let query = db.selectFrom('audit_event').selectAll();
  if (search.patientId !== undefined) {
    const patientId = decimalId(search.patientId);
    // Containment of a one-element array, so the GIN index on (details -> 'patientIds') is used (migration
    // 0015). The ids are stored as decimal strings: "7" never matches "77".
    query = query.where((eb) =>
      eb.or([eb('patient_id', '=', patientId), sql<boolean>`details -> 'patientIds' @> jsonb_build_array(${patientId}::text)`]),
    );
  }
  if (search.actorId !== undefined) query = query.where('actor_id', '=', search.actorId);
  if (search.organisationId !== undefined) query = query.where('actor_organisation_id', '=', search.organisationId);
  if (search.from) query = query.where('occurred_at', '>=', search.from);
  if (search.to) query = query.where('occurred_at', '<', search.to);
  if (search.outcome) query = query.where('outcome', '=', search.outcome);
  if (search.action !== undefined) {
    const actions: readonly string[] = typeof search.action === 'string' ? [search.action] : search.action;
    if (actions.length === 0) return { events: [], hasMore: false };
    query = query.where('action', 'in', actions);
  }
  const rows = await query
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(search.limit + 1)
    .offset(offset)
    .execute();
  return { events: rows.slice(0, search.limit).map(toRecord), hasMore: rows.length > search.limit };
}

/** The id as the log stores it (no leading zeros), so "007" finds patient 7 in a listing too. */
function decimalId(value: string): string {
  const id = /^\d{1,19}$/.test(value) ? BigInt(value) : -1n;
  if (id < 0n || id > MAX_BIGINT) throw new RangeError('patientId must be a decimal id');
  return id.toString();
}

/**
 * How many patients a listing event showed (`details.patientIds`: a page of search results, a report), or
 * null for an event that is not a listing. Such an event has `patientId` null unless it showed one patient.
 */
export function listedPatientCount(event: Pick<AuditEventRecord, 'details'>): number | null {
  const ids = event.details?.patientIds;
  return Array.isArray(ids) ? ids.length : null;
}

export function toRecord(row: Selectable<AuditEventTable>): AuditEventRecord {
  return {
    // String(): ids as text whatever the driver's int8 parsing.
    id: String(row.id),
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    actorOrganisationId: row.actor_organisation_id,
    actorOrganisationName: row.actor_organisation_name,
    onBehalfOf: row.on_behalf_of,
    patientId: row.patient_id === null ? null : String(row.patient_id),
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome,
    reason: row.reason,
    ip: row.ip,
    userAgent: row.user_agent,
    sessionRef: row.session_ref,
    requestId: row.request_id,
    details: row.details,
  };
}

type CsvColumn = { nl: string; en: string; value: (event: AuditEventRecord) => string | null };

const CSV_COLUMNS: readonly CsvColumn[] = [
  { nl: 'Nummer', en: 'Number', value: (e) => e.id },
  { nl: 'Tijdstip', en: 'Time', value: (e) => formatLocal(e.occurredAt) },
  { nl: 'Tijdstip (UTC)', en: 'Time (UTC)', value: (e) => e.occurredAt.toISOString() },
  { nl: 'Soort gebruiker', en: 'Actor type', value: (e) => e.actorType },
  { nl: 'Gebruiker-id', en: 'Actor id', value: (e) => e.actorId },
  { nl: 'Gebruiker', en: 'Actor', value: (e) => e.actorName },
  { nl: 'Rol', en: 'Role', value: (e) => e.actorRole },
  { nl: 'Organisatie-id', en: 'Organisation id', value: (e) => e.actorOrganisationId },
  { nl: 'Organisatie', en: 'Organisation', value: (e) => e.actorOrganisationName },
  { nl: 'Namens', en: 'On behalf of', value: (e) => e.onBehalfOf },
  { nl: 'Patiënt-id', en: 'Patient id', value: (e) => e.patientId },
  { nl: 'Actie', en: 'Action', value: (e) => e.action },
  { nl: 'Objectsoort', en: 'Object type', value: (e) => e.objectType },
  { nl: 'Object-id', en: 'Object id', value: (e) => e.objectId },
  { nl: 'Uitkomst', en: 'Outcome', value: (e) => e.outcome },
  { nl: 'Grondslag', en: 'Reason', value: (e) => e.reason },
  { nl: 'IP-adres', en: 'IP address', value: (e) => e.ip },
  { nl: 'Browser', en: 'User agent', value: (e) => e.userAgent },
  { nl: 'Sessie', en: 'Session', value: (e) => e.sessionRef },
  { nl: 'Verzoek-id', en: 'Request id', value: (e) => e.requestId },
  { nl: 'Details', en: 'Details', value: (e) => (e.details ? JSON.stringify(e.details) : null) },
];

/**
 * CSV for Excel as used in the Netherlands: RFC 4180 quoting and CRLF line ends, but `;` as the separator
 * (Dutch Excel expects it, because `,` is the decimal comma) and a UTF-8 byte-order mark so Excel reads
 * the accents right. Times in Europe/Amsterdam (dd-mm-jjjj HH:mm:ss) plus UTC. Cells that start with
 * = + - @ get a leading apostrophe so Excel never runs a user agent or name as a formula (CSV injection).
 */
export function auditEventsToCsv(events: readonly AuditEventRecord[], options: { language?: 'nl' | 'en' } = {}): string {
  const language = options.language ?? 'nl';
  const lines = [CSV_COLUMNS.map((column) => csvCell(column[language]))];
  for (const event of events) lines.push(CSV_COLUMNS.map((column) => csvCell(column.value(event))));
  return `\uFEFF${lines.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
}

function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function formatLocal(moment: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}
