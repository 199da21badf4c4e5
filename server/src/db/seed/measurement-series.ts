import { amsterdamTimestamp, workday } from './dates.js';
import {
  formatMeasurementValue,
  type MeasurementCodeName,
  type MeasurementSource,
  measurementCode,
} from './measurement-codes.js';
import { clamp, type Random } from './random.js';

// Control visits of the chronic-care programmes (ketenzorg) over the last three years and the values
// measured at them, with patient-consistent trends: every patient has a baseline and a yearly drift per
// value and a persistent noise, so a chart shows one person's course, not random dots.
//
// Schedules follow the usual Dutch chain-care practice: DM2 every quarter (three controls and an
// annual check), CVRM and COPD twice a year; lab values are drawn a few days before the visit; the
// annual check adds kidney function and lipids (DM2, CVRM) or spirometry (COPD).

export type ChronicProgramme = 'DM2' | 'CVRM' | 'COPD';

export interface GeneratedMeasurement {
  code: MeasurementCodeName;
  value: string;
  unit: string;
  /** ISO 8601 with the Europe/Amsterdam offset. */
  measuredAt: string;
  source: MeasurementSource;
}

/** A value's course: baseline at the first visit, change per year, persistent noise (sd). */
export interface Trend {
  start: number;
  perYear: number;
  noise: number;
}

export interface ChronicProfile {
  programmes: readonly ChronicProgramme[];
  heightCm: number;
  weight: Trend;
  systolic: Trend;
  diastolic: Trend;
  hba1c: Trend;
  egfr: Trend;
  ldl: Trend;
  hdl: Trend;
  fev1: Trend;
}

export interface SeriesOptions {
  /** Day number of "today" for the data. */
  referenceDay: number;
  /** How far back the series goes; at least one visit lies on or before referenceDay − years. */
  years?: number;
  /** Days between the last visit and today (default: random 5–75). */
  lastVisitDaysAgo?: number;
}

const YEAR_DAYS = 365;

/** Random but plausible baselines and drifts for a patient in the given programmes. */
export function randomChronicProfile(
  random: Random,
  patient: { programmes: readonly ChronicProgramme[]; age: number; gender: 'male' | 'female' },
): ChronicProfile {
  const { programmes, age, gender } = patient;
  const dm2 = programmes.includes('DM2');
  const cvrm = programmes.includes('CVRM');
  const shrink = age > 70 ? (age - 70) * 0.15 : 0;
  const heightCm = clamp(gender === 'male' ? random.normal(180, 7) - shrink : random.normal(167, 6.5) - shrink, 148, 205);
  const bmi = dm2 ? random.normal(30.5, 4.5) : cvrm ? random.normal(28, 4) : random.normal(25, 4.5);
  const systolic = clamp(random.normal(dm2 || cvrm ? 142 : 132, 13), 105, 185);
  const hba1cStart = clamp(random.normal(56, 9), 40, 95);
  return {
    programmes,
    heightCm,
    weight: { start: clamp(bmi, 18, 48) * (heightCm / 100) ** 2, perYear: random.normal(-0.3, 1.2), noise: 0.7 },
    systolic: { start: systolic, perYear: random.normal(-1, 2.5), noise: 7 },
    diastolic: { start: clamp(0.45 * systolic + 20 + random.normal(0, 5), 55, 110), perYear: random.normal(-0.5, 1.5), noise: 4 },
    hba1c: { start: hba1cStart, perYear: random.normal(-0.5, 2.5) - (hba1cStart > 65 ? 2 : 0), noise: 3 },
    egfr: { start: clamp(random.normal(118 - 0.7 * age, 14), 15, 125), perYear: random.normal(dm2 ? -1.8 : -1, 1), noise: 4 },
    ldl: { start: clamp(random.normal(2.9, 0.7), 1.2, 6), perYear: random.normal(cvrm ? -0.15 : -0.05, 0.15), noise: 0.25 },
    hdl: { start: clamp(random.normal(gender === 'male' ? 1.15 : 1.45, 0.28), 0.6, 2.8), perYear: 0, noise: 0.12 },
    fev1: { start: clamp(random.normal(60, 14), 25, 98), perYear: random.normal(-1.2, 1), noise: 3 },
  };
}

/** The control visits (day numbers, oldest first) for the programmes. */
export function controlVisits(random: Random, programmes: readonly ChronicProgramme[], options: SeriesOptions): number[] {
  const years = options.years ?? 3;
  const interval = programmes.includes('DM2') ? 91 : 182;
  const windowStart = options.referenceDay - years * YEAR_DAYS - Math.ceil(years / 4);
  let day = options.referenceDay - (options.lastVisitDaysAgo ?? random.int(5, 75));
  const visits: number[] = [];
  for (;;) {
    const visit = workday(day);
    visits.push(Math.min(visit, options.referenceDay));
    if (visit <= windowStart) break;
    day -= interval + random.int(-14, 14);
  }
  return visits.reverse();
}

/** All measurements of a patient's chronic-care controls over the last `years` years. */
export function chronicMeasurements(random: Random, profile: ChronicProfile, options: SeriesOptions): GeneratedMeasurement[] {
  const programmes = profile.programmes;
  const dm2 = programmes.includes('DM2');
  const cvrm = programmes.includes('CVRM');
  const copd = programmes.includes('COPD');
  const visits = controlVisits(random, programmes, options);
  const first = visits[0] ?? options.referenceDay;
  const visitsPerYear = dm2 ? 4 : 2;
  const annualPhase = random.int(0, visitsPerYear - 1);
  const noise = new PersistentNoise(random);
  const out: GeneratedMeasurement[] = [];
  const add = (code: MeasurementCodeName, value: number, measuredAt: string, source: MeasurementSource) => {
    out.push({ code, value: formatMeasurementValue(code, value), unit: measurementCode(code).unit, measuredAt, source });
  };

  visits.forEach((visit, index) => {
    const t = (visit - first) / YEAR_DAYS;
    const at = amsterdamTimestamp(visit, random.int(8 * 12 + 6, 16 * 12 + 6) * 5); // 08:30–16:30
    const labAt = amsterdamTimestamp(workday(visit - random.int(3, 10)), random.int(7 * 4 + 3, 10 * 4 + 2) * 15); // 07:45–10:30
    const annual = (visits.length - 1 - index) % visitsPerYear === annualPhase;
    const value = (name: keyof typeof noise.state, trend: Trend) =>
      trend.start + trend.perYear * t + noise.next(name, trend.noise);

    if (index === 0) add('height', profile.heightCm, at, 'registration');
    const weight = clamp(value('weight', profile.weight), Math.max(35, 16 * (profile.heightCm / 100) ** 2), 220); // BMI ≥ 16
    add('weight', weight, at, 'registration');
    add('bmi', weight / (profile.heightCm / 100) ** 2, at, 'registration');
    if (dm2 || cvrm) {
      const systolic = clamp(value('systolic', profile.systolic), 90, 210);
      const diastolic = clamp(value('diastolic', profile.diastolic) + 0.3 * (systolic - profile.systolic.start), 50, 125);
      add('bp-systolic', systolic, at, 'registration');
      add('bp-diastolic', Math.min(diastolic, systolic - 20), at, 'registration');
    }
    if (copd) {
      const fev1 = clamp(value('fev1', profile.fev1), 15, 110);
      if (annual) add('fev1-predicted', fev1, at, 'registration');
      add('mrc-dyspnea', clamp(Math.round(1 + (85 - fev1) / 16 + random.normal(0, 0.5)), 1, 5), at, 'registration');
    }
    if (dm2) {
      const hba1c = clamp(value('hba1c', profile.hba1c), 30, 120);
      add('hba1c', hba1c, labAt, 'lab');
      add('glucose-fasting', clamp(0.0915 * hba1c + 2.15 + random.normal(0, 0.7), 3.5, 25), labAt, 'lab');
    }
    if ((dm2 || cvrm) && annual) {
      if (!dm2) add('glucose-fasting', clamp(random.normal(5.5, 0.5), 4, 6.9), labAt, 'lab');
      add('egfr', clamp(value('egfr', profile.egfr), 8, 130), labAt, 'lab');
      const ldl = clamp(value('ldl', profile.ldl), 0.8, 7);
      const hdl = clamp(value('hdl', profile.hdl), 0.5, 3);
      add('ldl', ldl, labAt, 'lab');
      add('hdl', hdl, labAt, 'lab');
      add('cholesterol-total', ldl + hdl + clamp(random.normal(0.75, 0.2), 0.3, 1.6), labAt, 'lab');
    }
  });
  return out;
}

/**
 * One or a few occasional values for someone without a programme (a blood pressure at a consult,
 * a weight), so Monitoring is not empty for most adults.
 */
export function occasionalMeasurements(
  random: Random,
  patient: { age: number; gender: 'male' | 'female' },
  referenceDay: number,
): GeneratedMeasurement[] {
  const count = random.int(1, 3);
  const out: GeneratedMeasurement[] = [];
  const systolic = clamp(random.normal(118 + 0.45 * patient.age, 12), 95, 190);
  const heightM = (patient.gender === 'male' ? random.normal(180, 7) : random.normal(167, 6.5)) / 100;
  const weight = clamp(random.normal(25.5, 4), 17, 45) * heightM ** 2;
  for (let i = 0; i < count; i++) {
    const day = workday(referenceDay - random.int(7, 3 * YEAR_DAYS));
    const at = amsterdamTimestamp(day, random.int(8 * 12 + 6, 16 * 12 + 6) * 5);
    const sys = clamp(systolic + random.normal(0, 7), 90, 200);
    out.push(entry('bp-systolic', sys, at));
    out.push(entry('bp-diastolic', clamp(0.45 * sys + 22 + random.normal(0, 4), 50, 120), at));
    if (random.chance(0.5)) out.push(entry('weight', weight + random.normal(0, 1.5), at));
  }
  return out.sort((a, b) => (a.measuredAt < b.measuredAt ? -1 : a.measuredAt > b.measuredAt ? 1 : 0));
}

function entry(code: MeasurementCodeName, value: number, measuredAt: string): GeneratedMeasurement {
  return {
    code,
    value: formatMeasurementValue(code, value),
    unit: measurementCode(code).unit,
    measuredAt,
    source: 'registration',
  };
}

/** AR(1) noise per value: today's deviation carries half of the last one, as real follow-up data does. */
class PersistentNoise {
  readonly state = { weight: 0, systolic: 0, diastolic: 0, hba1c: 0, egfr: 0, ldl: 0, hdl: 0, fev1: 0 };
  constructor(private readonly random: Random) {}
  next(name: keyof PersistentNoise['state'], sd: number): number {
    const value = 0.5 * this.state[name] + this.random.normal(0, sd * 0.87);
    this.state[name] = value;
    return value;
  }
}
