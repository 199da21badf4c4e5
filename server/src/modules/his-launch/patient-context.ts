import type { HisPatientContext } from './tables.js';

// The patient fields a HIS sends with a launch (seed 000; product.md §2: BSN, birth date, name, gender, address),
// turned into the fields of "Patiënt toevoegen" (modules/patients/schemas.ts `newPatientBody`). HISes differ in
// formats, so parsing is lenient: what cannot be understood is left empty for the user to fill in, and the
// launch itself never fails on patient data. Lengths are cut to what the add-patient form accepts.

/** The query parameters of the patient context, as HIS vendors configure them (docs/his-launch.md). */
export const PATIENT_PARAMETERS = [
  'bsn',
  'geboortedatum',
  'achternaam',
  'tussenvoegsel',
  'voorletters',
  'roepnaam',
  'geslacht',
  'straat',
  'huisnummer',
  'huisnummertoevoeging',
  'postcode',
  'woonplaats',
] as const;

export type PatientParameters = Partial<Record<(typeof PATIENT_PARAMETERS)[number], string | undefined>>;

function text(value: string | undefined, max: number): string | null {
  const trimmed = value?.trim().replace(/\s+/g, ' ');
  return trimmed ? trimmed.slice(0, max) : null;
}

/** Digits only (HISes write "9999.90.019" or "999 990 019"); an 8-digit BSN gets its leading zero back. */
export function parseHisBsn(value: string | undefined): string | null {
  const digits = value?.replace(/[\s.-]/g, '') ?? '';
  if (/^\d{8}$/.test(digits)) return `0${digits}`;
  return /^\d{9}$/.test(digits) ? digits : null;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1850) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "12-03-1961" (dd-mm-jjjj, also with / or .), "19610312" (yyyymmdd) or "1961-03-12" → "1961-03-12"; else null. */
export function parseHisBirthDate(value: string | undefined): string | null {
  const input = value?.trim() ?? '';
  const dutch = input.match(/^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/);
  if (dutch) return isoDate(Number(dutch[3]), Number(dutch[2]), Number(dutch[1]));
  const compact = input.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const iso = input.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** M (man), V (vrouw), O (onbekend/overig, as HISes use it); also the English letters. */
export function parseHisGender(value: string | undefined): HisPatientContext['gender'] {
  const code = value?.trim().toUpperCase();
  if (!code) return null;
  if (code === 'M' || code === 'MAN' || code === 'MALE') return 'male';
  if (code === 'V' || code === 'F' || code === 'VROUW' || code === 'FEMALE') return 'female';
  if (code === 'O' || code === 'X') return 'other';
  return 'unknown';
}

/** "12a", "12 A", "12-2", "12 bis" → number "12" and suffix; a separate suffix parameter wins. */
export function splitHouseNumber(
  value: string | undefined,
  suffix: string | undefined,
): { houseNumber: string | null; houseNumberSuffix: string | null } {
  const explicitSuffix = text(suffix, 10);
  const input = text(value, 30);
  if (!input) return { houseNumber: null, houseNumberSuffix: explicitSuffix };
  const match = input.match(/^(\d{1,6})\s*[-/]?\s*(.*)$/);
  if (!match) return { houseNumber: input.slice(0, 10), houseNumberSuffix: explicitSuffix };
  return { houseNumber: match[1] ?? null, houseNumberSuffix: explicitSuffix ?? text(match[2], 10) };
}

/** A Dutch postcode in the form "1234 AB"; anything else as sent (a foreign address), at most 10 characters. */
export function normalisePostcode(value: string | undefined): string | null {
  const input = text(value, 10);
  if (!input) return null;
  const dutch = input.replace(/\s/g, '').match(/^([1-9]\d{3})([A-Za-z]{2})$/);
  return dutch ? `${dutch[1]} ${dutch[2]?.toUpperCase()}` : input;
}

export function parsePatientContext(parameters: PatientParameters): HisPatientContext {
  const house = splitHouseNumber(parameters.huisnummer, parameters.huisnummertoevoeging);
  return {
    bsn: parseHisBsn(parameters.bsn),
    birthDate: parseHisBirthDate(parameters.geboortedatum),
    roepnaam: text(parameters.roepnaam, 60),
    initials: text(parameters.voorletters, 20),
    familyNamePrefix: text(parameters.tussenvoegsel, 20),
    familyName: text(parameters.achternaam, 120),
    gender: parseHisGender(parameters.geslacht),
    street: text(parameters.straat, 120),
    ...house,
    postcode: normalisePostcode(parameters.postcode),
    city: text(parameters.woonplaats, 80),
  };
}

/** True when the HIS sent no patient at all (the launch opens Keten without a patient). */
export function isEmptyContext(context: HisPatientContext): boolean {
  return !context.bsn && !context.birthDate && !context.familyName;
}
