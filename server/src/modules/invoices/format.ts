// Dutch invoice formatting: "€ 1.234,56" and dd-mm-jjjj; patient names as initials + family name.

export function euro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${sign}${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** YYYY-MM-DD → dd-mm-jjjj. */
export function dutchDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}

/** "J.P. de Vries": initials (or the first letter of the roepnaam) + tussenvoegsel + family name. */
export function patientName(patient: {
  initials: string | null;
  roepnaam: string;
  familyNamePrefix: string | null;
  familyName: string;
}): string {
  const initials = patient.initials?.trim() || `${patient.roepnaam.slice(0, 1).toUpperCase()}.`;
  return [initials, patient.familyNamePrefix, patient.familyName].filter(Boolean).join(' ');
}

/** A BSN on screen: only the last three digits (the declaration file carries the full number). */
export function maskBsn(bsn: string | null): string | null {
  return bsn ? `${'*'.repeat(Math.max(0, bsn.length - 3))}${bsn.slice(-3)}` : null;
}
