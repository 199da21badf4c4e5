import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, api } from '../../api/client';
import { uploadFile } from '../../api/upload';
import type { ResultSignal } from '../signals/results-api';

// Verwijzingen and Signalen (issue 7; server/src/modules/referrals/routes.ts): where a "Verwijzing …" task can go,
// the referral letter upload, the Signalen counts (navigation badge) and list, the letter download in Historie.

export interface ReferralTargets {
  toOrganisationType: string;
  toRole: string | null;
  organisations: { id: string; name: string; city: string | null }[];
}

export function referralTargetsQuery(formKey: string, client: ApiClient = api) {
  return queryOptions({
    queryKey: ['werkplek', 'referral-targets', formKey] as const,
    queryFn: ({ signal }): Promise<ReferralTargets> =>
      client.get(`/api/werkplek/referral-targets?${new URLSearchParams({ formKey })}`, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export interface UploadedLetter {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** Uploads the letter as raw bytes; the server decides the type from the content (PDF, PNG, JPEG; ≤ 10 MB). */
export function uploadReferralLetter(file: File, fetcher?: typeof fetch) {
  return uploadFile<UploadedLetter>('/api/werkplek/referral-letters', file, fetcher);
}

/** What a "Verwijzing …" entry sent, as Historie shows it. */
export interface ReferralDetail {
  id: string;
  toOrganisation: { id: string; name: string };
  toRole: string | null;
  reason: string;
  urgency: string | null;
  contact: { phone: string | null; email: string | null; availability: string | null };
  letter: { fileName: string; contentType: string; size: number } | null;
  createdAt: string;
  openedAt: string | null;
}

export function referralLetterUrl(patientId: string, entryId: string): string {
  return `/api/werkplek/patients/${encodeURIComponent(patientId)}/history/${encodeURIComponent(entryId)}/referral-letter`;
}

export interface SignalCounts {
  total: number;
  referrals: number;
  messages: number | null;
  /** Uitslagen: new results (not in `total`; the badge counts referrals). */
  results: number;
}

export interface ReferralSignal {
  id: string;
  patientId: string;
  patientDisplayId: string;
  patientName: string;
  birthDate: string;
  fromName: string;
  fromOrganisationName: string;
  reason: string;
  urgency: string | null;
  formKey: string | null;
  createdAt: string;
}

export const signalsKey = ['werkplek', 'signals'] as const;

/** The badge: counts only (no patient data), refreshed now and then and after opening a patient. */
export function signalCountsQuery(client: ApiClient = api) {
  return queryOptions({
    queryKey: [...signalsKey, 'count'] as const,
    queryFn: ({ signal }): Promise<SignalCounts> => client.get('/api/werkplek/signals/count', signal),
    refetchInterval: 60_000,
    staleTime: 0,
  });
}

export function signalsQuery(client: ApiClient = api) {
  return queryOptions({
    queryKey: [...signalsKey, 'list'] as const,
    queryFn: ({ signal }): Promise<SignalCounts & { referralItems: ReferralSignal[]; resultItems: ResultSignal[] }> =>
      client.get('/api/werkplek/signals', signal),
    staleTime: 0,
  });
}
