import type { ProviderActor, RequestContext } from '../access/context.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { ensureAccountRelationship, lockPatientByIdentity } from './treatment-relationship.js';

// Naar jezelf verwijzen (seed 001 §7.4): "Dit is alleen van toepassing op ketenpartners anders dan de
// huisartsenpraktijk." A chain partner without a referral finds the patient by BSN and birth date, confirms the
// treatment relationship, "De patiënt is dan alsnog verwezen naar je organisatie": a referral from the account to
// its own organisation, opened at once, plus the account's relationship — one transaction, audited. Afterwards the
// patient is findable for the organisation by (part of) the name, like any referred patient.

/** The referral's reason as the receiving organisation reads it in Historie (Dutch: the record's language). */
export const selfReferralReason = 'Naar jezelf verwezen: patiënt gevonden op BSN en geboortedatum';

export interface SelfReferralResult {
  /** Null when the account already had a current relationship and its organisation a referral: nothing to do. */
  referralId: string | null;
}

function chainPartnerOf(context: RequestContext): ProviderActor {
  const actor = context.actor;
  // GP practices take a patient over instead (Overschrijven, §7.1).
  if (actor.kind !== 'provider' || actor.organisationType === 'gp-practice') throw AppError.notFound();
  return actor;
}

export async function referToOwnOrganisation(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  identity: { bsn: string; birthDate: string },
): Promise<SelfReferralResult> {
  const actor = chainPartnerOf(context);
  const now = deps.clock.now();
  return withPatient<SelfReferralResult>(deps, context, patientId, {
    action: 'establish-relationship',
    target: { kind: 'patient', patientId },
    objectType: 'referral',
    auditAction: 'create',
    details: { via: 'self-referral' },
    auditAfter: (result) => ({ objectId: result.referralId }),
    async run(trx, decision) {
      await lockPatientByIdentity(trx, patientId, identity);
      const open = await trx
        .selectFrom('referral')
        .select('id')
        .where('patient_id', '=', patientId)
        .where('to_organisation_id', '=', actor.organisationId)
        .executeTakeFirst();
      const referral = open
        ? null
        : await trx
            .insertInto('referral')
            .values({
              patient_id: patientId,
              from_account_id: actor.accountId,
              to_organisation_id: actor.organisationId,
              to_role: actor.role,
              reason: selfReferralReason,
              created_at: now,
              opened_at: now,
              opened_by_account_id: actor.accountId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
      await ensureAccountRelationship(trx, { context, actor, patientId, now, reason: decision.reason, via: 'self-referral' });
      return { referralId: referral?.id ?? null };
    },
  });
}
