import { werkplekPaths } from '../navigation';

/** The address of a patient's record, optionally at one tab (`/werkplek/patienten/1/memos`). */
export function patientPath(id: string, tabSlug?: string): string {
  const base = `${werkplekPaths.patientSearch}/${encodeURIComponent(id)}`;
  return tabSlug ? `${base}/${tabSlug}` : base;
}
