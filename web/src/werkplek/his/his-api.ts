import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, api } from '../../api/client';

// HIS launch and the practice's HIS settings (server/src/modules/his-launch/routes.ts + schemas.ts; docs/his-launch.md).

/** Patient data from the HIS for "Patiënt toevoegen"; every field may be empty. */
export interface HisPrefill {
  bsn: string | null;
  birthDate: string | null;
  roepnaam: string | null;
  initials: string | null;
  familyNamePrefix: string | null;
  familyName: string | null;
  gender: 'male' | 'female' | 'other' | 'unknown' | null;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string | null;
  postcode: string | null;
  city: string | null;
}

export type HisContinueResponse =
  | { action: 'open-patient'; patientId: string }
  | { action: 'add-patient'; prefill: HisPrefill }
  | { action: 'dashboard' };

/** Continue a launch as the logged-in account (the launch is bound to one account and works once). */
export function continueHisLaunch(token: string, client: ApiClient = api): Promise<HisContinueResponse> {
  return client.post(`/api/werkplek/his/launch/${encodeURIComponent(token)}/continue`, {});
}

export interface HisAccount {
  id: string;
  username: string;
  name: string;
  roleName: string;
  gebruikersnummer: number;
  linkCreatedAt: string | null;
}

export interface HisSettings {
  practice: { id: string; name: string };
  configured: boolean;
  organisatienummer: number | null;
  praktijknummer: number | null;
  passwordSet: boolean;
  passwordChangedAt: string | null;
  signingSecretSet: boolean;
  signingSecretCreatedAt: string | null;
  launchUrl: string;
  signedLaunchUrl: string;
  accounts: HisAccount[];
}

export interface HisAccountLink {
  accountId: string;
  username: string;
  gebruikersnummer: number;
  link: string;
  createdAt: string;
}

export interface HisSigningSecret {
  signingSecret: string;
  createdAt: string;
  organisatienummer: number;
  praktijknummer: number;
  signedLaunchUrl: string;
}

export const hisSettingsKey = ['werkplek', 'his', 'settings'] as const;

export function hisSettingsQuery(client: ApiClient = api) {
  return queryOptions({
    queryKey: hisSettingsKey,
    queryFn: ({ signal }): Promise<HisSettings> => client.get('/api/werkplek/his/settings', signal),
  });
}

export function useChangeHisPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (newPassword: string): Promise<HisSettings> => api.put('/api/werkplek/his/settings/password', { newPassword }),
    onSuccess: (settings) => queryClient.setQueryData(hisSettingsKey, settings),
  });
}

export function useNewAccountLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string): Promise<HisAccountLink> =>
      api.post(`/api/werkplek/his/settings/accounts/${encodeURIComponent(accountId)}/link`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hisSettingsKey }),
  });
}

export function useNewSigningSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<HisSigningSecret> => api.post('/api/werkplek/his/settings/signing-secret', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hisSettingsKey }),
  });
}
