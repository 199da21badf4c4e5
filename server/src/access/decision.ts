/**
 * Why access was allowed. The reason goes into the audit record (NEN 7513: the patient sees "on which ground":
 * consent, relationship, break-glass — product.md §7).
 */
export type AllowReason =
  | 'system'
  | 'role-right'
  | 'own-record'
  | 'treatment-relationship'
  | 'enrolment'
  | 'referral'
  | 'consent:desk'
  | 'consent:portal'
  | 'proxy-parent'
  | 'proxy-third-party'
  | 'share-code'
  | 'break-glass';

/** Why access was denied. Services answer "not found" for denied reads (style.md item 2); the reason is logged. */
export type DenyReason =
  | 'not-personal-account'
  | 'excluded-by-patient'
  | 'no-role-right'
  | 'no-relationship'
  | 'ground-expired'
  | 'ground-not-yet-valid'
  | 'read-only-ground'
  | 'private-memo'
  | 'not-own-entry'
  | 'other-organisation'
  | 'not-released'
  | ReleasePendingReason
  | 'unsupported-action';

/** Release rules (product.md §4, §6): the entry becomes visible to the patient at this time. */
export type ReleasePendingReason = `release-pending-until:${string}`;

/**
 * What the caller must do before acting on an allow. `confirm-treatment-relationship`: the first time an
 * account opens a record it confirms the treatment relationship, which is logged and adds it to the
 * Behandelteam; without it the record does not open (seed 001 §3.2, §5.6; migrated records §1 item 1).
 */
export type Obligation = 'confirm-treatment-relationship';

/** For patient search: where the search may look (seed 001 §7.4). */
export type SearchScope = 'within-grounds' | 'any-patient';

export type Decision =
  | {
      allow: true;
      reason: AllowReason;
      /** The row that gave access (`access_ground:12`, `enrolment:3`, `referral:7`), when a ground did. */
      groundRef?: string;
      obligations?: readonly Obligation[];
      scope?: SearchScope;
    }
  | { allow: false; reason: DenyReason };

export type Allow = Extract<Decision, { allow: true }>;
export type Deny = Extract<Decision, { allow: false }>;

export function allow(reason: AllowReason, extra: Omit<Allow, 'allow' | 'reason'> = {}): Allow {
  return { allow: true, reason, ...extra };
}

export function deny(reason: DenyReason): Deny {
  return { allow: false, reason };
}

export function releasePendingUntil(at: Date): ReleasePendingReason {
  return `release-pending-until:${at.toISOString()}`;
}
