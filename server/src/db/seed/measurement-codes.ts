// The measurement codes the demo data uses, with labels and reference ranges, for Monitoring to reuse
// (product.md §1 Monitoring: HbA1c, glucose, blood pressure, weight, BMI, eGFR, cholesterol…).
// Codes are readable and stable: they are stored in measurement.code and never renamed.
// Ranges are the usual Dutch adult reference values / NHG targets for chronic care; `null` = no bound.

export type MeasurementSource = 'registration' | 'lab' | 'hospital-lab';

/** Where a value comes from: a form in a practice, the practice's lab, or the hospital's lab. */
export const measurementSources: readonly MeasurementSource[] = ['registration', 'lab', 'hospital-lab'];

export interface MeasurementCode {
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
  /** What the range is, when it is a treatment target rather than a population reference. */
  rangeNote?: { nl: string; en: string };
}

export const measurementCodes = [
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
    code: 'egfr',
    unit: 'ml/min/1.73m2',
    nl: 'eGFR (CKD-EPI)',
    en: 'eGFR (CKD-EPI)',
    decimals: 0,
    normalLow: 60,
    normalHigh: null,
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
] as const satisfies readonly MeasurementCode[];

export type MeasurementCodeName = (typeof measurementCodes)[number]['code'];

const byCode = new Map<string, MeasurementCode>(measurementCodes.map((entry) => [entry.code, entry]));

/** The definition of a code, or undefined for a code this list does not know. */
export function findMeasurementCode(code: string): MeasurementCode | undefined {
  return byCode.get(code);
}

/** A definition that must exist (used by the generators: a typo fails loudly). */
export function measurementCode(code: MeasurementCodeName): MeasurementCode {
  const entry = byCode.get(code);
  if (!entry) throw new Error(`unknown measurement code ${code}`);
  return entry;
}

/** The value as stored: fixed decimals of the code, so generated data is byte-identical. */
export function formatMeasurementValue(code: MeasurementCodeName, value: number): string {
  return value.toFixed(measurementCode(code).decimals);
}
