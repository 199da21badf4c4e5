import type { Actor } from './context.js';
import { allow, type Decision, deny } from './decision.js';
import { type RoleRights, recordTypes } from './facts.js';

/** What a user filled in on "Patiënt zoeken" (seed 001 §1 item 10, §3.2): P-ID, BSN, birth date, (part of) family name. */
export type SearchCriterion = 'patient-id' | 'bsn' | 'birth-date' | 'family-name';

/** BSN and birth date together, both exact: the only way to find a patient one has no ground for. */
export const exactMatchCriteria: readonly SearchCriterion[] = ['bsn', 'birth-date'];

/**
 * Which patients a search may find (seed 001 §7.4 "Naar jezelf verwijzen"):
 * - `within-grounds`: any criterion, among patients the actor has a ground for and is not excluded from
 *   (`patientAccessCondition`). A GP practice's whole enrolled population is in here, so a practice searches its
 *   patients by any criterion; a chain partner finds referred patients by part of the family name, birth date
 *   or BSN ("de patiënt is dan altijd vindbaar op (een deel van) de achternaam, geboortedatum of BSN").
 * - `any-patient`: with BSN **and** birth date, both matched exactly, any patient who has not excluded the actor
 *   (`patientNotExcludedCondition`), so a chain partner can refer the patient to itself and a new practice can
 *   take over a patient (§7.1 "Overschrijven" also searches by BSN and birth date). We apply this to GP practices
 *   too: a partial-name search over the whole region would show names of patients who are not theirs.
 * The external portal finds consented patients only (seed 004 "Patiënt zoeken"); the patient portal has no
 * search (a portal user switches between the records they may act for).
 */
export function canSearch(actor: Actor, roleRights: RoleRights, criteria: readonly SearchCriterion[]): Decision {
  switch (actor.kind) {
    case 'system':
      return allow('system', { scope: 'any-patient' });
    case 'patient':
      return deny('no-role-right');
    case 'external':
      return allow('role-right', { scope: 'within-grounds' });
    case 'provider': {
      if (!actor.personal) return deny('not-personal-account');
      if (!roleRights[recordTypes.personalia]?.read) return deny('no-role-right');
      const exact = exactMatchCriteria.every((criterion) => criteria.includes(criterion));
      return allow('role-right', { scope: exact ? 'any-patient' : 'within-grounds' });
    }
  }
}
