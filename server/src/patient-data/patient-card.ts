import type { Transaction } from 'kysely';
import type { RequestContext } from '../access/context.js';
import type { Database } from '../db/schema.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';

// The Infopaneel basics of a patient (seed 001 §5.1): who the patient is and where enrolled.

export interface PatientCard {
  id: string;
  displayId: string;
  roepnaam: string;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
  gender: string;
  practice: { id: string; name: string } | null;
  pharmacy: { id: string; name: string } | null;
  /** Why this actor may see the record (the access decision's reason). */
  accessReason: string;
  /** The first open through an organisation ground asks to confirm the treatment relationship. */
  mustConfirmTreatmentRelationship: boolean;
}

/** Patient display id: `P` + 10 digits from the internal id (seed 001 §4: "P0000015982"). */
export function patientDisplayId(id: string): string {
  return `P${id.padStart(10, '0')}`;
}

async function selectCard(trx: Transaction<Database>, patientId: string) {
  return trx
    .selectFrom('patient')
    .leftJoin('enrolment', (join) => join.onRef('enrolment.patient_id', '=', 'patient.id').on('enrolment.valid_to', 'is', null))
    .leftJoin('organisation as practice', 'practice.id', 'enrolment.organisation_id')
    .leftJoin('organisation as pharmacy', 'pharmacy.id', 'patient.pharmacy_id')
    .select([
      'patient.id',
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

export async function readPatientCard(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
): Promise<PatientCard | undefined> {
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'patient-card',
    objectId: patientId,
    async run(trx, decision) {
      const row = await selectCard(trx, patientId);
      if (!row) return undefined;
      return {
        id: row.id,
        displayId: patientDisplayId(row.id),
        roepnaam: row.roepnaam,
        familyNamePrefix: row.family_name_prefix,
        familyName: row.family_name,
        birthDate: row.birth_date,
        gender: row.gender,
        practice: row.practice_id && row.practice_name ? { id: row.practice_id, name: row.practice_name } : null,
        pharmacy: row.pharmacy_id && row.pharmacy_name ? { id: row.pharmacy_id, name: row.pharmacy_name } : null,
        accessReason: decision.reason,
        mustConfirmTreatmentRelationship: decision.obligations?.includes('confirm-treatment-relationship') ?? false,
      };
    },
  });
}
