import type { ColumnType } from 'kysely';

// The shape of one NEN 7513 audit event. NEN 7513 asks each logged event to identify the patient (client),
// the user (identity, role, organisation), the action, the object, the moment and the source (device/network),
// and the ground the access rested on. The columns map one-to-one.

export type AuditActorType = 'provider' | 'patient' | 'proxy' | 'external' | 'system';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/**
 * The actions Keten logs. The column accepts any lower-case kebab-case word, so a new action needs no
 * migration; list it here first so it is one deliberate choice.
 */
export type AuditAction =
  | 'read'
  | 'search'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'print'
  | 'login'
  | 'login-failed'
  | 'logout'
  | 'session-expired'
  | 'lockout'
  | 'password-change'
  | 'password-reset'
  | 'code-sent'
  | 'access-denied'
  | 'break-glass'
  | 'consent-change'
  | 'share';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface AuditActor {
  type: AuditActorType;
  /** Account id, patient id, portal user id, UZI number or system job name; null when unknown (failed login). */
  id: string | null;
  name?: string | null;
  /** Role code of a provider account (e.g. `huisarts`), `parent` for a proxy… */
  role?: string | null;
  /** Keten organisation id, or the external provider's URA/AGB as text. */
  organisationId?: string | null;
  organisationName?: string | null;
}

/** What a caller tells the log; the id, time and hashes are added when it is recorded. */
export interface AuditEventInput {
  actor: AuditActor;
  /** Whom the actor acts for, e.g. `patient:42` when a parent uses a child's portal. */
  onBehalfOf?: string | null;
  /** Keten patient id (bigint) whose data this is about; null for events not about one patient. */
  patientId?: string | number | null;
  action: AuditAction;
  objectType?: string | null;
  objectId?: string | null;
  outcome: AuditOutcome;
  /** The access decision's reason, e.g. `treatment-relationship`, `excluded-by-patient`. */
  reason?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** A non-secret reference to the session (its id or a hash), never the session token itself. */
  sessionRef?: string | null;
  requestId?: string | null;
  /** Extra structured facts (ids, counts, filters). Never patient content beyond ids (data minimisation: the log must not become a second record). */
  details?: JsonObject | null;
}

/** A stored event as the audit views and the verifier see it. */
export interface AuditEventRecord {
  id: string;
  occurredAt: Date;
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorOrganisationId: string | null;
  actorOrganisationName: string | null;
  onBehalfOf: string | null;
  patientId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  sessionRef: string | null;
  requestId: string | null;
  details: JsonObject | null;
}

/**
 * Kysely row type of `audit_event` (migration 0004). Rows are never updated: every column is `never` on update.
 * Only `recordAuditEvents` inserts (with raw SQL, because it supplies the id), so insert types are loose.
 */
export interface AuditEventTable {
  id: ColumnType<string, string, never>;
  occurred_at: ColumnType<Date, Date, never>;
  actor_type: ColumnType<AuditActorType, AuditActorType, never>;
  actor_id: ColumnType<string | null, string | null, never>;
  actor_name: ColumnType<string | null, string | null, never>;
  actor_role: ColumnType<string | null, string | null, never>;
  actor_organisation_id: ColumnType<string | null, string | null, never>;
  actor_organisation_name: ColumnType<string | null, string | null, never>;
  on_behalf_of: ColumnType<string | null, string | null, never>;
  patient_id: ColumnType<string | null, string | null, never>;
  action: ColumnType<string, string, never>;
  object_type: ColumnType<string | null, string | null, never>;
  object_id: ColumnType<string | null, string | null, never>;
  outcome: ColumnType<AuditOutcome, AuditOutcome, never>;
  reason: ColumnType<string | null, string | null, never>;
  ip: ColumnType<string | null, string | null, never>;
  user_agent: ColumnType<string | null, string | null, never>;
  session_ref: ColumnType<string | null, string | null, never>;
  request_id: ColumnType<string | null, string | null, never>;
  details: ColumnType<JsonObject | null, string | null, never>;
  canonical: ColumnType<string, string, never>;
  prev_hash: ColumnType<string, string, never>;
  hash: ColumnType<string, string, never>;
}

/** For `db.withTables<AuditTables>()` until (and harmlessly after) `audit_event` is in the app's Database type. */
export type AuditTables = {
  audit_event: AuditEventTable;
};
