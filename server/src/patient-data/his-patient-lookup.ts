import { auditActorOf, type RequestContext } from '../access/context.js';
import {
  canSearch,
  loadRoleRights,
  patientAccessCondition,
  patientNotExcludedCondition,
  type SearchCriterion,
} from '../access/index.js';
import { recordAuditEvent } from '../audit/record.js';
import { isValidBsn } from '../domain/bsn.js';
import type { PatientDataDependencies } from './patient-access.js';

// The HIS launch (seed 000 step 8: "De patiëntenkaart v.d. patiënt die je hebt aangeklikt in het HIS zal
// automatisch worden getoond, mits de patiënt is aangemaakt binnen Medix"): find the patient the HIS had open,
// for the logged-in actor, exactly as "Patiënt zoeken" would with the same criteria. BSN and birth date together
// reach any patient who has not excluded the actor (canSearch scope `any-patient`); a BSN alone only the
// patients the actor already has a ground for. Finding the patient is logged as a search hit (NEN 7513).

export interface HisPatientQuery {
  bsn: string;
  /** ISO date, as the HIS sent it; without it only patients within the actor's grounds are found. */
  birthDate: string | null;
}

/** The patient id, or null when there is no such patient within the actor's reach (indistinguishable). */
export async function findPatientForHisLaunch(
  deps: PatientDataDependencies,
  context: RequestContext,
  query: HisPatientQuery,
): Promise<{ patientId: string } | null> {
  const actor = context.actor;
  if (actor.kind !== 'provider' || !isValidBsn(query.bsn)) return null;
  const criteria: SearchCriterion[] = query.birthDate ? ['bsn', 'birth-date'] : ['bsn'];
  const decision = canSearch(actor, await loadRoleRights(deps.db, actor.role), criteria);
  if (!decision.allow) return null;
  const now = deps.clock.now();

  return deps.db.transaction().execute(async (trx) => {
    let select = trx
      .selectFrom('patient')
      .select('patient.id')
      .where('patient.bsn', '=', query.bsn)
      .where(decision.scope === 'any-patient' ? patientNotExcludedCondition(actor) : patientAccessCondition(actor, now));
    if (query.birthDate) select = select.where('patient.birth_date', '=', query.birthDate);
    const row = await select.limit(1).executeTakeFirst();
    if (!row) return null;
    await recordAuditEvent(
      trx,
      {
        actor: auditActorOf(actor),
        patientId: row.id,
        action: 'search',
        objectType: 'patient-search-result',
        outcome: 'success',
        reason: decision.scope === 'any-patient' ? 'bsn+birth-date' : 'within-grounds',
        ip: context.ip,
        userAgent: context.userAgent,
        sessionRef: context.sessionRef,
        requestId: context.requestId,
        details: { criteria: criteria.join(','), via: 'his-launch' },
      },
      { now: () => now },
    );
    return { patientId: row.id };
  });
}
