import { patientPath } from '../patients/patient-paths';

/** A task's address: `/werkplek/patienten/1/taak/consult-poh-dm2`, with `?entry=ID` for "Bewerken" of an entry. */
export function taskPath(patientId: string, formKey: string, entryId?: string): string {
  const path = `${patientPath(patientId)}/taak/${encodeURIComponent(formKey)}`;
  return entryId ? `${path}?${new URLSearchParams({ entry: entryId })}` : path;
}
