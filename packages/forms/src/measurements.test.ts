import type { QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { emptyResponse, setAnswers } from './answers.js';
import { formatDecimal, numberToDecimalString, parseDecimalInput, roundDecimalString } from './decimal.js';
import type { FormDefinition } from './definition.js';
import { latestDefinition } from './library/index.js';
import { deriveMeasurements } from './measurements.js';
import { findMeasure, formatMeasureValue, measures } from './measures.js';

function definition(key: string): FormDefinition {
  const found = latestDefinition(key);
  if (!found) throw new Error(`${key} missing`);
  return found;
}

function respond(form: FormDefinition, answers: Record<string, QuestionnaireResponseItemAnswer[]>) {
  return Object.entries(answers).reduce(
    (response, [linkId, given]) => setAnswers(response, linkId, given, form.questionnaire),
    emptyResponse(form),
  );
}

describe('deriveMeasurements', () => {
  it('turns measured answers into measurements with the measure codes, units and decimals', () => {
    const form = definition('consult-poh-dm2');
    const response = respond(form, {
      datum: [{ valueDate: '2025-06-30' }],
      gewicht: [{ valueDecimal: 80 }],
      bmi: [{ valueDecimal: 27.35 }],
      'bloeddruk-systolisch': [{ valueInteger: 138 }],
      'bloeddruk-diastolisch': [{ valueInteger: 84 }],
      hba1c: [{ valueInteger: 53 }],
      'glucose-nuchter': [{ valueDecimal: 7.05 }],
    });
    expect(deriveMeasurements(form, response)).toEqual([
      { code: 'weight', value: '80.0', unit: 'kg', measuredAt: '2025-06-30', linkId: 'gewicht' },
      { code: 'bmi', value: '27.4', unit: 'kg/m2', measuredAt: '2025-06-30', linkId: 'bmi' },
      { code: 'bp-systolic', value: '138', unit: 'mmHg', measuredAt: '2025-06-30', linkId: 'bloeddruk-systolisch' },
      { code: 'bp-diastolic', value: '84', unit: 'mmHg', measuredAt: '2025-06-30', linkId: 'bloeddruk-diastolisch' },
      { code: 'hba1c', value: '53', unit: 'mmol/mol', measuredAt: '2025-06-30', linkId: 'hba1c' },
      { code: 'glucose-fasting', value: '7.1', unit: 'mmol/l', measuredAt: '2025-06-30', linkId: 'glucose-nuchter' },
    ]);
  });

  it('leaves out unanswered questions and gives measuredAt null without a date', () => {
    const form = definition('consult-poh-cvrm');
    expect(deriveMeasurements(form, respond(form, { ldl: [{ valueDecimal: 2.4 }] }))).toEqual([
      { code: 'ldl', value: '2.4', unit: 'mmol/l', measuredAt: null, linkId: 'ldl' },
    ]);
  });

  it("measures a choice by its numeric code (Simm's classification, MRC)", () => {
    const foot = definition('voetonderzoek');
    expect(
      deriveMeasurements(
        foot,
        respond(foot, { datum: [{ valueDate: '2025-01-02' }], 'simms-classificatie': [{ valueCoding: { code: '2' } }] }),
      ),
    ).toEqual([{ code: 'simms-class', value: '2', unit: 'score', measuredAt: '2025-01-02', linkId: 'simms-classificatie' }]);
    const copd = definition('consult-poh-copd');
    expect(deriveMeasurements(copd, respond(copd, { 'mrc-dyspneu': [{ valueCoding: { code: '3' } }] }))[0]).toMatchObject({
      code: 'mrc-dyspnea',
      value: '3',
    });
  });

  it('skips answers of disabled questions', () => {
    const form = definition('jaarcontrole-dm2');
    const response = respond(form, {
      'voeten-onderzocht': [{ valueCoding: { code: 'nee' } }],
      'simms-classificatie': [{ valueCoding: { code: '1' } }],
      egfr: [{ valueInteger: 72 }],
    });
    expect(deriveMeasurements(form, response).map((m) => m.code)).toEqual(['egfr']);
  });

  it('PHQ-9 total and waist circumference have their own measures', () => {
    const ggz = definition('intake-ggz-poh');
    expect(deriveMeasurements(ggz, respond(ggz, { 'phq9-totaal': [{ valueInteger: 14 }] }))).toEqual([
      { code: 'phq9', value: '14', unit: 'score', measuredAt: null, linkId: 'phq9-totaal' },
    ]);
    const gli = definition('intake-gli');
    expect(deriveMeasurements(gli, respond(gli, { buikomvang: [{ valueInteger: 104 }] }))[0]).toMatchObject({
      code: 'waist',
      value: '104',
      unit: 'cm',
    });
  });
});

describe('decimals', () => {
  it('rounds the decimal digits half away from zero, never the binary approximation', () => {
    expect(formatDecimal(7.35, 1)).toBe('7.4');
    expect(formatDecimal(1.005, 2)).toBe('1.01');
    expect(formatDecimal(-2.5, 0)).toBe('-3');
    expect(formatDecimal(-0.04, 1)).toBe('0.0');
    expect(formatDecimal(9.96, 1)).toBe('10.0');
    expect(formatDecimal(99.5, 0)).toBe('100');
    expect(formatDecimal(80, 1)).toBe('80.0');
    expect(roundDecimalString('0.5', 0)).toBe('1');
    expect(numberToDecimalString(1e-7)).toBe('0.0000001');
    expect(numberToDecimalString(1.5e21)).toBe('1500000000000000000000');
  });

  it('parses what a person types, with a comma or a point', () => {
    expect(parseDecimalInput('7,5')).toBe(7.5);
    expect(parseDecimalInput(' 7.5 ')).toBe(7.5);
    expect(parseDecimalInput('-1')).toBe(-1);
    expect(parseDecimalInput('7,5,1')).toBeNull();
    expect(parseDecimalInput('')).toBeNull();
  });
});

describe('measures', () => {
  it('keeps the codes the seed used, with unique codes', () => {
    for (const code of [
      'hba1c',
      'glucose-fasting',
      'glucose-random',
      'bp-systolic',
      'bp-diastolic',
      'weight',
      'height',
      'bmi',
      'egfr',
      'ldl',
      'hdl',
      'cholesterol-total',
      'fev1-predicted',
      'mrc-dyspnea',
      'hemoglobin',
      'leukocytes',
      'crp',
      'creatinine',
      'sodium',
      'potassium',
      'nt-probnp',
    ]) {
      expect(findMeasure(code), code).toBeDefined();
    }
    expect(new Set(measures.map((m) => m.code)).size).toBe(measures.length);
    expect(findMeasure('hba1c')).toMatchObject({ unit: 'mmol/mol', decimals: 0, normalLow: 20, normalHigh: 42 });
    expect(formatMeasureValue('weight', 80.25)).toBe((80.25).toFixed(1));
  });
});
