import type { Transaction } from 'kysely';
import type { RequestContext } from '../access/context.js';
import type { Database } from '../db/schema.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { dm2Recorded } from './record-day-curves.js';
import { markReferralsOpened } from './referral-send.js';

// The Infopaneel basics of a patient (seed 001 §5.1): who the patient is and where enrolled.

export interface PatientCard {
  id: string;
  displayId: string;
  bsn: string | null;
  insuranceCountry: string;
  roepnaam: string;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
  gender: string;
  practice: { id: string; name: string } | null;
  pharmacy: { id: string; name: string } | null;
  lastInsuranceCheck: {
    checkedAt: Date;
    outcome: string;
    insurerName: string | null;
    uzoviCode: string | null;
    policyNumber: string | null;
  } | null;
  /** Why this actor may see the record (the access decision's reason). */
  accessReason: string;
  /** DM2 was recorded for the patient (a trajectory, open or ended): the Dagcurves tab is shown (seed 001 §5.5). */
  dayCurvesAvailable: boolean;
}

/** Patient display id: `P` + 10 digits from the internal id (seed 001 §4: "P0000015982"). */
export function patientDisplayId(id: string): string {
  return `P${id.padStart(10, '0')}`;
}

async function selectLastInsuranceCheck(trx: Transaction<Database>, patientId: string) {
  return trx
    .selectFrom('insurance_check')
    .select(['checked_at', 'outcome', 'insurer_name', 'uzovi_code', 'policy_number'])
    .where('patient_id', '=', patientId)
    .orderBy('checked_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function selectCard(trx: Transaction<Database>, patientId: string) {
  return trx
    .selectFrom('patient')
    .leftJoin('enrolment', (join) => join.onRef('enrolment.patient_id', '=', 'patient.id').on('enrolment.valid_to', 'is', null))
    .leftJoin('organisation as practice', 'practice.id', 'enrolment.organisation_id')
    .leftJoin('organisation as pharmacy', 'pharmacy.id', 'patient.pharmacy_id')
    .select([
      'patient.id',
      'patient.bsn',
      'patient.insurance_country',
      'patient.roepnaam',
      'patient.family_name_prefix',
      'patient.family_name',
      'patient.birth_date',
      'patient.gender',
      'practice.id as practice_id',
      'practice.name as practice_name',
      'pharmacy.id as pharmacy_id',
      'pharmacy.name as pharmacy_name',
    ])
    .where('patient.id', '=', patientId)
    .executeTakeFirst();
}

/** Before the treatment relationship is confirmed, only who the patient is — to know what one confirms. */
export interface PendingRelationship {
  status: 'confirm-relationship';
  id: string;
  displayId: string;
  name: string;
  birthDate: string;
}

export async function readPatientCard(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
): Promise<{ status: 'open'; card: PatientCard } | PendingRelationship | undefined> {
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'patient-card',
    objectId: patientId,
    async run(trx, decision): Promise<{ status: 'open'; card: PatientCard } | PendingRelationship | undefined> {
      const row = await selectCard(trx, patientId);
      if (!row) return undefined;
      if (decision.obligations?.includes('confirm-treatment-relationship')) {
        const name = [row.roepnaam, row.family_name_prefix, row.family_name].filter(Boolean).join(' ');
        return {
          status: 'confirm-relationship',
          id: row.id,
          displayId: patientDisplayId(row.id),
          name,
          birthDate: row.birth_date,
        };
      }
      // Opening the record clears its referral signals for the organisation (issue 7).
      if (context.actor.kind === 'provider') await markReferralsOpened(trx, context, context.actor, patientId, deps.clock.now());
      const check = await selectLastInsuranceCheck(trx, patientId);
      const card: PatientCard = {
        id: row.id,
        displayId: patientDisplayId(row.id),
        bsn: row.bsn,
        insuranceCountry: row.insurance_country,
        lastInsuranceCheck: check
          ? {
              checkedAt: check.checked_at,
              outcome: check.outcome,
              insurerName: check.insurer_name,
              uzoviCode: check.uzovi_code,
              policyNumber: check.policy_number,
            }
          : null,
        roepnaam: row.roepnaam,
        familyNamePrefix: row.family_name_prefix,
        familyName: row.family_name,
        birthDate: row.birth_date,
        gender: row.gender,
        practice: row.practice_id && row.practice_name ? { id: row.practice_id, name: row.practice_name } : null,
        pharmacy: row.pharmacy_id && row.pharmacy_name ? { id: row.pharmacy_id, name: row.pharmacy_name } : null,
        accessReason: decision.reason,
        dayCurvesAvailable: await dm2Recorded(trx, patientId),
      };
      return { status: 'open', card };
    },
  });
}
