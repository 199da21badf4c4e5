import type { LocalText, Programme } from '@keten/forms';
import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, api } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { patientCardKey } from '../patients/patients-api';

// Activiteiten and the task page (docs/clinical-record.md §2; server/src/modules/clinical-record/routes.ts):
// the tasks a role may start, one task's form with the author's draft, autosave, publish.

const base = (patientId: string) => `/api/werkplek/patients/${encodeURIComponent(patientId)}`;
const taskBase = (patientId: string, formKey: string) => `${base(patientId)}/tasks/${encodeURIComponent(formKey)}`;

/** Everything of one patient's record in the query cache: publishing changes Historie, Monitoring, Activiteiten… */
const recordKey = (patientId: string) => ['werkplek', 'patients', 'record', patientId] as const;

// --- Activiteiten ---

export interface TaskCriterion {
  kind: string;
  text: LocalText;
}

export interface Task {
  formKey: string;
  version: number;
  title: LocalText;
  active: boolean;
  unmet: TaskCriterion[];
  usedOnce: boolean;
  draft: { savedAt: string } | null;
}

export interface ActivityGroup {
  programme: Programme | null;
  trajectory: { id: string; startedOn: string; organisationName: string } | null;
  tasks: Task[];
}

export interface Activities {
  groups: ActivityGroup[];
}

export const activitiesKey = (patientId: string) => [...recordKey(patientId), 'activities'] as const;

export function activitiesQuery(patientId: string, client: ApiClient = api) {
  return queryOptions({
    queryKey: activitiesKey(patientId),
    queryFn: ({ signal }): Promise<Activities> => client.get(`${base(patientId)}/activities`, signal),
  });
}

// --- One task ---

export interface TaskDefinition {
  key: string;
  version: number;
  title: LocalText;
  recordType: string;
  questionnaire: Questionnaire;
}

/** What a "Verwijzing …" draft kept: the organisation chosen and the letter uploaded (a reference to the stored file). */
export interface DraftReferral {
  toOrganisationId: string | null;
  letter: { id: string; fileName: string; contentType: string; size: number } | null;
}

export interface TaskDraft {
  response: QuestionnaireResponse;
  savedAt: string;
  definitionVersion: number;
  /** Referral tasks: null (or absent) when nothing was chosen yet. */
  referral?: DraftReferral | null;
}

export interface TaskDetail {
  definition: TaskDefinition;
  draft: TaskDraft | null;
  /** The entry being edited ("Bewerken"); the server may send its newest response along. */
  entry: { id: string; version: number; response?: QuestionnaireResponse } | null;
}

export function taskQuery(patientId: string, formKey: string, entryId: string | undefined, client: ApiClient = api) {
  const query = entryId ? `?${new URLSearchParams({ entryId })}` : '';
  return queryOptions({
    queryKey: [...recordKey(patientId), 'task', formKey, entryId ?? null] as const,
    queryFn: ({ signal }): Promise<TaskDetail> => client.get(`${taskBase(patientId, formKey)}${query}`, signal),
    // A draft may have changed elsewhere (another tab, the autosave of the last visit): always ask again.
    staleTime: 0,
    gcTime: 0,
  });
}

/** The entry's newest version, the starting point of "Bewerken" (GET /history/:entryId). */
export interface EntryResponse {
  response?: QuestionnaireResponse;
}

export function entryResponseQuery(patientId: string, entryId: string, client: ApiClient = api) {
  return queryOptions({
    queryKey: [...recordKey(patientId), 'history', 'entry', entryId, 'latest'] as const,
    queryFn: ({ signal }): Promise<EntryResponse> =>
      client.get(`${base(patientId)}/history/${encodeURIComponent(entryId)}`, signal),
    staleTime: 0,
    gcTime: 0,
  });
}

export interface DraftBody {
  response: QuestionnaireResponse;
  entryId?: string;
  /** Referral tasks: the organisation and letter on screen (null: none); absent, the draft keeps what it had. */
  referral?: { toOrganisationId: string | null; letterBlobId: string | null };
}

export function saveDraft(
  patientId: string,
  formKey: string,
  body: DraftBody,
  client: ApiClient = api,
): Promise<{ savedAt: string }> {
  return client.put(`${taskBase(patientId, formKey)}/draft`, body);
}

export function deleteDraft(patientId: string, formKey: string, entryId?: string, client: ApiClient = api): Promise<void> {
  const query = entryId ? `?${new URLSearchParams({ entryId })}` : '';
  return client.delete(`${taskBase(patientId, formKey)}/draft${query}`);
}

/**
 * The autosave when the page is hidden or closed: a plain `fetch` with `keepalive`, so the browser finishes it after
 * the page is gone (what `sendBeacon` does, but with the same PUT + JSON as every other draft save).
 */
export function saveDraftOnLeave(patientId: string, formKey: string, body: DraftBody): void {
  try {
    void globalThis
      .fetch(`${taskBase(patientId, formKey)}/draft`, {
        method: 'PUT',
        keepalive: true,
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, application/problem+json',
          'Accept-Language': currentLanguage(),
        },
        body: JSON.stringify(body),
      })
      .catch(() => undefined);
  } catch {
    // Leaving the page: nothing left to tell the user.
  }
}

export interface PublishBody {
  response: QuestionnaireResponse;
  /** The same id for every retry of one "Publiceren": the server never makes a second entry from it. */
  requestId: string;
  entryId?: string;
  /** "Verwijzing …" tasks: the receiving organisation and the uploaded letter (issue 7). */
  referral?: { toOrganisationId: string; letterBlobId: string | null };
}

export interface Published {
  entryId: string;
  version: number;
  publishedAt: string;
}

export function publishTask(patientId: string, formKey: string, body: PublishBody, client: ApiClient = api): Promise<Published> {
  return client.post(`${taskBase(patientId, formKey)}/publish`, body);
}

/** Publiceren: afterwards Historie, Monitoring, Dagcurves and Activiteiten (once-only, trajectories) change. */
export function usePublishTask(patientId: string, formKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishBody) => publishTask(patientId, formKey, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordKey(patientId) });
      void queryClient.invalidateQueries({ queryKey: patientCardKey(patientId) });
    },
  });
}

export function useDeleteDraft(patientId: string, formKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string | undefined) => deleteDraft(patientId, formKey, entryId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: activitiesKey(patientId) }),
  });
}
