import type { ClinicalDocumentKind, Gender, Programme } from '../schema.js';
import { amsterdamTimestamp, fromDay, toDay, workday } from './dates.js';
import { buildPieterHospitalStory } from './demo-hospital-story.js';
import type { PharmacyAbbreviation, PracticeAbbreviation } from './demo-region.js';
import { formatMeasurementValue, type MeasurementCodeName, measurementCode } from './measurement-codes.js';
import { type ChronicProfile, chronicMeasurements, type GeneratedMeasurement } from './measurement-series.js';
import { createRandom } from './random.js';

// The five fixed demo patients and their stories. Their identities are exact (browser tests and later
// work rely on them); dates in their stories are relative to the reference date ("today"), so the
// record always looks current: Anna's last control was a few days ago, Pieter is admitted right now.
// Their random noise comes from a fixed seed, not the demo seed: the stories are the same in every database.

export type DemoPatientKey = 'anna' | 'sem' | 'pieter' | 'fatima' | 'lukas';

export interface DemoPatient {
  key: DemoPatientKey;
  /** Fixed patient id (P-ID P0000000001 … P0000000005) when these ids were free at seeding. */
  id: number;
  bsn: string | null;
  roepnaam: string;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
  gender: Gender;
  practice: PracticeAbbreviation;
  /** One line for the README: what the record shows. */
  story: string;
}

// biome-ignore format: a table, one patient per line
export const demoPatients: readonly DemoPatient[] = [
  { key: 'anna', id: 1, bsn: '999990019', roepnaam: 'Anna', familyNamePrefix: 'de', familyName: 'Jong', birthDate: '1961-03-12', gender: 'female', practice: 'HAPZ', story: 'DM2 + CVRM, three years of quarterly controls; under treatment at Voetzorg Zuid; mother of Sem' },
  { key: 'sem', id: 2, bsn: '999990032', roepnaam: 'Sem', familyNamePrefix: 'de', familyName: 'Jong', birthDate: '2016-05-04', gender: 'male', practice: 'HAPZ', story: "Anna's son (patient_relation parent)" },
  { key: 'pieter', id: 3, bsn: '999990044', roepnaam: 'Pieter', familyNamePrefix: null, familyName: 'Bakker', birthDate: '1948-11-23', gender: 'male', practice: 'HAPB', story: 'Admitted now to Interne geneeskunde (specialist.zkh) with pneumonia; hospital lab, X-thorax, letters to the GP' },
  { key: 'fatima', id: 4, bsn: '999990056', roepnaam: 'Fatima', familyNamePrefix: null, familyName: 'El Amrani', birthDate: '1985-07-30', gender: 'female', practice: 'HAPZ', story: 'Overweight and prediabetes; referred by poh.hapz to Diëtistenpraktijk Vitaal two days ago, seen under Signalen there yesterday (so the live story — huisarts.hapz refers her again — starts at Signalen 0)' },
  { key: 'lukas', id: 5, bsn: null, roepnaam: 'Lukas', familyNamePrefix: null, familyName: 'Schmidt', birthDate: '1990-02-02', gender: 'male', practice: 'HAPB', story: 'Insured in Germany: no BSN, passport C01X00T47' },
];

export interface StoryPatientRow {
  key: DemoPatientKey;
  id: number;
  bsn: string | null;
  insurance_country: string;
  foreign_id_type: 'passport' | 'id-card' | null;
  foreign_id_number: string | null;
  nationality: string;
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
  pharmacy: PharmacyAbbreviation | null;
}

/** Organisations by abbreviation and accounts by username; the inserter resolves them to ids. */
export interface DemoStories {
  patients: StoryPatientRow[];
  enrolments: { patient: DemoPatientKey; practice: PracticeAbbreviation; validFrom: string }[];
  trajectories: { patient: DemoPatientKey; programme: Programme; organisation: string; startedOn: string }[];
  measurements: (GeneratedMeasurement & { patient: DemoPatientKey; organisation: string })[];
  referrals: {
    patient: DemoPatientKey;
    from: string;
    to: string;
    toRole: string;
    reason: string;
    createdAt: string;
    openedAt: string | null;
    openedBy: string | null;
  }[];
  admissions: {
    patient: DemoPatientKey;
    department: string;
    attending: string;
    admittedAt: string;
    dischargedAt: string | null;
    reason: string;
  }[];
  documents: {
    patient: DemoPatientKey;
    organisation: string;
    author: string | null;
    kind: ClinicalDocumentKind;
    title: string;
    body: string;
    recipient: string | null;
    createdAt: string;
  }[];
  relations: { patient: DemoPatientKey; related: DemoPatientKey; kind: 'parent' | 'guardian' }[];
}

const STORY_SEED = 19610312;

function identity(key: DemoPatientKey): DemoPatient {
  const found = demoPatients.find((patient) => patient.key === key);
  if (!found) throw new Error(`unknown demo patient ${key}`);
  return found;
}

function row(
  key: DemoPatientKey,
  details: Omit<
    StoryPatientRow,
    'key' | 'id' | 'bsn' | 'roepnaam' | 'family_name_prefix' | 'family_name' | 'birth_date' | 'gender'
  >,
): StoryPatientRow {
  const fixed = identity(key);
  return {
    key,
    id: fixed.id,
    bsn: fixed.bsn,
    roepnaam: fixed.roepnaam,
    family_name_prefix: fixed.familyNamePrefix,
    family_name: fixed.familyName,
    birth_date: fixed.birthDate,
    gender: fixed.gender,
    ...details,
  };
}

const dutch = {
  insurance_country: 'NL',
  foreign_id_type: null,
  foreign_id_number: null,
  nationality: 'NL',
  house_number_suffix: null,
} as const;

/** The fixed patients and everything that happened to them, relative to `referenceDate`. */
export function buildDemoStories(referenceDate: string): DemoStories {
  const today = toDay(referenceDate);
  const stories: DemoStories = {
    patients: [
      row('anna', {
        ...dutch,
        initials: 'A.M.',
        given_names: 'Anna Maria',
        street: 'Kastanjelaan',
        house_number: '27',
        postcode: '5616 LK',
        city: 'Eindhoven',
        phone: '06-41223344',
        email: 'anna.dejong@example.com',
        pharmacy: 'APO-ZONNEHOF',
      }),
      row('sem', {
        ...dutch,
        initials: 'S.J.',
        given_names: 'Sem Johannes',
        street: 'Kastanjelaan',
        house_number: '27',
        postcode: '5616 LK',
        city: 'Eindhoven',
        phone: '06-41223344',
        email: null,
        pharmacy: 'APO-ZONNEHOF',
      }),
      row('pieter', {
        ...dutch,
        initials: 'P.J.',
        given_names: 'Pieter Johannes',
        street: 'Molenstraat',
        house_number: '5',
        postcode: '5504 AB',
        city: 'Veldhoven',
        phone: '040-2541187',
        email: null,
        pharmacy: 'APO-VIJZEL',
      }),
      row('fatima', {
        ...dutch,
        initials: 'F.',
        given_names: 'Fatima',
        street: 'Tulpstraat',
        house_number: '88',
        postcode: '5643 RT',
        city: 'Eindhoven',
        phone: '06-28765412',
        email: 'fatima.elamrani@example.com',
        pharmacy: 'APO-ZONNEHOF',
      }),
      row('lukas', {
        insurance_country: 'DE',
        foreign_id_type: 'passport',
        foreign_id_number: 'C01X00T47',
        nationality: 'DE',
        initials: 'L.',
        given_names: 'Lukas',
        street: 'Beatrixlaan',
        house_number: '140',
        house_number_suffix: 'B',
        postcode: '5505 AG',
        city: 'Veldhoven',
        phone: '06-19283746',
        email: 'lukas.schmidt@example.com',
        pharmacy: null,
      }),
    ],
    enrolments: [
      { patient: 'anna', practice: 'HAPZ', validFrom: '1994-09-01' },
      { patient: 'sem', practice: 'HAPZ', validFrom: '2016-05-20' },
      { patient: 'pieter', practice: 'HAPB', validFrom: '1979-03-01' },
      { patient: 'fatima', practice: 'HAPZ', validFrom: '2009-02-16' },
      { patient: 'lukas', practice: 'HAPB', validFrom: '2023-09-04' },
    ],
    trajectories: [
      { patient: 'anna', programme: 'DM2', organisation: 'HAPZ', startedOn: '2017-03-06' },
      { patient: 'anna', programme: 'CVRM', organisation: 'HAPZ', startedOn: '2019-10-14' },
      { patient: 'anna', programme: 'VOETZORG', organisation: 'VOETZORG', startedOn: fromDay(workday(today - 315)) },
      { patient: 'pieter', programme: 'DM2', organisation: 'HAPB', startedOn: '2012-05-10' },
      { patient: 'pieter', programme: 'CVRM', organisation: 'HAPB', startedOn: '2015-09-01' },
    ],
    measurements: [],
    referrals: [
      {
        patient: 'anna',
        from: 'huisarts.hapz',
        to: 'VOETZORG',
        toRole: 'podotherapeut',
        reason:
          'Verwijzing pedicure: DM2 sinds 2017, verminderde sensibiliteit beide voeten (monofilament 2/3 punten), Sims-classificatie 1. Graag jaarlijks voetonderzoek en behandeling van eeltvorming.',
        createdAt: amsterdamTimestamp(workday(today - 322), 11 * 60 + 40),
        openedAt: amsterdamTimestamp(workday(today - 318), 9 * 60 + 5),
        openedBy: 'pedicure.voetzorg',
      },
      {
        patient: 'fatima',
        from: 'poh.hapz',
        to: 'VITAAL',
        toRole: 'dietist',
        reason:
          'Verwijzing diëtist: overgewicht (BMI 34,5) en prediabetes (HbA1c 46 mmol/mol, nuchtere glucose 6,5 mmol/l). Patiënte wil graag afvallen en haar eetpatroon aanpassen; graag rekening houden met de ramadan. Wilt u ook beoordelen of de GLI (CooL) passend is?',
        createdAt: amsterdamTimestamp(workday(today - 2), 11 * 60 + 20),
        // Opened at the practice (the signal is gone): the demo starts with no referral signals, and the browser
        // story (e2e/referrals.test.ts) shows a new one arriving.
        openedAt: amsterdamTimestamp(workday(today - 1), 9 * 60 + 10),
        openedBy: 'dietist.vitaal',
      },
    ],
    admissions: [],
    documents: [],
    relations: [{ patient: 'sem', related: 'anna', kind: 'parent' }],
  };

  stories.measurements.push(...annaMeasurements(today), ...fatimaMeasurements(today), ...pieterPracticeMeasurements(today));
  const hospital = buildPieterHospitalStory(today);
  stories.measurements.push(...hospital.measurements);
  stories.admissions.push(...hospital.admissions);
  stories.documents.push(...hospital.documents);
  return stories;
}

/** Anna: HbA1c 64 → 52 after metformin was raised and she lost 6 kg; blood pressure and LDL to target. */
function annaMeasurements(today: number): DemoStories['measurements'] {
  const profile: ChronicProfile = {
    programmes: ['DM2', 'CVRM'],
    heightCm: 166,
    weight: { start: 92, perYear: -2, noise: 0.5 },
    systolic: { start: 148, perYear: -4.5, noise: 4 },
    diastolic: { start: 88, perYear: -2, noise: 2 },
    hba1c: { start: 64, perYear: -4, noise: 1.5 },
    egfr: { start: 78, perYear: -2, noise: 2 },
    ldl: { start: 3.4, perYear: -0.33, noise: 0.1 },
    hdl: { start: 1.3, perYear: 0, noise: 0.08 },
    fev1: { start: 90, perYear: 0, noise: 0 },
  };
  const series = chronicMeasurements(createRandom(STORY_SEED, 1), profile, { referenceDay: today, lastVisitDaysAgo: 12 });
  return series.map((measurement) => ({ ...measurement, patient: 'anna', organisation: 'HAPZ' }));
}

/** Pieter's controls at De Brug before the admission: stable DM2, slowly falling kidney function. */
function pieterPracticeMeasurements(today: number): DemoStories['measurements'] {
  const profile: ChronicProfile = {
    programmes: ['DM2', 'CVRM'],
    heightCm: 176,
    weight: { start: 84, perYear: -1.2, noise: 0.6 },
    systolic: { start: 138, perYear: 0, noise: 6 },
    diastolic: { start: 78, perYear: -0.5, noise: 3 },
    hba1c: { start: 57, perYear: 0.5, noise: 2 },
    egfr: { start: 62, perYear: -2.3, noise: 2 },
    ldl: { start: 2.2, perYear: -0.05, noise: 0.1 },
    hdl: { start: 1.05, perYear: 0, noise: 0.06 },
    fev1: { start: 80, perYear: 0, noise: 0 },
  };
  const series = chronicMeasurements(createRandom(STORY_SEED, 3), profile, { referenceDay: today, lastVisitDaysAgo: 40 });
  return series.map((measurement) => ({ ...measurement, patient: 'pieter', organisation: 'HAPB' }));
}

/** Fatima: three visits to the POH over a year, weight and glucose creeping up. */
function fatimaMeasurements(today: number): DemoStories['measurements'] {
  const visits: readonly (readonly [number, Partial<Record<MeasurementCodeName, number>>])[] = [
    [400, { weight: 93.5, 'bp-systolic': 132, 'bp-diastolic': 84, hba1c: 43, 'glucose-fasting': 6.1, height: 167 }],
    [190, { weight: 95.0, 'bp-systolic': 136, 'bp-diastolic': 86, hba1c: 45, 'glucose-fasting': 6.4 }],
    [
      9,
      {
        weight: 96.2,
        'bp-systolic': 134,
        'bp-diastolic': 85,
        hba1c: 46,
        'glucose-fasting': 6.5,
        ldl: 3.4,
        hdl: 1.1,
        'cholesterol-total': 5.3,
      },
    ],
  ];
  const out: DemoStories['measurements'] = [];
  for (const [daysAgo, values] of visits) {
    const visit = workday(today - daysAgo);
    const at = amsterdamTimestamp(visit, 10 * 60 + 30);
    const labAt = amsterdamTimestamp(workday(visit - 5), 8 * 60 + 15);
    for (const [code, value] of Object.entries(values) as [MeasurementCodeName, number][]) {
      const lab = ['hba1c', 'glucose-fasting', 'ldl', 'hdl', 'cholesterol-total'].includes(code);
      out.push(story('fatima', code, value, lab ? labAt : at, lab ? 'lab' : 'registration'));
    }
    if (values.weight !== undefined) out.push(story('fatima', 'bmi', values.weight / 1.67 ** 2, at, 'registration'));
  }
  return out;
}

function story(
  patient: DemoPatientKey,
  code: MeasurementCodeName,
  value: number,
  measuredAt: string,
  source: GeneratedMeasurement['source'],
  organisation = 'HAPZ',
): DemoStories['measurements'][number] {
  return {
    patient,
    organisation,
    code,
    value: formatMeasurementValue(code, value),
    unit: measurementCode(code).unit,
    measuredAt,
    source,
  };
}
