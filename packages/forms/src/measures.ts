// The measures Monitoring knows, with labels and reference ranges (product.md §1 Monitoring: HbA1c, glucose,
// blood pressure, weight, BMI, eGFR, cholesterol…). Moved here from the server's demo seed so forms, server
// and web share one list. Codes are readable and stable: they are stored in measurement.code and never renamed.
// Ranges are the usual Dutch adult reference values / NHG targets for chronic care; `null` = no bound.
import type { LocalText } from './definition.js';

export interface MeasureDefinition {
  code: string;
  unit: string;
  nl: string;
  en: string;
  /** Digits after the decimal point, as stored and shown. */
  decimals: number;
  normalLow: number | null;
  normalHigh: number | null;
  /** A different range for women, where the reference values differ by sex. */
  normalFemale?: { low: number | null; high: number | null };
  /** What the range is, when it is a treatment target or a score interpretation rather than a population reference. */
  rangeNote?: LocalText;
}

const measureList = [
  {
    code: 'hba1c',
    unit: 'mmol/mol',
    nl: 'HbA1c',
    en: 'HbA1c',
    decimals: 0,
    normalLow: 20,
    normalHigh: 42,
    rangeNote: { nl: 'Streefwaarde bij DM2: ≤ 53 mmol/mol', en: 'Target in type 2 diabetes: ≤ 53 mmol/mol' },
  },
  {
    code: 'glucose-fasting',
    unit: 'mmol/l',
    nl: 'Glucose nuchter',
    en: 'Fasting glucose',
    decimals: 1,
    normalLow: 4.0,
    normalHigh: 6.0,
  },
  {
    code: 'glucose-random',
    unit: 'mmol/l',
    nl: 'Glucose niet-nuchter',
    en: 'Random glucose',
    decimals: 1,
    normalLow: 4.0,
    normalHigh: 7.8,
  },
  {
    code: 'bp-systolic',
    unit: 'mmHg',
    nl: 'Systolische bloeddruk',
    en: 'Systolic blood pressure',
    decimals: 0,
    normalLow: 90,
    normalHigh: 140,
  },
  {
    code: 'bp-diastolic',
    unit: 'mmHg',
    nl: 'Diastolische bloeddruk',
    en: 'Diastolic blood pressure',
    decimals: 0,
    normalLow: 60,
    normalHigh: 90,
  },
  { code: 'weight', unit: 'kg', nl: 'Gewicht', en: 'Weight', decimals: 1, normalLow: null, normalHigh: null },
  { code: 'height', unit: 'cm', nl: 'Lengte', en: 'Height', decimals: 0, normalLow: null, normalHigh: null },
  { code: 'bmi', unit: 'kg/m2', nl: 'BMI', en: 'BMI', decimals: 1, normalLow: 18.5, normalHigh: 25 },
  {
    code: 'waist',
    unit: 'cm',
    nl: 'Buikomvang',
    en: 'Waist circumference',
    decimals: 0,
    normalLow: null,
    normalHigh: 102,
    normalFemale: { low: null, high: 88 },
    rangeNote: {
      nl: 'Sterk verhoogd risico boven 102 cm (mannen) of 88 cm (vrouwen)',
      en: 'Substantially increased risk above 102 cm (men) or 88 cm (women)',
    },
  },
  {
    code: 'egfr',
    unit: 'ml/min/1.73m2',
    nl: 'eGFR (CKD-EPI)',
    en: 'eGFR (CKD-EPI)',
    decimals: 0,
    normalLow: 60,
    normalHigh: null,
  },
  {
    code: 'acr',
    unit: 'mg/mmol',
    nl: 'Albumine/kreatinine-ratio (urine)',
    en: 'Albumin/creatinine ratio (urine)',
    decimals: 1,
    normalLow: null,
    normalHigh: 3.0,
    rangeNote: { nl: 'Albuminurie vanaf 3 mg/mmol', en: 'Albuminuria from 3 mg/mmol' },
  },
  {
    code: 'ldl',
    unit: 'mmol/l',
    nl: 'LDL-cholesterol',
    en: 'LDL cholesterol',
    decimals: 1,
    normalLow: null,
    normalHigh: 2.6,
    rangeNote: { nl: 'Streefwaarde bij CVRM: < 2,6 mmol/l', en: 'Target in cardiovascular risk management: < 2.6 mmol/l' },
  },
  { code: 'hdl', unit: 'mmol/l', nl: 'HDL-cholesterol', en: 'HDL cholesterol', decimals: 1, normalLow: 1.0, normalHigh: null },
  {
    code: 'cholesterol-total',
    unit: 'mmol/l',
    nl: 'Totaal cholesterol',
    en: 'Total cholesterol',
    decimals: 1,
    normalLow: null,
    normalHigh: 5.0,
  },
  {
    code: 'fev1-predicted',
    unit: '%',
    nl: 'FEV1 (% van voorspeld)',
    en: 'FEV1 (% predicted)',
    decimals: 0,
    normalLow: 80,
    normalHigh: null,
  },
  {
    code: 'mrc-dyspnea',
    unit: 'score',
    nl: 'MRC-dyspneuscore (1–5)',
    en: 'MRC dyspnoea score (1–5)',
    decimals: 0,
    normalLow: 1,
    normalHigh: 2,
  },
  {
    code: 'hemoglobin',
    unit: 'mmol/l',
    nl: 'Hemoglobine (Hb)',
    en: 'Haemoglobin (Hb)',
    decimals: 1,
    normalLow: 8.5,
    normalHigh: 11.0,
    normalFemale: { low: 7.5, high: 10.0 },
  },
  { code: 'leukocytes', unit: '10^9/l', nl: 'Leukocyten', en: 'Leukocytes', decimals: 1, normalLow: 4.0, normalHigh: 10.0 },
  { code: 'crp', unit: 'mg/l', nl: 'CRP', en: 'CRP', decimals: 0, normalLow: null, normalHigh: 10 },
  {
    code: 'creatinine',
    unit: 'µmol/l',
    nl: 'Kreatinine',
    en: 'Creatinine',
    decimals: 0,
    normalLow: 60,
    normalHigh: 110,
    normalFemale: { low: 45, high: 90 },
  },
  { code: 'sodium', unit: 'mmol/l', nl: 'Natrium', en: 'Sodium', decimals: 0, normalLow: 135, normalHigh: 145 },
  { code: 'potassium', unit: 'mmol/l', nl: 'Kalium', en: 'Potassium', decimals: 1, normalLow: 3.5, normalHigh: 5.0 },
  {
    code: 'nt-probnp',
    unit: 'ng/l',
    nl: 'NT-proBNP',
    en: 'NT-proBNP',
    decimals: 0,
    normalLow: null,
    normalHigh: 125,
    rangeNote: { nl: 'Hartfalen onwaarschijnlijk onder 125 ng/l', en: 'Heart failure unlikely below 125 ng/l' },
  },
  {
    code: 'simms-class',
    unit: 'score',
    nl: "Simm's classificatie (voet)",
    en: "Simm's classification (foot)",
    decimals: 0,
    normalLow: 0,
    normalHigh: 0,
    rangeNote: {
      nl: '0 = geen verhoogd risico; 1–3 = verhoogd risico op een diabetisch voetulcus',
      en: '0 = no increased risk; 1–3 = increased risk of a diabetic foot ulcer',
    },
  },
  {
    code: 'phq9',
    unit: 'score',
    nl: 'PHQ-9 totaalscore',
    en: 'PHQ-9 total score',
    decimals: 0,
    normalLow: 0,
    normalHigh: 4,
    rangeNote: {
      nl: '0–4 minimaal, 5–9 licht, 10–14 matig, 15–19 matig ernstig, 20–27 ernstig',
      en: '0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe',
    },
  },
] as const satisfies readonly MeasureDefinition[];

/** A code `measures` knows (the literal union, so a typo in code fails to compile). */
export type MeasureCode = (typeof measureList)[number]['code'];

/** Every measure Monitoring knows. */
export const measures: readonly MeasureDefinition[] = measureList;

const byCode = new Map<string, MeasureDefinition>(measures.map((entry) => [entry.code, entry]));

/** The definition of a code, or undefined for a code the list does not know. */
export function findMeasure(code: string): MeasureDefinition | undefined {
  return byCode.get(code);
}

/** A definition that must exist (a typo fails loudly). */
export function requireMeasure(code: MeasureCode): MeasureDefinition {
  const entry = byCode.get(code);
  if (!entry) throw new Error(`unknown measurement code ${code}`);
  return entry;
}

/** The measure's name in the language. */
export function measureName(measure: MeasureDefinition, language: 'nl' | 'en'): string {
  return language === 'en' ? measure.en : measure.nl;
}

/** A number as stored: fixed decimals of the measure (`Number.toFixed`, so generated data stays byte-identical). */
export function formatMeasureValue(code: MeasureCode, value: number): string {
  return value.toFixed(requireMeasure(code).decimals);
}
