import type { Actor, ExternalActor, PatientActor, ProviderActor } from './context.js';
import { allow, type Decision, deny, releasePendingUntil } from './decision.js';
import {
  type AccessFacts,
  type AccessGround,
  type GranteeType,
  type GroundKind,
  granteesOf,
  groundKindsByActor,
  groundTiming,
  type RecordTypeCode,
  type Right,
  type RoleRights,
  recordTypes,
  writableGroundKinds,
} from './facts.js';
import { mayUse, type WerkplekFunction } from './role-functions.js';
import { canSearch, type SearchCriterion } from './search-policy.js';

/**
 * THE access policy (product.md §6 "Access"; docs/architecture.md "Access model"): one pure function decides,
 * with a reason, whether an actor may do something. No I/O: `loadAccessFacts` (repository.ts) loads what it
 * needs, and `patientAccessCondition` is the same rules as SQL for lists and searches.
 *
 * Precedence, first match wins:
 *  1. the system actor is allowed (`system`); its callers audit what it does;
 *  2. a generic (not personal) account never reaches patient data (`not-personal-account`): NEN 7513 needs the
 *     natural person behind every read, and the HIS launch already refuses such accounts (seed 000; product
 *     §1 "Accounts"). They may still use functions without patient data (messages, helpdesk);
 *  3. an exclusion by the patient always wins (`excluded-by-patient`) — over every ground, break-glass too
 *     (seed 003 "uitsluitingen");
 *  4. the right of the role for the record type (`no-role-right`; seed 001 §5.4 "Alleen activiteiten waar je
 *     toegang tot hebt");
 *  5. a ground for this patient: the patient's own record, then the current grounds in the order of
 *     `groundPrecedence`; without one `ground-expired`, `ground-not-yet-valid` or `no-relationship`; writing
 *     needs a ground that allows writing (`read-only-ground`);
 *  6. rules of the entry itself: memos are private (`private-memo`, seed 001 §5.7); only the author's
 *     organisation edits an entry (`not-own-entry`, seed 001 §6.3); the patient portal shows an entry only when
 *     released (`not-released`, `release-pending-until:<ISO time>`; seed 002, seed 003, product §4).
 */

export type Action = 'read' | 'write' | 'start' | 'search' | 'establish-relationship' | 'break-glass';

/** Open the record card (Infopaneel), confirm a treatment relationship, or invoke break-glass. */
export interface PatientTarget {
  kind: 'patient';
  patientId: string;
}

/** One entry of the record (Historie, Monitoring, documents, memos, Personalia), or a new one ('start'). */
export interface RecordEntryTarget {
  kind: 'record-entry';
  patientId: string;
  recordType: RecordTypeCode;
  /** The author of an existing entry; absent for a new one. */
  authorAccountId?: string | null;
  /** The organisation an existing entry belongs to. */
  organisationId?: string | null;
  /** Memos only: for the author alone (default) or for the whole organisation (seed 001 §5.7). */
  audience?: 'author' | 'organisation';
  /**
   * Release rules — the extension point for product §4/§6: the caller computes, from the organisation's
   * release settings (e.g. lab 24 h, reports 72 h, pathology 30 days), when this entry becomes visible in the
   * patient portal. Only portal users are held to it.
   */
  releaseAt?: Date | null;
  /** Never shown in the portal: "zichtbaar voor patiënt" unticked or a work note (seed 002). */
  hiddenFromPatient?: boolean;
}

/** May this actor see (`read`) or start (`start`) this type of registration at all — Activiteiten, filters, menus. */
export interface RecordTypeTarget {
  kind: 'record-type';
  recordType: RecordTypeCode;
}

export type AdminArea = 'role-rights' | 'audit' | 'break-glass-review';

export interface AdminTarget {
  kind: 'admin';
  area: AdminArea;
  /** The organisation whose data is administered; absent = the area as such (is the menu item shown). */
  organisationId?: string | null;
}

export interface PatientSearchTarget {
  kind: 'patient-search';
  criteria: readonly SearchCriterion[];
}

export type Target = PatientTarget | RecordEntryTarget | RecordTypeTarget | AdminTarget | PatientSearchTarget;

const noRight: Right = { read: false, write: false };

/**
 * An outside provider in the Verwijzersportaal reads general data and what the hospital wrote: reports,
 * letters, medication, lab and imaging (seed 004 "Per patient"). Read only. Fixed by the product, not a role.
 */
export const externalProviderRights: RoleRights = {
  [recordTypes.personalia]: { read: true, write: false },
  [recordTypes.hospital]: { read: true, write: false },
};

/**
 * Portal users read their whole record under the release rules, except memos and work notes, which are never
 * shown to the patient (seed 001 §5.7, seed 002); they write only what they enter themselves (diary,
 * home measurements, questionnaires — seed 003, product §8).
 */
export function portalUserRight(recordType: RecordTypeCode): Right {
  if (recordType === recordTypes.memo) return noRight;
  return { read: true, write: recordType === recordTypes.patientEntered };
}

/**
 * Who administers what, on top of the Werkplek functions of role-functions.ts (one source for menus and
 * admin rights): a function for the whole platform, or one for the own organisation only. Audit items of a
 * GP practice are in its own dashboard (seed 001 §3.1.1); break-glass use is reviewed where audit is — by the
 * practice or the platform (product §6); the matrix is the platform administrator's.
 */
export const adminAreaFunctions: Readonly<
  Record<AdminArea, { platform: WerkplekFunction | null; organisation: WerkplekFunction | null }>
> = {
  'role-rights': { platform: 'role-rights', organisation: null },
  audit: { platform: 'audit-platform', organisation: 'audit-practice' },
  'break-glass-review': { platform: 'audit-platform', organisation: 'audit-practice' },
};

/**
 * When several grounds apply, the reason logged is the most ordinary one: an explicit treatment relationship
 * first, break-glass last (it is only reported when nothing else applies). Within a kind the most specific
 * grantee wins (the account before its organisation).
 */
export const groundPrecedence: readonly GroundKind[] = [
  'treatment-relationship',
  'enrolment',
  'referral',
  'consent',
  'proxy-parent',
  'proxy-third-party',
  'share-code',
  'break-glass',
];
const granteePrecedence: readonly GranteeType[] = ['account', 'uzi', 'portal-user', 'organisation'];

/** Record types that are not clinical content: having only these rights gives no reason for break-glass. */
const nonClinicalRecordTypes: ReadonlySet<RecordTypeCode> = new Set([recordTypes.personalia, recordTypes.memo]);

type PersonActor = ProviderActor | PatientActor | ExternalActor;

export function can(actor: Actor, action: Action, target: Target, facts: AccessFacts): Decision {
  // Background jobs act as one named system actor; every caller writes the audit event (architecture.md).
  if (actor.kind === 'system') return allow('system');
  switch (target.kind) {
    case 'patient':
      return decidePatient(actor, action, target, facts);
    case 'record-entry':
      return decideEntry(actor, action, target, facts);
    case 'record-type':
      return decideRecordType(actor, action, target, facts);
    case 'admin':
      return decideAdmin(actor, action, target);
    case 'patient-search':
      return action === 'search' ? canSearch(actor, facts.roleRights, target.criteria) : deny('unsupported-action');
  }
}

/** The right of this actor for a record type: the matrix for Werkplek roles, fixed rights for the others. */
export function rightOf(actor: PersonActor, roleRights: RoleRights, recordType: RecordTypeCode): Right {
  switch (actor.kind) {
    case 'provider':
      return roleRights[recordType] ?? noRight;
    case 'external':
      return externalProviderRights[recordType] ?? noRight;
    case 'patient':
      return portalUserRight(recordType);
  }
}

function decidePatient(actor: PersonActor, action: Action, target: PatientTarget, facts: AccessFacts): Decision {
  if (action === 'read') {
    // Opening the card shows the Infopaneel, i.e. personalia (seed 001 §5.1).
    const decision = decidePatientData(actor, target.patientId, recordTypes.personalia, false, facts);
    if (decision.allow && actor.kind === 'provider' && needsConfirmation(decision.reason, decision.groundRef, facts)) {
      return { ...decision, obligations: ['confirm-treatment-relationship'] };
    }
    return decision;
  }
  if (action === 'establish-relationship' || action === 'break-glass') {
    // Confirming a treatment relationship after finding a patient by BSN and birth date ("naar jezelf verwijzen",
    // seed 001 §7.4; "overschrijven" §7.1) and break-glass (product §6) create a ground; they need no ground
    // before, but a personal account, a role that works with patient records, and no exclusion.
    if (actor.kind !== 'provider') return deny('no-role-right');
    if (!actor.personal) return deny('not-personal-account');
    if (isExcluded(actor, target.patientId, facts)) return deny('excluded-by-patient');
    const entitled =
      action === 'establish-relationship'
        ? rightOf(actor, facts.roleRights, recordTypes.personalia).read
        : hasClinicalRead(facts.roleRights);
    return entitled ? allow('role-right') : deny('no-role-right');
  }
  return deny('unsupported-action');
}

function decideEntry(actor: PersonActor, action: Action, target: RecordEntryTarget, facts: AccessFacts): Decision {
  if (action !== 'read' && action !== 'write' && action !== 'start') return deny('unsupported-action');
  const writing = action !== 'read';
  const decision = decidePatientData(actor, target.patientId, target.recordType, writing, facts);
  if (!decision.allow) return decision;
  const entryDenial = entryRule(actor, action, target, facts.now);
  return entryDenial ?? decision;
}

function decideRecordType(actor: PersonActor, action: Action, target: RecordTypeTarget, facts: AccessFacts): Decision {
  if (action !== 'read' && action !== 'start' && action !== 'write') return deny('unsupported-action');
  if (actor.kind === 'provider' && !actor.personal) return deny('not-personal-account');
  const right = rightOf(actor, facts.roleRights, target.recordType);
  return (action === 'read' ? right.read : right.write) ? allow('role-right') : deny('no-role-right');
}

function decideAdmin(actor: PersonActor, action: Action, target: AdminTarget): Decision {
  if (action !== 'read' && action !== 'write') return deny('unsupported-action');
  if (actor.kind !== 'provider') return deny('no-role-right');
  // Administration is attributable to a person, like patient data.
  if (!actor.personal) return deny('not-personal-account');
  const functions = adminAreaFunctions[target.area];
  if (functions.platform && mayUse(actor.role, actor.organisationType, functions.platform)) return allow('role-right');
  if (!functions.organisation || !mayUse(actor.role, actor.organisationType, functions.organisation)) {
    return deny('no-role-right');
  }
  const own = target.organisationId == null || target.organisationId === actor.organisationId;
  return own ? allow('role-right') : deny('other-organisation');
}

/** Steps 2–5 of the precedence, for any patient data. */
function decidePatientData(
  actor: PersonActor,
  patientId: string,
  recordType: RecordTypeCode,
  writing: boolean,
  facts: AccessFacts,
): Decision {
  if (actor.kind === 'provider' && !actor.personal) return deny('not-personal-account');
  if (isExcluded(actor, patientId, facts)) return deny('excluded-by-patient');
  const right = rightOf(actor, facts.roleRights, recordType);
  if (!(writing ? right.write : right.read)) return deny('no-role-right');
  if (actor.kind === 'patient' && actor.ownPatientId === patientId) return allow('own-record');
  return decideByGround(actor, patientId, writing, facts);
}

function decideByGround(actor: PersonActor, patientId: string, writing: boolean, facts: AccessFacts): Decision {
  const mine = groundsOf(actor, patientId, facts);
  const current = mine.filter((ground) => groundTiming(ground, facts.now) === 'current');
  if (current.length === 0) {
    if (mine.some((ground) => groundTiming(ground, facts.now) === 'expired')) return deny('ground-expired');
    if (mine.length > 0) return deny('ground-not-yet-valid');
    return deny('no-relationship');
  }
  const usable = writing ? current.filter((ground) => writableGroundKinds.has(ground.kind)) : current;
  const best = [...usable].sort(compareGrounds)[0];
  if (!best) return deny('read-only-ground');
  return allow(reasonOf(best), { groundRef: best.ref });
}

/** The grounds in the facts that belong to this actor, for this patient, of a kind this actor can use. */
export function groundsOf(actor: PersonActor, patientId: string, facts: AccessFacts): AccessGround[] {
  const grantees = granteesOf(actor, facts.providerUziNumber ?? null);
  const kinds = groundKindsByActor[actor.kind];
  return facts.grounds.filter(
    (ground) =>
      ground.patientId === patientId &&
      kinds.includes(ground.kind) &&
      grantees.some((grantee) => grantee.type === ground.granteeType && grantee.id === ground.granteeId),
  );
}

export function isExcluded(actor: PersonActor, patientId: string, facts: AccessFacts): boolean {
  const grantees = granteesOf(actor, facts.providerUziNumber ?? null);
  return facts.exclusions.some(
    (exclusion) =>
      exclusion.patientId === patientId &&
      grantees.some((grantee) => grantee.type === exclusion.granteeType && grantee.id === exclusion.granteeId),
  );
}

function compareGrounds(a: AccessGround, b: AccessGround): number {
  return (
    groundPrecedence.indexOf(a.kind) - groundPrecedence.indexOf(b.kind) ||
    granteePrecedence.indexOf(a.granteeType) - granteePrecedence.indexOf(b.granteeType) ||
    a.ref.localeCompare(b.ref)
  );
}

function reasonOf(ground: AccessGround) {
  if (ground.kind === 'consent') return ground.channel === 'portal' ? 'consent:portal' : 'consent:desk';
  return ground.kind;
}

/**
 * A provider opens a record only after the account itself confirmed the treatment relationship (seed 001 §3.2);
 * an enrolment or referral at its organisation makes the record findable and openable, the confirmation makes
 * it personal. Break-glass is its own explicit statement.
 */
function needsConfirmation(reason: string, groundRef: string | undefined, facts: AccessFacts): boolean {
  if (reason === 'break-glass') return false;
  if (reason !== 'treatment-relationship') return true;
  const ground = facts.grounds.find((candidate) => candidate.ref === groundRef);
  return ground?.granteeType === 'organisation';
}

/** Step 6: rules of the entry itself, after the patient-level decision allowed. */
function entryRule(actor: PersonActor, action: Action, target: RecordEntryTarget, now: Date): Decision | undefined {
  if (actor.kind === 'provider') {
    const existing = action !== 'start' && (target.authorAccountId != null || target.organisationId != null);
    const isAuthor = target.authorAccountId != null && target.authorAccountId === actor.accountId;
    const sameOrganisation = target.organisationId != null && target.organisationId === actor.organisationId;
    if (target.recordType === recordTypes.memo) {
      // Memos are for yourself or your practice, never in Historie (seed 001 §5.7): reading needs authorship
      // or an organisation memo of your own organisation; only the author edits.
      if (action === 'read') {
        return isAuthor || (target.audience === 'organisation' && sameOrganisation) ? undefined : deny('private-memo');
      }
      return existing && !isAuthor ? deny('private-memo') : undefined;
    }
    // "Bewerken" of a registration stays within the organisation that made it (seed 001 §6.3).
    if (action === 'write' && existing && !isAuthor && !sameOrganisation) return deny('not-own-entry');
    return undefined;
  }
  if (actor.kind === 'patient' && action === 'read') {
    if (target.hiddenFromPatient) return deny('not-released');
    if (target.releaseAt && target.releaseAt.getTime() > now.getTime()) return deny(releasePendingUntil(target.releaseAt));
  }
  return undefined;
}

function hasClinicalRead(roleRights: RoleRights): boolean {
  return Object.entries(roleRights).some(([recordType, right]) => right.read && !nonClinicalRecordTypes.has(recordType));
}

/**
 * Behandelteam (seed 001 §5.6): "Heb je geen inzage in de registratie van de POH-GGZ, dan zie je ook niet dat
 * een POH-GGZ betrokken is". A member is shown when they write no clinical record type, or when the viewer
 * may read at least one clinical record type the member writes.
 */
export function teamMemberVisible(viewerRights: RoleRights, memberRights: RoleRights): boolean {
  const written = Object.entries(memberRights)
    .filter(([recordType, right]) => right.write && isClinicalContent(recordType))
    .map(([recordType]) => recordType);
  return written.length === 0 || written.some((recordType) => viewerRights[recordType]?.read === true);
}

function isClinicalContent(recordType: RecordTypeCode): boolean {
  return !nonClinicalRecordTypes.has(recordType) && recordType !== 'referral' && recordType !== recordTypes.patientEntered;
}
