import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditEventTable, JsonObject, JsonValue } from './audit-event.js';

// The hash chain (NEN 7513: the log must be protected so that alteration or removal is detectable).
//
// What is hashed: `hash = sha256_hex(prev_hash + canonical)`, where `canonical` is a deterministic JSON
// text of every content column of the row INCLUDING its id (taken from the identity sequence before the
// insert, under the chain lock), plus a format version. Including the id binds each event to its place:
// renumbering or swapping rows is caught, not only editing them. `canonical` is stored verbatim because
// jsonb reorders keys; the verifier also recomputes it from the columns, so editing a column while
// leaving `canonical` alone is caught too.

export const GENESIS_HASH = '0'.repeat(64);

/** Bump (and keep the old serializer) if the canonical form ever changes. */
const CANONICAL_VERSION = 1;

/** The hashed columns of a row, exactly as the database returns them. */
export type AuditEventContent = Omit<Selectable<AuditEventTable>, 'canonical' | 'prev_hash' | 'hash'>;

export const CONTENT_COLUMNS = [
  'id',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_name',
  'actor_role',
  'actor_organisation_id',
  'actor_organisation_name',
  'on_behalf_of',
  'patient_id',
  'action',
  'object_type',
  'object_id',
  'outcome',
  'reason',
  'ip',
  'user_agent',
  'session_ref',
  'request_id',
  'details',
] as const satisfies readonly (keyof AuditEventContent)[];

/**
 * The canonical text: a JSON object with sorted keys (the column names, plus `v`), strings as JSON escapes
 * them, the time as ISO-8601 UTC with milliseconds, ids as decimal strings, absent values as null.
 */
export function canonicalize(content: AuditEventContent): string {
  const fields: JsonObject = { v: CANONICAL_VERSION };
  for (const column of CONTENT_COLUMNS) {
    const value: unknown = content[column];
    if (value instanceof Date) fields[column] = value.toISOString();
    // bigint columns as decimal text even if a driver was left to parse int8 as a number.
    else if (typeof value === 'number' || typeof value === 'bigint') fields[column] = String(value);
    else fields[column] = value as JsonValue;
  }
  return stableStringify(fields);
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonical, 'utf8').digest('hex');
}

/** JSON with object keys sorted (by UTF-16 code unit, like Array#sort) at every depth. */
export function stableStringify(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key] as JsonValue)}`).join(',')}}`;
}

// PostgreSQL text and jsonb cannot hold NUL, and the drivers turn lone UTF-16 surrogates into U+FFFD on
// the way in. Doing both ourselves before hashing keeps what was hashed identical to what is stored.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replaceAll(String.fromCharCode(0), '\uFFFD');
}

/**
 * The details as jsonb will give them back: a JSON round trip (drops undefined, turns Dates into strings,
 * non-finite numbers into null) with storable strings and keys.
 */
export function storableDetails(details: JsonObject): JsonObject {
  return storableJson(JSON.parse(JSON.stringify(details))) as JsonObject;
}

function storableJson(value: JsonValue): JsonValue {
  if (typeof value === 'string') return storableText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(storableJson);
  // fromEntries defines own properties, so even a key named __proto__ stays data.
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [storableText(key), storableJson(inner)]));
}
