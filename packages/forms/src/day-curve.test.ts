import { describe, expect, it } from 'vitest';
import { emptyResponse, setAnswers } from './answers.js';
import { dayCurveDate, dayCurvePoints, isDayCurve } from './day-curve.js';
import type { FormDefinition } from './definition.js';
import { latestDefinition } from './library/index.js';
import { deriveMeasurements } from './measurements.js';

const found = latestDefinition('dagcurve');
if (!found) throw new Error('dagcurve missing');
const form: FormDefinition = found;

function curve(answers: Record<string, { valueDecimal?: number; valueTime?: string; valueDate?: string }>) {
  return Object.entries(answers).reduce(
    (response, [linkId, answer]) => setAnswers(response, linkId, [answer], form.questionnaire),
    emptyResponse(form),
  );
}

describe('day curves', () => {
  it('has the classic seven moments in the order of the day', () => {
    expect(isDayCurve(form)).toBe(true);
    expect(form.dayCurveMoments?.map((moment) => moment.moment)).toEqual([
      'nuchter',
      'na-ontbijt',
      'voor-lunch',
      'na-lunch',
      'voor-diner',
      'na-diner',
      'voor-slapen',
    ]);
  });

  it('gives the answered points with label, time and exact value', () => {
    const response = curve({
      datum: { valueDate: '2025-05-01' },
      'nuchter-glucose': { valueDecimal: 6.8 },
      'nuchter-tijd': { valueTime: '07:30:00' },
      'na-lunch-glucose': { valueDecimal: 11.25 },
      'voor-slapen-tijd': { valueTime: '23:00' },
    });
    expect(dayCurveDate(form, response)).toBe('2025-05-01');
    expect(dayCurvePoints(form, response)).toEqual([
      { moment: 'nuchter', label: { nl: 'Nuchter', en: 'Fasting' }, time: '07:30', value: '6.8' },
      { moment: 'na-lunch', label: { nl: 'Na lunch', en: 'After lunch' }, time: null, value: '11.3' },
    ]);
  });

  it('measures nuchter as fasting glucose and the other moments as random glucose, at the date and time', () => {
    const response = curve({
      datum: { valueDate: '2025-05-01' },
      'nuchter-glucose': { valueDecimal: 6.8 },
      'nuchter-tijd': { valueTime: '07:30' },
      'na-ontbijt-glucose': { valueDecimal: 9.14 },
    });
    expect(deriveMeasurements(form, response)).toEqual([
      { code: 'glucose-fasting', value: '6.8', unit: 'mmol/l', measuredAt: '2025-05-01T07:30', linkId: 'nuchter-glucose' },
      { code: 'glucose-random', value: '9.1', unit: 'mmol/l', measuredAt: '2025-05-01', linkId: 'na-ontbijt-glucose' },
    ]);
  });
});
