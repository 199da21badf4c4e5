import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, api } from '../../api/client';

// Patiënten endpoints (server/src/modules/patients/routes.ts + schemas.ts): search, insurance check,
// add, the card and the treatment relationship.

export type Gender = 'male' | 'female' | 'other' | 'unknown';
export const genders: readonly Gender[] = ['female', 'male', 'other', 'unknown'];

export interface PatientSearchHit {
  id: string;
  displayId: string;
  legacyId: string | null;
  roepnaam: string;
  initials: string | null;
  familyNamePrefix: string | null;
  familyName: string;
  /** ISO date. */
  birthDate: string;
  gender: string;
  /** `******019`: only the last three digits. */
  bsnMasked: string | null;
  practiceName: string | null;
}

export interface PatientSearchResult {
  hits: PatientSearchHit[];
  hasMore: boolean;
  page: number;
  /** `within-grounds` (patients one has a ground for) or `any-patient` (BSN and birth date, both exact). */
  scope: string;
}

export type InsuranceOutcome = 'insured' | 'not-insured' | 'unavailable';

export interface InsuranceCheck {
  id: string;
  checkedAt: string;
  outcome: InsuranceOutcome;
  insurerName: string | null;
  uzoviCode: string | null;
  policyNumber: string | null;
}

/** The body of "Patiënt toevoegen" (`newPatientBody`); empty texts are sent as null. */
export interface NewPatient {
  insuranceCountry: string;
  bsn: string | null;
  foreignIdType: 'passport' | 'id-card' | null;
  foreignIdNumber: string | null;
  nationality: string;
  initials: string | null;
  givenNames: string | null;
  roepnaam: string;
  familyNamePrefix: string | null;
  familyName: string;
  /** ISO date. */
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
  insuranceCheckId: string | null;
}

/** The 409 problem's extension member for a BSN that already has a record. */
export interface ExistingPatient {
  id: string;
  displayId: string;
  name: string;
  birthDate: string;
}

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
  lastInsuranceCheck: (Omit<InsuranceCheck, 'id' | 'outcome'> & { outcome: string }) | null;
  accessReason: string;
  /** DM2 recorded for the patient: only then is there a Dagcurves tab (seed 001 §5.5). */
  dayCurvesAvailable: boolean;
}

export type PatientCardResponse =
  | { status: 'confirm-relationship'; id: string; displayId: string; name: string; birthDate: string }
  | { status: 'open'; card: PatientCard };

export function searchPatients(
  q: string,
  page: number,
  client: ApiClient = api,
  signal?: AbortSignal,
): Promise<PatientSearchResult> {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('page', String(page));
  return client.get(`/api/werkplek/patients?${params}`, signal);
}

export function patientSearchQuery(q: string, page: number) {
  return queryOptions({
    queryKey: ['werkplek', 'patients', 'search', q, page] as const,
    queryFn: ({ signal }) => searchPatients(q, page, undefined, signal),
    enabled: q.trim() !== '',
    // Paging keeps the old rows on screen until the next page is there.
    placeholderData: keepPreviousData,
    // Every search is logged per patient shown (NEN 7513): ask only when the user searches.
    staleTime: 60_000,
  });
}

export function checkInsurance(input: { bsn: string; birthDate: string }, client: ApiClient = api): Promise<InsuranceCheck> {
  return client.post('/api/werkplek/patients/insurance-check', input);
}

export function addPatient(patient: NewPatient, client: ApiClient = api): Promise<{ id: string; displayId: string }> {
  return client.post('/api/werkplek/patients', patient);
}

export function fetchPatientCard(id: string, client: ApiClient = api, signal?: AbortSignal): Promise<PatientCardResponse> {
  return client.get(`/api/werkplek/patients/${encodeURIComponent(id)}`, signal);
}

export function patientCardKey(id: string) {
  return ['werkplek', 'patients', 'card', id] as const;
}

export function patientCardQuery(id: string) {
  return queryOptions({
    queryKey: patientCardKey(id),
    queryFn: ({ signal }) => fetchPatientCard(id, undefined, signal),
  });
}

export function confirmTreatmentRelationship(id: string, client: ApiClient = api): Promise<PatientCardResponse> {
  return client.post(`/api/werkplek/patients/${encodeURIComponent(id)}/treatment-relationship`, {});
}

export function useConfirmTreatmentRelationship(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => confirmTreatmentRelationship(id),
    onSuccess: (card) => {
      queryClient.setQueryData(patientCardKey(id), card);
      // Opening the patient clears its referral signals (issue 7).
      void queryClient.invalidateQueries({ queryKey: ['werkplek', 'signals'] });
    },
  });
}

/** The 409 answer's existing patient, if the problem carries one. */
export function existingPatientOf(extensions: Readonly<Record<string, unknown>>): ExistingPatient | null {
  const value = extensions.existingPatient;
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  if (!text('id')) return null;
  return { id: text('id'), displayId: text('displayId'), name: text('name'), birthDate: text('birthDate') };
}
