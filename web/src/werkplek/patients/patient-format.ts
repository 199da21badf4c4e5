import { formatDate, parseDate } from '../../ui/format';

// How a patient is named and described on screen (seed 001 §5.1 "Infopaneel"; search results).

/** "Anna de Jong": roepnaam, tussenvoegsel, achternaam. */
export function patientName(patient: { roepnaam: string; familyNamePrefix: string | null; familyName: string }): string {
  return [patient.roepnaam, patient.familyNamePrefix, patient.familyName].filter((part) => part && part.trim() !== '').join(' ');
}

/** Today as an ISO date in Amsterdam (a birthday turns at midnight Dutch time). */
export function todayInAmsterdam(now: Date = new Date()): string {
  const [day, month, year] = formatDate(now).split('-');
  return `${year}-${month}-${day}`;
}

/** Age in whole years on `today` (ISO dates). */
export function ageOn(birthDate: string, today: string = todayInAmsterdam()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) return 0;
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return Math.max(0, ty - by - (hadBirthday ? 0 : 1));
}

/** A BSN as typed ("1234.56.782", " 12345678 ") as 9 digits; 8 digits get the leading zero. */
export function normaliseBsn(text: string): string {
  const digits = text.replace(/[\s.-]/g, '');
  return /^\d{8}$/.test(digits) ? `0${digits}` : digits;
}

/**
 * The 11-proef (product.md §7): nine digits d1…d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11,
 * and not 000000000. The server checks the same; here it gives the message before "Volgende stap".
 */
export function isValidBsn(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(value[i]);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/** The BSN and birth date in a search ("999990019 12-03-1961"), as the server reads them; null if either is missing. */
export function exactIdentityOf(query: string): { bsn: string; birthDate: string } | null {
  let bsn: string | undefined;
  let birthDate: string | undefined;
  for (const term of query.trim().split(/\s+/)) {
    if (/^\d{9}$/.test(term) && isValidBsn(term)) bsn = term;
    else if (/^\d{1,2}[-./]\d{1,2}[-./]\d{4}$/.test(term)) birthDate = parseDate(term) ?? birthDate;
  }
  return bsn && birthDate ? { bsn, birthDate } : null;
}
