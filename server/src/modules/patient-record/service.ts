import type { RequestContext } from '../../access/context.js';
import { amsterdamDate } from '../../domain/amsterdam-time.js';
import { AppError } from '../../http/problem.js';
import { createMemo, deleteMemo, listMemos, type Memo, type MemoInput, updateMemo } from '../../patient-data/memos.js';
import type { PatientDataDependencies } from '../../patient-data/patient-access.js';
import { transferPatient } from '../../patient-data/patient-transfer.js';
import {
  type Personalia,
  type PersonaliaChange,
  type PersonaliaGroup,
  type PersonaliaGroupValues,
  readPersonalia,
  updatePersonalia,
} from '../../patient-data/personalia.js';
import { referToOwnOrganisation } from '../../patient-data/self-referral.js';
import { readTreatmentTeam } from '../../patient-data/treatment-team.js';
import { listPharmacies } from './repository.js';

// The tabs of the patient record (seed 001 §5.6 Behandelteam, §5.7 Memo's, §5.8 Personalia) and Overschrijven (§7.1).
// Access, audit and the transaction are the patient-data layer's; here the rules of the screens and the JSON shapes.

export type PatientRecordDependencies = PatientDataDependencies;

/** Overschrijven: the new practice takes the patient over (the body's `confirm` is both confirmations of §7.1). */
export async function transfer(
  deps: PatientRecordDependencies,
  context: RequestContext,
  patientId: string,
  identity: { bsn: string; birthDate: string },
) {
  return transferPatient(deps, context, patientId, identity);
}

/** Naar jezelf verwijzen (seed 001 §7.4); the body's `confirm` is the confirmation of the relationship. */
export async function referToSelf(
  deps: PatientRecordDependencies,
  context: RequestContext,
  patientId: string,
  identity: { bsn: string; birthDate: string },
) {
  const result = await referToOwnOrganisation(deps, context, patientId, identity);
  return { referred: true as const, newReferral: result.referralId !== null };
}

function personaliaView(personalia: Personalia) {
  const check = personalia.insurance.lastInsuranceCheck;
  return {
    ...personalia,
    insurance: {
      ...personalia.insurance,
      lastInsuranceCheck: check ? { ...check, checkedAt: check.checkedAt.toISOString() } : null,
    },
  };
}

export async function openPersonalia(deps: PatientRecordDependencies, context: RequestContext, patientId: string) {
  return personaliaView(await readPersonalia(deps, context, patientId));
}

/** One group from the pencil; `bsn` never reaches the data layer (the schemas refuse it). */
export async function savePersonaliaGroup<G extends PersonaliaGroup>(
  deps: PatientRecordDependencies,
  context: RequestContext,
  patientId: string,
  group: G,
  body: PersonaliaGroupValues[G] & { bsn?: undefined },
) {
  const { bsn: _bsn, ...values } = body;
  const change = { group, values } as unknown as PersonaliaChange;
  if (change.group === 'birth' && change.values.birthDate > amsterdamDate(deps.clock.now())) {
    throw AppError.validation([{ field: 'birthDate', key: 'field.dateInFuture' }]);
  }
  return personaliaView(await updatePersonalia(deps, context, patientId, change));
}

export async function pharmacies(deps: PatientRecordDependencies) {
  return { pharmacies: await listPharmacies(deps.db) };
}

function memoView(memo: Memo) {
  return { ...memo, createdAt: memo.createdAt.toISOString(), updatedAt: memo.updatedAt.toISOString() };
}

export async function memos(deps: PatientRecordDependencies, context: RequestContext, patientId: string) {
  return { memos: (await listMemos(deps, context, patientId)).map(memoView) };
}

export async function addMemo(deps: PatientRecordDependencies, context: RequestContext, patientId: string, input: MemoInput) {
  return memoView(await createMemo(deps, context, patientId, input));
}

export async function changeMemo(
  deps: PatientRecordDependencies,
  context: RequestContext,
  patientId: string,
  memoId: string,
  input: MemoInput,
) {
  return memoView(await updateMemo(deps, context, patientId, memoId, input));
}

export async function removeMemo(deps: PatientRecordDependencies, context: RequestContext, patientId: string, memoId: string) {
  await deleteMemo(deps, context, patientId, memoId);
}

export async function treatmentTeam(deps: PatientRecordDependencies, context: RequestContext, patientId: string) {
  const team = await readTreatmentTeam(deps, context, patientId);
  return { ...team, members: team.members.map((member) => ({ ...member, since: member.since.toISOString() })) };
}
