import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

// Signalen "Uitslagen" (issue 7; server/src/patient-data/result-signals.ts): new results of the patients I have a
// treatment relationship with, since I last pressed "Gezien". What and when only — the values are in Monitoring.

export type ResultSignalKind = 'lab-result' | 'microbiology' | 'pathology' | 'radiology' | 'measurement';

export interface ResultSignal {
  /** `document:<id>` or `measurement:<id>` */
  id: string;
  patientId: string;
  patientDisplayId: string;
  patientName: string;
  birthDate: string;
  kind: ResultSignalKind;
  what: { nl: string; en: string };
  createdAt: string;
}

/** "Gezien": the results until now are no longer new; the Signalen list and counts refresh. */
export function useMarkResultsSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ seenAt: string; results: number }>('/api/werkplek/signals/results/seen', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['werkplek', 'signals'] }),
  });
}
