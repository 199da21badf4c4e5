// Answers that become measurements in Monitoring (the definition's `measurements` rules).
// - only enabled questions with an answer; a repeating question gives one measurement per answer
// - the value is an exact decimal string with the measure's decimals ("80" kg → "80.0"; 7.35 mmol/l → "7.4")
// - a choice counts when its option code is a number (Simm's classification '0'…'3', MRC '1'…'5')
// - measuredAt: the answer of the definition's `measuredAtLinkId` (YYYY-MM-DD, or a dateTime as given), refined
//   with the rule's `timeLinkId` answer to YYYY-MM-DDTHH:MM (local time, Europe/Amsterdam); null when the form
//   has no such date or it is not answered (the server then uses the publication time)
import type { QuestionnaireResponse, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import { numberToDecimalString, roundDecimalString } from './decimal.js';
import type { FormDefinition } from './definition.js';
import { EnableWhenEvaluator } from './enable-when.js';
import { findMeasure } from './measures.js';

export interface DerivedMeasurement {
  code: string;
  /** exact decimal string with the measure's decimals */
  value: string;
  unit: string;
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM (local) or a full dateTime as answered; null = the publication time */
  measuredAt: string | null;
  /** the question it came from */
  linkId: string;
}

/** The numeric value of an answer as a decimal string, or undefined when it has none. */
export function numericAnswer(answer: QuestionnaireResponseItemAnswer): string | undefined {
  const number = answer.valueDecimal ?? answer.valueInteger ?? answer.valueQuantity?.value;
  if (typeof number === 'number') return Number.isFinite(number) ? numberToDecimalString(number) : undefined;
  const code = answer.valueCoding?.code ?? answer.valueString;
  if (code !== undefined && /^[+-]?\d+(\.\d+)?$/.test(code.trim())) return code.trim();
  return undefined;
}

function dateAnswer(evaluator: EnableWhenEvaluator, linkId: string | undefined): string | null {
  if (!linkId) return null;
  const answer = evaluator.effectiveAnswers(linkId)[0];
  return answer?.valueDate ?? answer?.valueDateTime ?? null;
}

function timeAnswer(evaluator: EnableWhenEvaluator, linkId: string | undefined): string | null {
  if (!linkId) return null;
  const time = evaluator.effectiveAnswers(linkId)[0]?.valueTime;
  return time && /^\d{2}:\d{2}/.test(time) ? time.slice(0, 5) : null;
}

/** The date of the form (its `measuredAtLinkId` answer, YYYY-MM-DD), or null. */
export function formDate(definition: FormDefinition, response: QuestionnaireResponse): string | null {
  const evaluator = new EnableWhenEvaluator(definition.questionnaire, response);
  return dateAnswer(evaluator, definition.measuredAtLinkId)?.slice(0, 10) ?? null;
}

/** The measurements a published response yields, in the order of the definition's rules. */
export function deriveMeasurements(definition: FormDefinition, response: QuestionnaireResponse): DerivedMeasurement[] {
  const evaluator = new EnableWhenEvaluator(definition.questionnaire, response);
  const date = dateAnswer(evaluator, definition.measuredAtLinkId);
  const out: DerivedMeasurement[] = [];
  for (const rule of definition.measurements) {
    const measure = findMeasure(rule.code);
    if (!measure) throw new Error(`form ${definition.key} v${definition.version}: unknown measure ${rule.code}`);
    const time = timeAnswer(evaluator, rule.timeLinkId);
    const measuredAt = date === null ? null : time !== null && date.length === 10 ? `${date}T${time}` : date;
    for (const answer of evaluator.effectiveAnswers(rule.linkId)) {
      const value = numericAnswer(answer);
      if (value === undefined) continue;
      out.push({
        code: measure.code,
        value: roundDecimalString(value, measure.decimals),
        unit: measure.unit,
        measuredAt,
        linkId: rule.linkId,
      });
    }
  }
  return out;
}
