import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, api } from '../../api/client';
import { uploadFile } from '../../api/upload';

// Berichten endpoints (server/src/modules/messages/routes.ts).

export type ThreadKind = 'personal' | 'consultation' | 'helpdesk';
export interface RoleRef {
  code: string;
  nl: string;
  en: string;
}

export interface ThreadSummary {
  id: string;
  kind: ThreadKind;
  subject: string;
  aboutPatient: boolean;
  createdAt: string;
  lastMessageAt: string;
  unread: boolean;
  archived: boolean;
  lastAuthor: string;
  preview: string;
  participants: string[];
  messageCount: number;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface ThreadDetail {
  id: string;
  kind: ThreadKind;
  subject: string;
  createdAt: string;
  archived: boolean;
  patient: { id: string; name: string; birthDate: string } | null;
  participants: { accountId: string; name: string; role: RoleRef; organisation: string; viaGroup: string | null }[];
  messages: {
    id: string;
    author: { accountId: string; name: string; role: RoleRef; organisation: string };
    body: string;
    createdAt: string;
    attachments: Attachment[];
    mine: boolean;
  }[];
}

export interface DirectoryEntry {
  accountId: string;
  name: string;
  username: string;
  role: RoleRef;
  organisation: { id: string; name: string };
}

export interface Directory {
  accounts: DirectoryEntry[];
  groups: {
    roles: (RoleRef & { members: number })[];
    organisations: { id: string; name: string; members: number }[];
  };
}

export type RecipientGroup = { type: 'role'; role: string } | { type: 'organisation'; organisationId: string };

export interface NewMessage {
  subject: string;
  body: string;
  recipients: string[];
  groups: RecipientGroup[];
  patientId?: string | null;
  attachmentIds: string[];
}

export const messagesKey = ['werkplek', 'messages'] as const;

export function threadsQuery(box: 'inbox' | 'archive') {
  return queryOptions({
    queryKey: [...messagesKey, 'threads', box],
    queryFn: ({ signal }) => api.get<{ threads: ThreadSummary[] }>(`/api/werkplek/messages?box=${box}`, signal),
  });
}

export function threadQuery(threadId: string) {
  return queryOptions({
    queryKey: [...messagesKey, 'thread', threadId],
    queryFn: ({ signal }) => api.get<ThreadDetail>(`/api/werkplek/messages/${encodeURIComponent(threadId)}`, signal),
  });
}

export function unreadCountQuery() {
  return queryOptions({
    queryKey: [...messagesKey, 'unread'],
    queryFn: ({ signal }) => api.get<{ unread: number }>('/api/werkplek/messages/unread-count', signal),
    refetchInterval: 60_000,
  });
}

export function directoryQuery(query: string) {
  return queryOptions({
    queryKey: [...messagesKey, 'directory', query],
    queryFn: ({ signal }) => api.get<Directory>(`/api/werkplek/messages/directory?query=${encodeURIComponent(query)}`, signal),
    staleTime: 30_000,
  });
}

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: NewMessage) => api.post<{ threadId: string; recipients: number }>('/api/werkplek/messages', message),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey }),
  });
}

export function useReply(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reply: { body: string; attachmentIds: string[] }) =>
      api.post<{ messageId: string }>(`/api/werkplek/messages/${encodeURIComponent(threadId)}/replies`, reply),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey }),
  });
}

export function useArchive(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => api.put(`/api/werkplek/messages/${encodeURIComponent(threadId)}/archived`, { archived }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey }),
  });
}

/** Uploads one file as raw bytes; the server decides the type from the content (PDF, PNG, JPEG). */
export function uploadAttachment(file: File, fetcher?: typeof fetch) {
  return uploadFile<Attachment & { sha256: string }>('/api/werkplek/attachments', file, fetcher);
}

export function attachmentUrl(id: string): string {
  return `/api/werkplek/attachments/${encodeURIComponent(id)}`;
}

export async function downloadAttachment(id: string, client: ApiClient = api) {
  return client.download(attachmentUrl(id));
}
