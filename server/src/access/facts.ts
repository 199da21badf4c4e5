import type { Actor } from './context.js';
import type { ExclusionGranteeType, GranteeType, GroundKind } from './tables.js';

export type { ExclusionGranteeType, GranteeType, GroundKind } from './tables.js';

/** A record type code (`record_type.code`): data, so new kinds of registrations need no code change. */
export type RecordTypeCode = string;

/** Record types the policy itself knows by name; all others are governed by the matrix alone. */
export const recordTypes = {
  personalia: 'personalia',
  hospital: 'hospital',
  memo: 'memo',
  patientEntered: 'patient-entered',
} as const;

export interface Right {
  read: boolean;
  write: boolean;
}

/** One role's row of the matrix: record type → right. A missing record type means no right. */
export type RoleRights = Readonly<Record<RecordTypeCode, Right>>;

/** A ground as read from `effective_access_ground`. */
export interface AccessGround {
  /** Which row gave it (`access_ground:12`, `enrolment:3`, `referral:7`), for the audit log (NEN 7513 "on which ground"). */
  ref: string;
  patientId: string;
  granteeType: GranteeType;
  granteeId: string;
  kind: GroundKind;
  /** For consent: where it was given (seed 004: at the desk or in the patient portal). */
  channel: 'desk' | 'portal' | null;
  source: string;
  validFrom: Date;
  validTo: Date | null;
}

export interface AccessExclusion {
  id: string;
  patientId: string;
  granteeType: ExclusionGranteeType;
  granteeId: string;
}

/**
 * Everything the pure policy needs about one (actor, patient) pair, loaded by `loadAccessFacts`.
 * Grounds and exclusions may include rows that do not match the actor or patient: the policy filters them
 * itself, so a caller that passes too much cannot widen access.
 */
export interface AccessFacts {
  now: Date;
  /** Unrevoked grounds (current, expired and future: the policy tells them apart to give a precise reason). */
  grounds: readonly AccessGround[];
  /** Unrevoked exclusions. */
  exclusions: readonly AccessExclusion[];
  /** The provider actor's role rights (empty for other actors: their rights are fixed, see policy.ts). */
  roleRights: RoleRights;
  /** The UZI number of the provider's person: grounds and exclusions by UZI number cover all their accounts. */
  providerUziNumber?: string | null;
}

/** Facts for a decision that involves no patient (record types, admin areas, search). */
export function factsWithoutPatient(roleRights: RoleRights, now: Date): AccessFacts {
  return { now, grounds: [], exclusions: [], roleRights };
}

export interface Grantee {
  type: GranteeType;
  id: string;
}

/**
 * Whom grounds and exclusions may name for this actor. A hospital department also holds what was given to its
 * parent hospital (a referral to "Ziekenhuis X" reaches its departments; an exclusion of it excludes them too).
 */
export function granteesOf(actor: Actor, providerUziNumber: string | null = null): Grantee[] {
  switch (actor.kind) {
    case 'provider': {
      const grantees: Grantee[] = [
        { type: 'account', id: actor.accountId },
        { type: 'organisation', id: actor.organisationId },
      ];
      if (actor.parentOrganisationId) grantees.push({ type: 'organisation', id: actor.parentOrganisationId });
      if (providerUziNumber) grantees.push({ type: 'uzi', id: providerUziNumber });
      return grantees;
    }
    case 'external':
      return [{ type: 'uzi', id: actor.uziNumber }];
    case 'patient':
      return [{ type: 'portal-user', id: actor.portalUserId }];
    case 'system':
      return [];
  }
}

/**
 * Which kinds of ground each kind of actor can use. Proxies are portal users; an UZI-card provider in the
 * external portal sees only consented patients (seed 004) or a record shown to them with a share code.
 * Shared by the policy and the SQL condition, so the two cannot drift apart.
 */
export const groundKindsByActor: Readonly<Record<Actor['kind'], readonly GroundKind[]>> = {
  provider: ['treatment-relationship', 'enrolment', 'referral', 'consent', 'share-code', 'break-glass'],
  external: ['consent', 'share-code'],
  patient: ['proxy-parent', 'proxy-third-party'],
  system: [],
};

/**
 * Grounds that allow writing, not only reading. Consent and share codes let someone look; a third party acts
 * for the patient as a reader (seed 003 "derden"). A parent acts fully for a young child.
 */
export const writableGroundKinds: ReadonlySet<GroundKind> = new Set<GroundKind>([
  'treatment-relationship',
  'enrolment',
  'referral',
  'break-glass',
  'proxy-parent',
]);

export type GroundTiming = 'current' | 'expired' | 'not-yet-valid';

/** Valid from `validFrom` (inclusive) until `validTo` (exclusive) — the same comparison the SQL condition makes. */
export function groundTiming(ground: Pick<AccessGround, 'validFrom' | 'validTo'>, now: Date): GroundTiming {
  if (ground.validFrom.getTime() > now.getTime()) return 'not-yet-valid';
  if (ground.validTo !== null && ground.validTo.getTime() <= now.getTime()) return 'expired';
  return 'current';
}
