import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, api } from '../../../api/client';
import { patientCardKey } from '../patients-api';

// The record's tabs Behandelteam, Memo's, Personalia and Overschrijven
// (server/src/modules/patient-record/routes.ts + schemas.ts; seed 001 §5.6–5.8, §7.1).

/** A role's name in both languages, as the server sends it. */
export interface RoleName {
  code: string;
  nl: string;
  en: string;
}

export function roleNameIn(role: RoleName | null, language: string): string {
  if (!role) return '';
  return language.startsWith('en') ? role.en : role.nl;
}

const base = (patientId: string) => `/api/werkplek/patients/${encodeURIComponent(patientId)}`;

// --- Behandelteam ---

export interface TeamMember {
  accountId: string;
  name: string;
  role: RoleName;
  organisation: { id: string; name: string; type: string };
  since: string;
}

export interface TeamOrganisation {
  organisation: { id: string; name: string; type: string };
  reason: 'enrolment' | 'referral' | 'treatment-relationship';
  role: RoleName | null;
  since: string;
}

export interface Team {
  members: TeamMember[];
  organisations: TeamOrganisation[];
}

export function teamQuery(patientId: string, client: ApiClient = api) {
  return queryOptions({
    queryKey: ['werkplek', 'patients', 'record', patientId, 'team'] as const,
    queryFn: ({ signal }): Promise<Team> => client.get(`${base(patientId)}/team`, signal),
  });
}

// --- Memo's ---

export type MemoVisibility = 'personal' | 'practice';

export interface Memo {
  id: string;
  text: string;
  visibility: MemoVisibility;
  author: { accountId: string; name: string; role: RoleName };
  organisation: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  mine: boolean;
}

export interface MemoInput {
  text: string;
  visibility: MemoVisibility;
}

const memosKey = (patientId: string) => ['werkplek', 'patients', 'record', patientId, 'memos'] as const;

export function memosQuery(patientId: string, client: ApiClient = api) {
  return queryOptions({
    queryKey: memosKey(patientId),
    queryFn: ({ signal }): Promise<{ memos: Memo[] }> => client.get(`${base(patientId)}/memos`, signal),
  });
}

export function useMemoMutations(patientId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: memosKey(patientId) });
  return {
    add: useMutation({
      mutationFn: (input: MemoInput): Promise<Memo> => api.post(`${base(patientId)}/memos`, input),
      onSuccess: refresh,
    }),
    change: useMutation({
      mutationFn: ({ id, input }: { id: string; input: MemoInput }): Promise<Memo> =>
        api.put(`${base(patientId)}/memos/${encodeURIComponent(id)}`, input),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string): Promise<void> => api.delete(`${base(patientId)}/memos/${encodeURIComponent(id)}`),
      onSuccess: refresh,
    }),
  };
}

// --- Personalia ---

export const personaliaGroups = ['names', 'birth', 'address', 'contact', 'insurance', 'pharmacy'] as const;
export type PersonaliaGroup = (typeof personaliaGroups)[number];

export interface Personalia {
  patientId: string;
  displayId: string;
  identification: { bsn: string | null; bsnMasked: boolean; legacyId: string | null };
  names: {
    initials: string | null;
    givenNames: string | null;
    roepnaam: string;
    familyNamePrefix: string | null;
    familyName: string;
  };
  birth: { birthDate: string; gender: 'male' | 'female' | 'other' | 'unknown'; nationality: string };
  address: {
    street: string | null;
    houseNumber: string | null;
    houseNumberSuffix: string | null;
    postcode: string | null;
    city: string | null;
    country: string;
  };
  contact: { phone: string | null; email: string | null };
  insurance: {
    insuranceCountry: string;
    foreignIdType: 'passport' | 'id-card' | null;
    foreignIdNumber: string | null;
    lastInsuranceCheck: {
      checkedAt: string;
      outcome: string;
      insurerName: string | null;
      uzoviCode: string | null;
      policyNumber: string | null;
    } | null;
  };
  enrolments: {
    id: string;
    practice: { id: string; name: string };
    validFrom: string;
    validTo: string | null;
    current: boolean;
  }[];
  pharmacy: { pharmacyId: string | null; pharmacyName: string | null };
  editableGroups: PersonaliaGroup[];
}

const personaliaKey = (patientId: string) => ['werkplek', 'patients', 'record', patientId, 'personalia'] as const;

export function personaliaQuery(patientId: string, client: ApiClient = api) {
  return queryOptions({
    queryKey: personaliaKey(patientId),
    queryFn: ({ signal }): Promise<Personalia> => client.get(`${base(patientId)}/personalia`, signal),
  });
}

/** The pencil: one group saved as a whole. The Infopaneel shows some of it, so the card is asked again. */
export function useSavePersonaliaGroup(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ group, values }: { group: PersonaliaGroup; values: Record<string, string | null> }): Promise<Personalia> =>
      api.patch(`${base(patientId)}/personalia/${group}`, values),
    onSuccess: (personalia) => {
      queryClient.setQueryData(personaliaKey(patientId), personalia);
      void queryClient.invalidateQueries({ queryKey: patientCardKey(patientId) });
    },
  });
}

export interface Pharmacy {
  id: string;
  name: string;
  city: string | null;
}

export function pharmaciesQuery(client: ApiClient = api) {
  return queryOptions({
    queryKey: ['werkplek', 'pharmacies'] as const,
    queryFn: ({ signal }): Promise<{ pharmacies: Pharmacy[] }> => client.get('/api/werkplek/pharmacies', signal),
    staleTime: 10 * 60_000,
  });
}

// --- Overschrijven ---

export interface TransferResult {
  enrolmentId: string;
  practice: { id: string; name: string };
  previousPractice: { id: string; name: string } | null;
  validFrom: string;
}

/** The BSN and birth date the new practice searched with (seed 001 §7.1): proof it knows who it takes over. */
export interface TransferIdentity {
  bsn: string;
  /** ISO date. */
  birthDate: string;
}

export function useTransferPatient(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (identity: TransferIdentity): Promise<TransferResult> =>
      api.post(`${base(patientId)}/transfer`, { ...identity, confirm: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['werkplek', 'patients'] }),
  });
}

// --- Naar jezelf verwijzen ---

/** A chain partner refers a patient found by BSN and birth date to its own organisation (seed 001 §7.4). */
export function useSelfReferral(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (identity: TransferIdentity): Promise<{ referred: true; newReferral: boolean }> =>
      api.post(`${base(patientId)}/self-referral`, { ...identity, confirm: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['werkplek', 'patients'] }),
  });
}
