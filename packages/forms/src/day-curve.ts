// Glucose day curves (Dagcurves, seed 001 §5.5). A day-curve form ('day-curve' effect) lists its moments in
// `dayCurveMoments`; the server's Dagcurves endpoint reads each published response through these helpers.
// The same answers also become measurements (see the dagcurve form: 'nuchter' → glucose-fasting, the other moments
// → glucose-random, each at the curve's date and the moment's time when filled in).
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { roundDecimalString } from './decimal.js';
import type { FormDefinition, LocalText } from './definition.js';
import { EnableWhenEvaluator } from './enable-when.js';
import { itemLocalText } from './item-text.js';
import { findItem } from './item-tree.js';
import { formDate, numericAnswer } from './measurements.js';
import { findMeasure } from './measures.js';

export interface DayCurvePoint {
  /** 'nuchter', 'na-ontbijt', … */
  moment: string;
  label: LocalText;
  /** HH:MM, or null when not filled in */
  time: string | null;
  /** glucose in mmol/l as an exact decimal string, rounded like its measurement (1 decimal) */
  value: string;
}

/** Whether entries of this definition are day curves. */
export function isDayCurve(definition: FormDefinition): boolean {
  return definition.effects.some((effect) => effect.kind === 'day-curve');
}

/** The answered moments of a day curve, in the order of the day (moments without a value are left out). */
export function dayCurvePoints(definition: FormDefinition, response: QuestionnaireResponse): DayCurvePoint[] {
  const evaluator = new EnableWhenEvaluator(definition.questionnaire, response);
  const points: DayCurvePoint[] = [];
  for (const moment of definition.dayCurveMoments ?? []) {
    const answer = evaluator.effectiveAnswers(moment.valueLinkId)[0];
    const value = answer ? numericAnswer(answer) : undefined;
    if (value === undefined) continue;
    const group = findItem(definition.questionnaire, moment.moment) ?? findItem(definition.questionnaire, moment.valueLinkId);
    const time = moment.timeLinkId ? evaluator.effectiveAnswers(moment.timeLinkId)[0]?.valueTime : undefined;
    // The same rounding as the moment's measurement (glucose: 1 decimal), so Dagcurves and Monitoring agree.
    const rule = definition.measurements.find((candidate) => candidate.linkId === moment.valueLinkId);
    const decimals = rule ? findMeasure(rule.code)?.decimals : undefined;
    points.push({
      moment: moment.moment,
      label: group ? itemLocalText(group) : { nl: moment.moment, en: moment.moment },
      time: time && /^\d{2}:\d{2}/.test(time) ? time.slice(0, 5) : null,
      value: decimals === undefined ? value : roundDecimalString(value, decimals),
    });
  }
  return points;
}

/** The date of a day curve (YYYY-MM-DD), or null when not answered. */
export function dayCurveDate(definition: FormDefinition, response: QuestionnaireResponse): string | null {
  return formDate(definition, response);
}
