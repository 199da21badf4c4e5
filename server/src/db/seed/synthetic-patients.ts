import type { Gender } from '../schema.js';
import { syntheticBsn } from './bsn.js';
import { ageOn, DAYS_PER_YEAR, fromDay, toDay, yearOf } from './dates.js';
import { type PharmacyAbbreviation, PRACTICES, type PracticeAbbreviation } from './demo-region.js';
import { generateAddress, generatePhone } from './dutch-addresses.js';
import { asciiFold, generateName, type NameGender, pickOrigin } from './dutch-names.js';
import {
  type ChronicProgramme,
  chronicMeasurements,
  type GeneratedMeasurement,
  occasionalMeasurements,
  randomChronicProfile,
} from './measurement-series.js';
import { createRandom, hashString, type Random } from './random.js';

// Synthetic patient index → one patient with enrolment, chronic-care trajectories and measurements.
// Pure: the same (seed, index, reference date) gives the same patient, byte for byte, whatever else is
// generated before or after it, so a database can be extended from 2,000 to 100,000 patients later.

export interface SyntheticPatientRow {
  bsn: string;
  initials: string;
  given_names: string;
  roepnaam: string;
  family_name_prefix: string | null;
  family_name: string;
  birth_date: string;
  gender: Gender;
  street: string;
  house_number: string;
  house_number_suffix: string | null;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
}

export interface SyntheticEnrolment {
  practice: PracticeAbbreviation;
  validFrom: string;
  /** Null for the current enrolment; a former one ends on the day the current one starts. */
  validTo: string | null;
}

export interface SyntheticTrajectory {
  programme: ChronicProgramme;
  practice: PracticeAbbreviation;
  startedOn: string;
}

export interface SyntheticPatient {
  index: number;
  patient: SyntheticPatientRow;
  pharmacy: PharmacyAbbreviation | null;
  /** Oldest first; the last one is current (validTo null). */
  enrolments: SyntheticEnrolment[];
  trajectories: SyntheticTrajectory[];
  /** Registered by / received at the current practice. */
  measurements: GeneratedMeasurement[];
}

/** Share of the population per age band (CBS, the Netherlands, rounded). */
const AGE_BANDS: readonly (readonly [number, number])[] = [
  [0, 10.3],
  [10, 11.3],
  [20, 12.7],
  [30, 12.5],
  [40, 11.7],
  [50, 13.9],
  [60, 12.6],
  [70, 10.0],
  [80, 4.2],
  [90, 0.8],
];

/** Yearly prevalence by age band for the chain-care programmes (NIVEL/RIVM orders of magnitude). */
function prevalence(programme: ChronicProgramme, age: number): number {
  const band = (values: readonly number[]) => values[Math.min(Math.floor(age / 10) - 4, values.length - 1)] ?? 0;
  switch (programme) {
    case 'DM2':
      if (age < 25) return 0;
      if (age < 40) return 0.01;
      return band([0.035, 0.08, 0.13, 0.18, 0.19]);
    case 'CVRM':
      return age < 40 ? 0 : band([0.05, 0.09, 0.15, 0.2, 0.22]);
    case 'COPD':
      return age < 40 ? 0 : band([0.012, 0.03, 0.05, 0.07, 0.07]);
  }
}

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

export function generateSyntheticPatient(seed: number, index: number, referenceDate: string): SyntheticPatient {
  const referenceDay = toDay(referenceDate);
  const stream = (name: string): Random => createRandom(seed, index, hashString(name));

  // Who: age, sex, name, address.
  const person = stream('person');
  const band = person.weighted(AGE_BANDS.map(([from, weight]) => [from, weight] as const));
  // Within the oldest band the numbers fall steeply; elsewhere uniform.
  const ageYears = band === 90 ? 90 + Math.min(10.99, -3.5 * Math.log(1 - person.next())) : band + person.next() * 10;
  const birthDay = referenceDay - Math.floor(ageYears * DAYS_PER_YEAR);
  const age = ageOn(birthDay, referenceDay);
  const femaleShare = age >= 90 ? 0.72 : age >= 80 ? 0.6 : age >= 60 ? 0.52 : 0.495;
  const nameGender: NameGender = person.chance(femaleShare) ? 'female' : 'male';
  const gender: Gender = age >= 16 && person.chance(0.001) ? 'other' : nameGender;
  const birthYear = yearOf(birthDay);
  const name = generateName(person, nameGender, birthYear, pickOrigin(person, birthYear));
  const address = generateAddress(person);

  // Contact details: most have a phone number, adults often an e-mail address (reserved example domains).
  const contact = stream('contact');
  const phone = contact.chance(age < 12 ? 0.6 : 0.85)
    ? generatePhone(contact, address.town, contact.chance(age < 65 ? 0.9 : 0.5))
    : null;
  const email =
    age >= 16 && contact.chance(age < 70 ? 0.7 : 0.35)
      ? `${asciiFold(name.roepnaam)}.${asciiFold(`${name.prefix ?? ''}${name.familyName}`)}${contact.chance(0.4) ? String(birthYear).slice(2) : ''}@${contact.pick(EMAIL_DOMAINS)}`
      : null;

  // Care: practice, pharmacy, programmes, enrolment history.
  const care = stream('care');
  const practice: PracticeAbbreviation = care.chance(0.8)
    ? (address.town.nearestPractice as PracticeAbbreviation)
    : care.pick(PRACTICES.filter((code) => code !== address.town.nearestPractice));
  const nearPharmacy: PharmacyAbbreviation = ['Eindhoven', 'Nuenen', 'Geldrop'].includes(address.city)
    ? 'APO-ZONNEHOF'
    : 'APO-VIJZEL';
  const otherPharmacy: PharmacyAbbreviation = nearPharmacy === 'APO-ZONNEHOF' ? 'APO-VIJZEL' : 'APO-ZONNEHOF';
  const pharmacy = care.chance(0.88) ? (care.chance(0.9) ? nearPharmacy : otherPharmacy) : null;

  const programmes: ChronicProgramme[] = [];
  if (care.chance(prevalence('DM2', age))) programmes.push('DM2');
  if (care.chance(programmes.includes('DM2') && age >= 40 ? 0.3 : prevalence('CVRM', age))) programmes.push('CVRM');
  if (care.chance(prevalence('COPD', age))) programmes.push('COPD');
  const minimumAgeAtStart: Record<ChronicProgramme, number> = { DM2: 22, CVRM: 35, COPD: 38 };
  const trajectories: SyntheticTrajectory[] = programmes.map((programme) => {
    // At least 3.4 years ago, so the three years of controls all fall inside the trajectory.
    const maxYears = Math.max(3.4, Math.min(18, age - minimumAgeAtStart[programme]));
    const startDay = referenceDay - Math.floor(care.float(3.4, maxYears) * DAYS_PER_YEAR);
    return { programme, practice, startedOn: fromDay(Math.max(startDay, birthDay + 1)) };
  });

  const firstPossible = birthDay + care.int(7, 42);
  let validFrom =
    age < 18 && care.chance(0.7)
      ? firstPossible
      : referenceDay - Math.floor(care.float(0, Math.min(age + 1, 35)) * DAYS_PER_YEAR);
  for (const trajectory of trajectories) validFrom = Math.min(validFrom, toDay(trajectory.startedOn) - care.int(30, 700));
  validFrom = Math.min(Math.max(validFrom, firstPossible), referenceDay);
  const enrolments: SyntheticEnrolment[] = [];
  if (validFrom - birthDay > 2 * DAYS_PER_YEAR && care.chance(0.15)) {
    const previous = care.pick(PRACTICES.filter((code) => code !== practice));
    const previousFrom = Math.max(firstPossible, validFrom - Math.floor(care.float(1, 12) * DAYS_PER_YEAR));
    enrolments.push({ practice: previous, validFrom: fromDay(previousFrom), validTo: fromDay(validFrom) });
  }
  enrolments.push({ practice, validFrom: fromDay(validFrom), validTo: null });

  // Measurements: three years of controls for programme patients, occasional values for other adults.
  const series = stream('measurements');
  let measurements: GeneratedMeasurement[] = [];
  if (programmes.length > 0) {
    const profile = randomChronicProfile(series, { programmes, age, gender: nameGender });
    measurements = chronicMeasurements(series, profile, { referenceDay });
  } else if (age >= 18 && series.chance(0.25 + Math.min(age, 80) / 200)) {
    measurements = occasionalMeasurements(series, { age, gender: nameGender }, referenceDay);
  }

  return {
    index,
    patient: {
      bsn: syntheticBsn(index),
      initials: name.initials,
      given_names: name.givenNames,
      roepnaam: name.roepnaam,
      family_name_prefix: name.prefix,
      family_name: name.familyName,
      birth_date: fromDay(birthDay),
      gender,
      street: address.street,
      house_number: address.houseNumber,
      house_number_suffix: address.houseNumberSuffix,
      postcode: address.postcode,
      city: address.city,
      phone,
      email,
    },
    pharmacy,
    enrolments,
    trajectories,
    measurements,
  };
}

/** Patients `from` … `from + count − 1`. */
export function generateSyntheticPatients(seed: number, from: number, count: number, referenceDate: string): SyntheticPatient[] {
  const patients: SyntheticPatient[] = [];
  for (let index = from; index < from + count; index++) patients.push(generateSyntheticPatient(seed, index, referenceDate));
  return patients;
}
