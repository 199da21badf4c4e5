import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditActorType, AuditEventInput, AuditOutcome, AuditTables, JsonObject } from './audit-event.js';
import {
  type AuditEventContent,
  CONTENT_COLUMNS,
  canonicalize,
  chainHash,
  GENESIS_HASH,
  storableDetails,
  storableText,
} from './canonical.js';

export interface RecordAuditOptions {
  /** The clock; tests (and session tests later) move time through it. */
  now?: () => Date;
}

export interface RecordedAuditEvent {
  id: string;
  occurredAt: Date;
  hash: string;
}

export class AuditInputError extends Error {}

/**
 * Key of the transaction-scoped advisory lock that serializes appends to the chain, so two transactions
 * never both extend the same last event. Any bigint unique within Keten; the digits name the norm.
 */
export const AUDIT_CHAIN_LOCK_KEY = 7_513_000_001;

// Long free text (a user agent, a name) is cut here: the log records facts, not payloads.
const MAX_TEXT_LENGTH = 1000;
const ACTOR_TYPES: readonly AuditActorType[] = ['provider', 'patient', 'proxy', 'external', 'system'];
const OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'failure'];
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** Records one event in the caller's transaction; see `recordAuditEvents`. */
export async function recordAuditEvent(
  trx: Transaction<Database>,
  event: AuditEventInput,
  options: RecordAuditOptions = {},
): Promise<RecordedAuditEvent> {
  const [recorded] = await recordAuditEvents(trx, [event], options);
  if (!recorded) throw new Error('recordAuditEvents returned nothing for one event');
  return recorded;
}

/**
 * Appends events to the audit log inside the caller's transaction: the change and its audit commit or roll
 * back together (NEN 7513: no logged action without its log record). If the append fails, the error
 * propagates and the caller's transaction fails with it.
 *
 * Appends hold a transaction-scoped advisory lock until the caller commits, so appends are serialized
 * across all connections and app instances. Keep audited transactions short. Run them at READ COMMITTED
 * (the default): under REPEATABLE READ the last event may be read from an older snapshot; the unique
 * `prev_hash` then rejects the fork and the transaction fails instead of forking the chain.
 */
export async function recordAuditEvents(
  trx: Transaction<Database>,
  events: readonly AuditEventInput[],
  options: RecordAuditOptions = {},
): Promise<RecordedAuditEvent[]> {
  if (!trx.isTransaction) {
    // Outside a transaction the advisory lock would end with its own statement and the chain could fork.
    throw new Error('recordAuditEvents must run inside the transaction of the change it logs');
  }
  if (events.length === 0) return [];
  const now = options.now ?? (() => new Date());
  // Validate everything before taking the lock, so a bad event never holds up other writers.
  const contents = events.map((event) => toContent(event, now()));

  const db = trx.withTables<AuditTables>();
  await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK_KEY)})`.execute(db);
  // A separate statement after the lock: at READ COMMITTED it sees the event the previous holder committed.
  // The ids are drawn under the lock, so id order is chain order.
  const { rows } = await sql<{ id: string; last_hash: string | null }>`
    select nextval(pg_get_serial_sequence('audit_event', 'id'))::text as id,
      (select hash from audit_event order by id desc limit 1) as last_hash
    from generate_series(1, ${contents.length}::int)`.execute(db);
  const ids = rows.map((row) => BigInt(row.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  let prevHash = rows[0]?.last_hash ?? GENESIS_HASH;
  const stored = contents.map((content, index) => {
    const full: AuditEventContent = { ...content, id: String(ids[index]) };
    const canonical = canonicalize(full);
    const hash = chainHash(prevHash, canonical);
    const row = { full, canonical, prevHash, hash };
    prevHash = hash;
    return row;
  });

  // Raw SQL because the id is supplied (OVERRIDING SYSTEM VALUE). The rows travel as one JSON parameter that
  // the database expands: a multi-row VALUES with a parameter per cell (23 per event) costs more to send and
  // parse than the insert itself, on PGlite several times more. Every value is a string, null or the details
  // object, and storable (toContent), so the JSON round trip gives back exactly what was hashed.
  const inserted = stored.map(({ full, canonical, prevHash: prev, hash }) => ({
    ...Object.fromEntries(CONTENT_COLUMNS.map((column) => [column, jsonValue(full, column)])),
    canonical,
    prev_hash: prev,
    hash,
  }));
  await sql`
    insert into audit_event (${sql.join(STORED_COLUMNS.map((column) => sql.ref(column)))})
    overriding system value
    select ${sql.join(STORED_COLUMNS.map((column) => sql.ref(`event.${column}`)))}
      from json_to_recordset(${JSON.stringify(inserted)}::json)
        as event (${sql.join(STORED_COLUMNS.map((column) => sql`${sql.ref(column)} ${sql.raw(columnType(column))}`))})`.execute(
    db,
  );

  return stored.map(({ full, hash }) => ({ id: full.id, occurredAt: full.occurred_at, hash }));
}

const STORED_COLUMNS = [...CONTENT_COLUMNS, 'canonical', 'prev_hash', 'hash'] as const;

function columnType(column: (typeof STORED_COLUMNS)[number]): string {
  switch (column) {
    case 'id':
    case 'patient_id':
      return 'bigint';
    case 'occurred_at':
      return 'timestamptz';
    case 'details':
      return 'jsonb';
    default:
      return 'text';
  }
}

function jsonValue(content: AuditEventContent, column: (typeof CONTENT_COLUMNS)[number]) {
  return column === 'occurred_at' ? content.occurred_at.toISOString() : content[column];
}

function toContent(event: AuditEventInput, occurredAt: Date): Omit<AuditEventContent, 'id'> {
  if (!(occurredAt instanceof Date) || Number.isNaN(occurredAt.getTime())) {
    throw new AuditInputError('The audit clock returned an invalid time');
  }
  if (!ACTOR_TYPES.includes(event.actor.type)) throw new AuditInputError(`Unknown audit actor type: ${event.actor.type}`);
  if (!OUTCOMES.includes(event.outcome)) throw new AuditInputError(`Unknown audit outcome: ${event.outcome}`);
  if (!/^[a-z][a-z0-9-]*$/.test(event.action)) throw new AuditInputError(`Invalid audit action: ${event.action}`);
  if (event.details != null && (typeof event.details !== 'object' || Array.isArray(event.details))) {
    throw new AuditInputError('Audit details must be a JSON object');
  }
  return {
    // A copy: the caller may reuse its Date. timestamptz keeps microseconds, a Date milliseconds: no loss.
    occurred_at: new Date(occurredAt.getTime()),
    actor_type: event.actor.type,
    actor_id: text(event.actor.id),
    actor_name: text(event.actor.name),
    actor_role: text(event.actor.role),
    actor_organisation_id: text(event.actor.organisationId),
    actor_organisation_name: text(event.actor.organisationName),
    on_behalf_of: text(event.onBehalfOf),
    patient_id: patientId(event.patientId),
    action: event.action,
    object_type: text(event.objectType),
    object_id: text(event.objectId),
    outcome: event.outcome,
    reason: text(event.reason),
    ip: text(event.ip),
    user_agent: text(event.userAgent),
    session_ref: text(event.sessionRef),
    request_id: text(event.requestId),
    details: event.details == null ? null : storableDetails(event.details as JsonObject),
  };
}

function text(value: string | null | undefined): string | null {
  if (value == null) return null;
  return storableText(String(value).slice(0, MAX_TEXT_LENGTH));
}

/** The id exactly as bigint comes back from the database ("042" would be stored as 42 and break the hash). */
function patientId(value: string | number | null | undefined): string | null {
  if (value == null) return null;
  const digits = String(value);
  if (!/^[1-9][0-9]{0,18}$/.test(digits) || BigInt(digits) > MAX_BIGINT) {
    throw new AuditInputError(`Invalid patient id for the audit log: ${digits}`);
  }
  return digits;
}
