import { type SqlBool, sql } from 'kysely';
import type { ProviderActor, RequestContext } from '../access/context.js';
import { can, factsWithoutPatient, loadRoleRights, revokeAccessGround } from '../access/index.js';
import { amsterdamDate } from '../domain/amsterdam-time.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { ensureAccountRelationship, lockPatientByIdentity } from './treatment-relationship.js';

// Overschrijven (seed 001 §7.1): "Dit is alleen van toepassing op huisartsenpraktijken. De nieuwe praktijk is
// verantwoordelijk voor het overschrijven van de patiënt naar de eigen praktijk." The new practice found the patient by
// BSN and birth date, confirms the treatment relationship and the change of practice; then, in one transaction, the
// old enrolment ends today, the new one starts today (history is kept), the account gets its treatment relationship,
// and the accounts of the old practice lose theirs — their access came from treating the patient at that practice.
// Other grounds (a referral, consent) are their own and stay.

export interface TransferResult {
  enrolmentId: string;
  practice: { id: string; name: string };
  previousPractice: { id: string; name: string } | null;
  /** Calendar date (Europe/Amsterdam) the new enrolment starts and the old one ends. */
  validFrom: string;
}

interface TransferOutcome extends TransferResult {
  endedEnrolmentId: string | null;
  revokedGroundIds: string[];
}

export class AlreadyEnrolledError extends AppError {
  constructor() {
    super(409, 'already-enrolled', 'patient.alreadyEnrolled.title', 'patient.alreadyEnrolled.detail');
  }
}

export class TransferConflictError extends AppError {
  constructor() {
    super(409, 'transfer-conflict', 'patient.transferConflict.title', 'patient.transferConflict.detail');
  }
}

async function practiceAccountOf(deps: PatientDataDependencies, context: RequestContext): Promise<ProviderActor> {
  const actor = context.actor;
  if (actor.kind !== 'provider' || actor.organisationType !== 'gp-practice') throw AppError.notFound();
  // The enrolment is part of the personalia: the role must be one that writes them (seed 001 §5.8, matrix 0003).
  const rights = await loadRoleRights(deps.db, actor.role);
  const decision = can(
    actor,
    'write',
    { kind: 'record-type', recordType: 'personalia' },
    factsWithoutPatient(rights, deps.clock.now()),
  );
  if (!decision.allow) throw AppError.notFound();
  return actor;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}

export async function transferPatient(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  identity: { bsn: string; birthDate: string },
): Promise<TransferResult> {
  const actor = await practiceAccountOf(deps, context);
  const now = deps.clock.now();
  const today = amsterdamDate(now);
  try {
    const outcome = await withPatient<TransferOutcome>(deps, context, patientId, {
      action: 'establish-relationship',
      target: { kind: 'patient', patientId },
      objectType: 'enrolment',
      auditAction: 'update',
      auditAfter: (result) => ({
        objectId: result.enrolmentId,
        details: {
          fromOrganisationId: result.previousPractice?.id ?? null,
          toOrganisationId: result.practice.id,
          endedEnrolmentId: result.endedEnrolmentId,
          revokedGrounds: result.revokedGroundIds,
        },
      }),
      async run(trx, decision) {
        // The patient row is the lock: two practices taking over the same patient wait for each other. The new
        // practice found the patient by BSN + birth date (seed 001 §7.1) and says so again here.
        await lockPatientByIdentity(trx, patientId, identity);
        const current = await trx
          .selectFrom('enrolment')
          .innerJoin('organisation', 'organisation.id', 'enrolment.organisation_id')
          .select(['enrolment.id', 'enrolment.organisation_id', 'organisation.name'])
          .where('enrolment.patient_id', '=', patientId)
          .where('enrolment.valid_to', 'is', null)
          .executeTakeFirst();
        if (current?.organisation_id === actor.organisationId) throw new AlreadyEnrolledError();

        if (current) await trx.updateTable('enrolment').set({ valid_to: today }).where('id', '=', current.id).execute();
        const enrolment = await trx
          .insertInto('enrolment')
          .values({ patient_id: patientId, organisation_id: actor.organisationId, valid_from: today })
          .returning('id')
          .executeTakeFirstOrThrow();

        // The treatment relationship of the old practice's accounts (and of the practice itself) ends with it.
        const revokedGroundIds: string[] = [];
        if (current) {
          const grounds = await trx
            .selectFrom('access_ground as g')
            .select('g.id')
            .where('g.patient_id', '=', patientId)
            .where('g.kind', '=', 'treatment-relationship')
            .where('g.revoked_at', 'is', null)
            .where(
              sql<SqlBool>`((g.grantee_type = 'account' and g.grantee_id in
                (select a.id::text from account a where a.organisation_id = ${current.organisation_id}))
                or (g.grantee_type = 'organisation' and g.grantee_id = ${current.organisation_id}::text))`,
            )
            .execute();
          for (const ground of grounds) if (await revokeAccessGround(trx, ground.id, now)) revokedGroundIds.push(ground.id);
        }

        // Step 3 of §7.1 — the relationship confirmed with the change — unless this account already has one.
        await ensureAccountRelationship(trx, { context, actor, patientId, now, reason: decision.reason, via: 'transfer' });
        return {
          enrolmentId: enrolment.id,
          endedEnrolmentId: current?.id ?? null,
          revokedGroundIds,
          practice: { id: actor.organisationId, name: actor.organisationName },
          previousPractice: current ? { id: current.organisation_id, name: current.name } : null,
          validFrom: today,
        };
      },
    });
    const { endedEnrolmentId: _ended, revokedGroundIds: _revoked, ...result } = outcome;
    return result;
  } catch (error) {
    // Two practices at once: the unique current enrolment decides; the loser is told to look again.
    if (isUniqueViolation(error)) throw new TransferConflictError();
    throw error;
  }
}
