import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, api } from '../../api/client';
import { refreshSession } from '../auth/session';

// Instellingen endpoints (server/src/modules/settings/routes.ts, server/src/auth/routes.ts).

/** The message types that can also send an email, in the order of the screen. */
export const messageTypes = ['referral', 'message', 'consultation', 'result', 'appointment-reminder'] as const;
export type MessageType = (typeof messageTypes)[number];

export interface NotificationPreference {
  type: MessageType;
  sendEmail: boolean;
}

export interface NotificationSettings {
  preferences: NotificationPreference[];
}

export function fetchNotificationSettings(client: ApiClient = api, signal?: AbortSignal): Promise<NotificationSettings> {
  return client.get('/api/werkplek/account/notifications', signal);
}

export function saveNotificationSettings(settings: NotificationSettings, client: ApiClient = api): Promise<NotificationSettings> {
  return client.put('/api/werkplek/account/notifications', settings);
}

export const notificationSettingsKey = ['werkplek', 'settings', 'notifications'] as const;

export function notificationSettingsQuery() {
  return queryOptions({
    queryKey: notificationSettingsKey,
    queryFn: ({ signal }) => fetchNotificationSettings(undefined, signal),
  });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: NotificationSettings) => saveNotificationSettings(settings),
    onSuccess: (saved) => queryClient.setQueryData(notificationSettingsKey, saved),
  });
}

export function acceptTerms(client: ApiClient = api): Promise<{ status: 'ok' }> {
  return client.post('/api/werkplek/account/terms');
}

export function useAcceptTerms() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => acceptTerms(), onSuccess: () => refreshSession(queryClient) });
}

/** "Account afmelden": the account can no longer log in; the server ends every session. */
export function deregisterAccount(client: ApiClient = api): Promise<{ status: 'ok' }> {
  return client.post('/api/werkplek/account/deregister', { confirm: true });
}
