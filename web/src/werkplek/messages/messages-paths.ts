export const messagesPaths = {
  inbox: '/werkplek/berichten',
  archive: '/werkplek/berichten?map=archief',
  compose: '/werkplek/berichten/nieuw',
  thread: (threadId: string) => `/werkplek/berichten/${encodeURIComponent(threadId)}`,
} as const;

/** What the Infopaneel hands to the new-message form (router state: the patient never goes into the URL). */
export interface ComposeState {
  patient?: { id: string; name: string; displayId: string };
  helpdesk?: boolean;
}
