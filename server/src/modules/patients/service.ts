import type { RequestContext } from '../../access/context.js';
import { amsterdamDate } from '../../domain/amsterdam-time.js';
import { AppError } from '../../http/problem.js';
import type { PatientDataDependencies } from '../../patient-data/patient-access.js';
import { readPatientCard } from '../../patient-data/patient-card.js';
import { addPatient, confirmTreatmentRelationship, storeInsuranceCheck } from '../../patient-data/patient-registration.js';
import { searchPatients } from '../../patient-data/patient-search.js';
import type { InsuranceCheck } from './insurance-check.js';
import type { NewPatientBody } from './schemas.js';
import { parseSearchQuery } from './search-query.js';

export interface PatientServiceDependencies extends PatientDataDependencies {
  insuranceCheck: InsuranceCheck;
}

export async function findPatients(deps: PatientServiceDependencies, context: RequestContext, query: string, page: number) {
  const result = await searchPatients(deps, context, parseSearchQuery(query), page);
  return { ...result, page };
}

/** "Volgende stap" for Dutch insurance: checks the insurance right now and keeps the answer for the new record. */
export async function checkInsurance(
  deps: PatientServiceDependencies,
  context: RequestContext,
  input: { bsn: string; birthDate: string },
) {
  rejectFutureBirthDate(deps, input.birthDate);
  const onDate = amsterdamDate(deps.clock.now());
  const result = await deps.insuranceCheck.check({ ...input, onDate }).catch(() => ({ outcome: 'unavailable' as const }));
  const insured = result.outcome === 'insured' ? result : null;
  const stored = await storeInsuranceCheck(deps, context, {
    ...input,
    outcome: result.outcome,
    insurerName: insured?.insurerName ?? null,
    uzoviCode: insured?.uzoviCode ?? null,
    policyNumber: insured?.policyNumber ?? null,
    source: deps.insuranceCheck.source,
  });
  return {
    id: stored.id,
    checkedAt: stored.checkedAt.toISOString(),
    outcome: result.outcome,
    insurerName: insured?.insurerName ?? null,
    uzoviCode: insured?.uzoviCode ?? null,
    policyNumber: insured?.policyNumber ?? null,
  };
}

export async function registerPatient(deps: PatientServiceDependencies, context: RequestContext, input: NewPatientBody) {
  rejectFutureBirthDate(deps, input.birthDate);
  return addPatient(deps, context, input);
}

export async function openPatientCard(deps: PatientServiceDependencies, context: RequestContext, patientId: string) {
  const card = await readPatientCard(deps, context, patientId);
  if (!card) throw AppError.notFound();
  if (card.status !== 'open') return card;
  const check = card.card.lastInsuranceCheck;
  return {
    status: 'open' as const,
    card: { ...card.card, lastInsuranceCheck: check ? { ...check, checkedAt: check.checkedAt.toISOString() } : null },
  };
}

export async function confirmRelationship(deps: PatientServiceDependencies, context: RequestContext, patientId: string) {
  await confirmTreatmentRelationship(deps, context, patientId);
  return openPatientCard(deps, context, patientId);
}

function rejectFutureBirthDate(deps: PatientDataDependencies, birthDate: string): void {
  if (birthDate > amsterdamDate(deps.clock.now())) throw AppError.validation([{ field: 'birthDate', key: 'field.dateInFuture' }]);
}
