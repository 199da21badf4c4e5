import { auditActorOf, type ProviderActor, type RequestContext } from '../access/context.js';
import { can, grantAccess, loadAccessFacts } from '../access/index.js';
import { recordAuditEvent } from '../audit/record.js';
import type { Gender, InsuranceOutcome } from '../db/schema.js';
import { amsterdamDate } from '../domain/amsterdam-time.js';
import { AppError } from '../http/problem.js';
import type { PatientDataDependencies } from './patient-access.js';
import { patientDisplayId } from './patient-card.js';
import { searchPatients } from './patient-search.js';
import { markReferralsOpened } from './referral-send.js';
import { ensureAccountRelationship } from './treatment-relationship.js';

// Patiënt toevoegen (seed 001 §4) and the treatment relationship (§3.2). One record per BSN: the unique index
// decides, also when two people submit at the same moment.

export interface NewPatientInput {
  bsn: string | null;
  insuranceCountry: string;
  foreignIdType: 'passport' | 'id-card' | null;
  foreignIdNumber: string | null;
  nationality: string;
  initials: string | null;
  givenNames: string | null;
  roepnaam: string;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
  gender: Gender;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  phone: string | null;
  email: string | null;
  pharmacyId: string | null;
  /** The insurance check done at "Volgende stap", linked to the new record. */
  insuranceCheckId: string | null;
}

export interface InsuranceCheckRecord {
  bsn: string;
  birthDate: string;
  outcome: InsuranceOutcome;
  insurerName: string | null;
  uzoviCode: string | null;
  policyNumber: string | null;
  source: string;
}

export class DuplicatePatientError extends AppError {
  constructor(readonly existing: { id: string; displayId: string; name: string; birthDate: string } | null) {
    super(
      409,
      'patient-exists',
      'patient.exists.title',
      'patient.exists.detail',
      [{ field: 'bsn', key: 'patient.exists.field' }],
      {},
      { existingPatient: existing },
    );
  }
}

function practiceOf(context: RequestContext): ProviderActor {
  const actor = context.actor;
  if (actor.kind !== 'provider' || actor.organisationType !== 'gp-practice' || !actor.personal) throw AppError.notFound();
  return actor;
}

function auditFields(context: RequestContext) {
  return {
    actor: auditActorOf(context.actor),
    ip: context.ip,
    userAgent: context.userAgent,
    sessionRef: context.sessionRef,
    requestId: context.requestId,
  };
}

/** Stores the outcome of an insurance-right check made while adding a patient; returns its id. */
export async function storeInsuranceCheck(
  deps: PatientDataDependencies,
  context: RequestContext,
  check: InsuranceCheckRecord,
): Promise<{ id: string; checkedAt: Date }> {
  const actor = practiceOf(context);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('insurance_check')
      .values({
        bsn: check.bsn,
        birth_date: check.birthDate,
        checked_at: now,
        checked_by_account_id: actor.accountId,
        outcome: check.outcome,
        insurer_name: check.insurerName,
        uzovi_code: check.uzoviCode,
        policy_number: check.policyNumber,
        source: check.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(
      trx,
      {
        ...auditFields(context),
        action: 'create',
        objectType: 'insurance-check',
        objectId: row.id,
        outcome: 'success',
        details: { result: check.outcome },
      },
      { now: () => now },
    );
    return { id: row.id, checkedAt: now };
  });
}

/** The existing record for a BSN, shown as the patient to continue with — only as far as the actor may find it. */
async function existingForBsn(deps: PatientDataDependencies, context: RequestContext, bsn: string, birthDate: string) {
  // Offering the existing record is a search by BSN + birth date: the same policy (scope, exclusions) and the
  // same audit event as Patiënt zoeken.
  const found = await searchPatients(deps, context, { bsn, birthDate }, 1).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  });
  const hit = found?.hits[0];
  if (!hit) return null;
  return {
    id: hit.id,
    displayId: hit.displayId,
    name: [hit.roepnaam, hit.familyNamePrefix, hit.familyName].filter(Boolean).join(' '),
    birthDate: hit.birthDate,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}

/**
 * Adds a patient enrolled at the user's practice, with the user as treatment relationship (they added the
 * patient, so no separate confirmation), the insurance check linked, and the audit event — all or nothing.
 */
export async function addPatient(
  deps: PatientDataDependencies,
  context: RequestContext,
  input: NewPatientInput,
): Promise<{ id: string; displayId: string }> {
  const actor = practiceOf(context);
  const now = deps.clock.now();
  if (input.bsn) {
    const existing = await existingForBsn(deps, context, input.bsn, input.birthDate);
    if (existing || (await deps.db.selectFrom('patient').select('id').where('bsn', '=', input.bsn).executeTakeFirst()))
      throw new DuplicatePatientError(existing);
  }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const patient = await trx
        .insertInto('patient')
        .values({
          bsn: input.bsn,
          insurance_country: input.insuranceCountry,
          foreign_id_type: input.foreignIdType,
          foreign_id_number: input.foreignIdNumber,
          nationality: input.nationality,
          initials: input.initials,
          given_names: input.givenNames,
          roepnaam: input.roepnaam,
          family_name_prefix: input.familyNamePrefix,
          family_name: input.familyName,
          birth_date: input.birthDate,
          gender: input.gender,
          street: input.street,
          house_number: input.houseNumber,
          house_number_suffix: input.houseNumberSuffix,
          postcode: input.postcode,
          city: input.city,
          country: input.country,
          phone: input.phone,
          email: input.email,
          pharmacy_id: input.pharmacyId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const today = amsterdamDate(now);
      await trx
        .insertInto('enrolment')
        .values({ patient_id: patient.id, organisation_id: actor.organisationId, valid_from: today })
        .execute();
      if (input.insuranceCheckId) {
        await trx
          .updateTable('insurance_check')
          .set({ patient_id: patient.id })
          .where('id', '=', input.insuranceCheckId)
          .where('patient_id', 'is', null)
          .where('bsn', '=', input.bsn ?? '')
          .execute();
      }
      await grantAccess(trx, {
        patientId: patient.id,
        granteeType: 'account',
        granteeId: actor.accountId,
        kind: 'treatment-relationship',
        source: `account:${actor.accountId}`,
        validFrom: now,
      });
      await recordAuditEvent(
        trx,
        {
          ...auditFields(context),
          patientId: patient.id,
          action: 'create',
          objectType: 'patient',
          objectId: patient.id,
          outcome: 'success',
          reason: 'patient-added',
        },
        { now: () => now },
      );
      return { id: patient.id, displayId: patientDisplayId(patient.id) };
    });
  } catch (error) {
    // Two submits at once: the second loses on the unique index and gets the same answer as a known BSN.
    if (isUniqueViolation(error) && input.bsn)
      throw new DuplicatePatientError(await existingForBsn(deps, context, input.bsn, input.birthDate));
    throw error;
  }
}

/**
 * "Behandelrelatie bevestigen" (seed 001 §3.2): the account states it treats this patient; logged, and the
 * account joins the Behandelteam. Allowed when the account may open the record (or, via BSN + birth date,
 * establish a relationship — "naar jezelf verwijzen" is the referrals issue's).
 */
export async function confirmTreatmentRelationship(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
): Promise<void> {
  const actor = context.actor;
  if (actor.kind !== 'provider') throw AppError.notFound();
  const now = deps.clock.now();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const facts = await loadAccessFacts(trx, actor, patientId, now);
    const decision = can(actor, 'read', { kind: 'patient', patientId }, facts);
    if (!decision.allow) {
      await recordAuditEvent(
        trx,
        {
          ...auditFields(context),
          patientId,
          action: 'access-denied',
          outcome: 'denied',
          reason: decision.reason,
          objectType: 'treatment-relationship',
        },
        { now: () => now },
      );
      return false;
    }
    if (decision.obligations?.includes('confirm-treatment-relationship')) {
      await ensureAccountRelationship(trx, { context, actor, patientId, now, reason: decision.reason, via: 'confirmation' });
    }
    // The relationship confirmed = the record opened: the referral signals disappear (issue 7).
    await markReferralsOpened(trx, context, actor, patientId, now);
    return true;
  });
  if (!outcome) throw AppError.notFound();
}
