import { formatDate, parseDate } from '../../ui/format';
import { isValidBsn, normaliseBsn, todayInAmsterdam } from './patient-format';
import type { Gender, InsuranceCheck, NewPatient } from './patients-api';

// "Patiënt toevoegen" (seed 001 §4) as data: the form's values (as typed), the steps and which fields
// each holds, the checks before "Volgende stap", the body for the API, and the draft in sessionStorage.

export interface AddPatientValues {
  insuranceCountry: string;
  bsn: string;
  /** As typed: dd-mm-jjjj. */
  birthDate: string;
  foreignIdType: '' | 'passport' | 'id-card';
  foreignIdNumber: string;
  nationality: string;
  initials: string;
  givenNames: string;
  roepnaam: string;
  familyNamePrefix: string;
  familyName: string;
  gender: '' | Gender;
  postcode: string;
  houseNumber: string;
  houseNumberSuffix: string;
  street: string;
  city: string;
  country: string;
  phone: string;
  email: string;
  /** Optional; '' = none. */
  pharmacyId: string;
}

export type AddPatientField = keyof AddPatientValues;

export const emptyValues: AddPatientValues = {
  insuranceCountry: 'NL',
  bsn: '',
  birthDate: '',
  foreignIdType: '',
  foreignIdNumber: '',
  nationality: 'NL',
  initials: '',
  givenNames: '',
  roepnaam: '',
  familyNamePrefix: '',
  familyName: '',
  gender: '',
  postcode: '',
  houseNumber: '',
  houseNumberSuffix: '',
  street: '',
  city: '',
  country: 'NL',
  phone: '',
  email: '',
  pharmacyId: '',
};

/** The three steps and the fields on each; a server message for a field opens its step. */
export const addPatientSteps = [
  { key: 'insurance', fields: ['insuranceCountry', 'bsn', 'birthDate', 'foreignIdType', 'foreignIdNumber', 'nationality'] },
  { key: 'person', fields: ['initials', 'givenNames', 'roepnaam', 'familyNamePrefix', 'familyName', 'gender'] },
  {
    key: 'address',
    fields: ['postcode', 'houseNumber', 'houseNumberSuffix', 'street', 'city', 'country', 'phone', 'email', 'pharmacyId'],
  },
] as const satisfies readonly { key: string; fields: readonly string[] }[];

export type AddPatientStep = 0 | 1 | 2;

/** The step that holds `field`; undefined for a field the form does not show. */
export function stepOfField(field: string): AddPatientStep | undefined {
  const index = addPatientSteps.findIndex((step) => (step.fields as readonly string[]).includes(field));
  return index >= 0 ? (index as AddPatientStep) : undefined;
}

export function isDutchInsurance(values: AddPatientValues): boolean {
  return values.insuranceCountry === 'NL';
}

export interface ValidationMessages {
  required: string;
  bsnElevenTest: string;
  bsnDigits: string;
  date: string;
  dateInFuture: string;
  postcode: string;
  email: string;
}

export type FieldErrors = Partial<Record<AddPatientField, string>>;

const dutchPostcode = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks of one step before "Volgende stap" or "Opslaan" (the server checks again). */
export function validateStep(step: AddPatientStep, values: AddPatientValues, messages: ValidationMessages): FieldErrors {
  const errors: FieldErrors = {};
  const required = (field: AddPatientField) => {
    if (String(values[field]).trim() === '') errors[field] = messages.required;
  };
  if (step === 0) {
    if (isDutchInsurance(values)) {
      const bsn = normaliseBsn(values.bsn);
      if (bsn === '') errors.bsn = messages.required;
      else if (!/^\d{9}$/.test(bsn)) errors.bsn = messages.bsnDigits;
      else if (!isValidBsn(bsn)) errors.bsn = messages.bsnElevenTest;
    } else {
      required('foreignIdType');
      required('foreignIdNumber');
    }
    if (values.birthDate.trim() === '') errors.birthDate = messages.required;
    else {
      const iso = parseDate(values.birthDate);
      if (!iso) errors.birthDate = messages.date;
      else if (iso > todayInAmsterdam()) errors.birthDate = messages.dateInFuture;
    }
    required('insuranceCountry');
    required('nationality');
  }
  if (step === 1) {
    required('roepnaam');
    required('familyName');
    required('gender');
  }
  if (step === 2) {
    const postcode = values.postcode.trim();
    if (postcode && values.country === 'NL' && !dutchPostcode.test(postcode)) errors.postcode = messages.postcode;
    const email = values.email.trim();
    if (email && !emailShape.test(email)) errors.email = messages.email;
  }
  return errors;
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** The API body (`newPatientBody`); the insurance check made at "Volgende stap" goes with it. */
export function toNewPatient(values: AddPatientValues, insuranceCheckId: string | null): NewPatient {
  const dutch = isDutchInsurance(values);
  return {
    insuranceCountry: values.insuranceCountry,
    bsn: dutch ? normaliseBsn(values.bsn) : null,
    foreignIdType: dutch || values.foreignIdType === '' ? null : values.foreignIdType,
    foreignIdNumber: dutch ? null : text(values.foreignIdNumber),
    nationality: values.nationality,
    initials: text(values.initials),
    givenNames: text(values.givenNames),
    roepnaam: values.roepnaam.trim(),
    familyNamePrefix: text(values.familyNamePrefix),
    familyName: values.familyName.trim(),
    birthDate: parseDate(values.birthDate) ?? values.birthDate.trim(),
    gender: (values.gender || 'unknown') as Gender,
    street: text(values.street),
    houseNumber: text(values.houseNumber),
    houseNumberSuffix: text(values.houseNumberSuffix),
    postcode: text(values.postcode),
    city: text(values.city),
    country: values.country,
    phone: text(values.phone),
    email: text(values.email),
    pharmacyId: /^\d+$/.test(values.pharmacyId) ? values.pharmacyId : null,
    insuranceCheckId: dutch ? insuranceCheckId : null,
  };
}

/** What the insurance check was made for: a changed BSN or birth date needs a new check. */
export function insuranceKey(values: AddPatientValues): string {
  return `${normaliseBsn(values.bsn)}|${parseDate(values.birthDate) ?? ''}`;
}

// ---- The draft: never lost (product.md §6), also not on a reload, until the patient is saved. ----

export interface AddPatientDraft {
  step: AddPatientStep;
  values: AddPatientValues;
  /** The check made at "Volgende stap", with what it was made for. */
  insurance: { check: InsuranceCheck; key: string } | null;
  /** The user chose to continue without a positive check (not insured, or the service unavailable). */
  continuedWithoutCheck: boolean;
  /** Filled in from the HIS (seed 000): said once on the form. */
  fromHis: boolean;
}

export const draftStorageKey = 'keten.werkplek.patient-toevoegen';

export function newDraft(values: Partial<AddPatientValues> = {}, fromHis = false): AddPatientDraft {
  return { step: 0, values: { ...emptyValues, ...values }, insurance: null, continuedWithoutCheck: false, fromHis };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored draft, if there is one that still fits the form. */
export function loadDraft(storage: Storage | undefined = globalThis.sessionStorage): AddPatientDraft | null {
  try {
    const raw = storage?.getItem(draftStorageKey);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed) || !isRecord(parsed.values)) return null;
    const values = { ...emptyValues };
    for (const key of Object.keys(emptyValues) as AddPatientField[]) {
      const value = parsed.values[key];
      if (typeof value === 'string') (values as Record<string, string>)[key] = value;
    }
    const step = parsed.step === 1 || parsed.step === 2 ? parsed.step : 0;
    const insurance =
      isRecord(parsed.insurance) && isRecord(parsed.insurance.check) && typeof parsed.insurance.key === 'string'
        ? { check: parsed.insurance.check as unknown as InsuranceCheck, key: parsed.insurance.key }
        : null;
    return {
      step,
      values,
      insurance,
      continuedWithoutCheck: parsed.continuedWithoutCheck === true,
      fromHis: parsed.fromHis === true,
    };
  } catch {
    return null;
  }
}

export function saveDraft(draft: AddPatientDraft, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(draftStorageKey, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form still works, only a reload would lose it.
  }
}

export function clearDraft(storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    storage?.removeItem(draftStorageKey);
  } catch {
    // nothing to do
  }
}

/** Whether anything was typed (an untouched form is not worth a "concept teruggezet" notice). */
export function hasInput(values: AddPatientValues): boolean {
  return (Object.keys(emptyValues) as AddPatientField[]).some((key) => values[key] !== emptyValues[key]);
}

/**
 * Values from a HIS launch (`prefill`: newPatientBody fields, the birth date as ISO). Unknown or odd members
 * are left out; the user checks and completes the rest.
 */
export function valuesFromPrefill(prefill: unknown): Partial<AddPatientValues> {
  if (!isRecord(prefill)) return {};
  const values: Partial<AddPatientValues> = {};
  for (const key of Object.keys(emptyValues) as AddPatientField[]) {
    const value = prefill[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (key === 'birthDate') values.birthDate = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
    else if (key === 'gender') {
      if (value === 'male' || value === 'female' || value === 'other' || value === 'unknown') values.gender = value;
    } else if (key === 'foreignIdType') {
      if (value === 'passport' || value === 'id-card') values.foreignIdType = value;
    } else (values as Record<string, string>)[key] = value;
  }
  return values;
}
