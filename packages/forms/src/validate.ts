// The one validation of a response against its questionnaire: the web shows these problems at the questions,
// the server refuses to publish while there are any (docs/clinical-record.md §1).
// - required only when the item is enabled; a required group needs at least one answered question inside
// - disabled items are never checked (their answers are dropped on publish, see publishableResponse)
// - type checks: integer, decimal, quantity, date (YYYY-MM-DD), dateTime, time (HH:MM or HH:MM:SS), boolean,
//   choice (one of the answer options), open-choice (an option or free text), string/text (maxLength)
// - minValue/maxValue extensions on numbers (and dates); answers to questions the questionnaire lacks
import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { givenAnswers, responseLinkIds } from './answers.js';
import { EnableWhenEvaluator } from './enable-when.js';
import { itemMaxValue, itemMinValue } from './item-text.js';
import { allItems, isQuestion } from './item-tree.js';

export type FormProblemCode =
  | 'required'
  | 'not-a-number'
  | 'not-an-integer'
  | 'out-of-range'
  | 'invalid-date'
  | 'not-an-option'
  | 'too-long'
  | 'unknown-question';

export interface FormProblem {
  linkId: string;
  code: FormProblemCode;
  /** out-of-range: the bounds of the question, when it has them */
  min?: number;
  max?: number;
  /** out-of-range on a date question: the bounds as YYYY-MM-DD */
  minDate?: string;
  maxDate?: string;
  /** too-long: the maximum number of characters */
  maxLength?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d+)?)?$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A time written HH:MM or HH:MM:SS (what a browser's time input gives, and FHIR's `time`). */
export function isTime(value: string): boolean {
  return TIME.test(value);
}

/** A date-time YYYY-MM-DDTHH:MM[:SS][zone] with a real calendar date. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1] as string);
}

function numberOf(answer: QuestionnaireResponseItemAnswer): number | undefined {
  const value = answer.valueDecimal ?? answer.valueInteger ?? answer.valueQuantity?.value;
  return typeof value === 'number' ? value : undefined;
}

function sameCoding(a: Coding, b: Coding): boolean {
  return a.code === b.code && (!a.system || !b.system || a.system === b.system);
}

function matchesOption(item: QuestionnaireItem, answer: QuestionnaireResponseItemAnswer): boolean {
  return (item.answerOption ?? []).some((option) => {
    if (option.valueCoding && answer.valueCoding) return sameCoding(option.valueCoding, answer.valueCoding);
    if (option.valueString !== undefined) return option.valueString === answer.valueString;
    if (option.valueInteger !== undefined) return option.valueInteger === answer.valueInteger;
    if (option.valueDate !== undefined) return option.valueDate === answer.valueDate;
    if (option.valueTime !== undefined) return option.valueTime === answer.valueTime;
    return false;
  });
}

function rangeProblem(item: QuestionnaireItem, value: number): FormProblem | undefined {
  const min = itemMinValue(item);
  const max = itemMaxValue(item);
  const low = typeof min === 'number' ? min : undefined;
  const high = typeof max === 'number' ? max : undefined;
  if ((low !== undefined && value < low) || (high !== undefined && value > high)) {
    return {
      linkId: item.linkId,
      code: 'out-of-range',
      ...(low !== undefined ? { min: low } : {}),
      ...(high !== undefined ? { max: high } : {}),
    };
  }
  return undefined;
}

function dateRangeProblem(item: QuestionnaireItem, value: string): FormProblem | undefined {
  const min = itemMinValue(item);
  const max = itemMaxValue(item);
  const low = typeof min === 'string' ? min : undefined;
  const high = typeof max === 'string' ? max : undefined;
  if ((low !== undefined && value < low) || (high !== undefined && value > high)) {
    return {
      linkId: item.linkId,
      code: 'out-of-range',
      ...(low !== undefined ? { minDate: low } : {}),
      ...(high !== undefined ? { maxDate: high } : {}),
    };
  }
  return undefined;
}

/** The problem with one answer of a question, if any. */
export function answerProblem(item: QuestionnaireItem, answer: QuestionnaireResponseItemAnswer): FormProblem | undefined {
  const linkId = item.linkId;
  switch (item.type) {
    case 'integer': {
      const value = numberOf(answer);
      if (value === undefined || !Number.isFinite(value)) return { linkId, code: 'not-a-number' };
      if (!Number.isInteger(value)) return { linkId, code: 'not-an-integer' };
      return rangeProblem(item, value);
    }
    case 'decimal':
    case 'quantity': {
      const value = numberOf(answer);
      if (value === undefined || !Number.isFinite(value)) return { linkId, code: 'not-a-number' };
      return rangeProblem(item, value);
    }
    case 'date': {
      const value = answer.valueDate;
      if (value === undefined || !isIsoDate(value)) return { linkId, code: 'invalid-date' };
      return dateRangeProblem(item, value);
    }
    case 'dateTime': {
      const value = answer.valueDateTime ?? answer.valueDate;
      if (value === undefined || !(isIsoDateTime(value) || isIsoDate(value))) return { linkId, code: 'invalid-date' };
      return dateRangeProblem(item, value.slice(0, 10));
    }
    case 'time':
      return answer.valueTime !== undefined && isTime(answer.valueTime) ? undefined : { linkId, code: 'invalid-date' };
    case 'boolean':
      return typeof answer.valueBoolean === 'boolean' ? undefined : { linkId, code: 'not-an-option' };
    case 'choice':
      return matchesOption(item, answer) ? undefined : { linkId, code: 'not-an-option' };
    case 'open-choice': {
      if (matchesOption(item, answer)) return undefined;
      if (answer.valueString !== undefined) return lengthProblem(item, answer.valueString);
      return { linkId, code: 'not-an-option' };
    }
    case 'string':
    case 'text':
    case 'url': {
      const value = answer.valueString ?? answer.valueUri;
      if (value === undefined) return { linkId, code: 'not-an-option' };
      return lengthProblem(item, value);
    }
    default:
      return undefined;
  }
}

function lengthProblem(item: QuestionnaireItem, value: string): FormProblem | undefined {
  if (item.maxLength !== undefined && [...value].length > item.maxLength) {
    return { linkId: item.linkId, code: 'too-long', maxLength: item.maxLength };
  }
  return undefined;
}

function hasAnsweredDescendant(group: QuestionnaireItem, evaluator: EnableWhenEvaluator): boolean {
  return (group.item ?? []).some((child) =>
    isQuestion(child) ? evaluator.effectiveAnswers(child.linkId).length > 0 : hasAnsweredDescendant(child, evaluator),
  );
}

/**
 * Every problem of the response, in questionnaire order (at most one per question: the first that applies).
 * An empty list means the response may be published.
 */
export function validateResponse(questionnaire: Questionnaire, response: QuestionnaireResponse): FormProblem[] {
  const evaluator = new EnableWhenEvaluator(questionnaire, response);
  const problems: FormProblem[] = [];
  const known = new Set<string>();
  for (const { item } of allItems(questionnaire)) {
    known.add(item.linkId);
    if (item.type === 'display' || !evaluator.isEnabled(item.linkId)) continue;
    if (item.type === 'group') {
      if (item.required && !hasAnsweredDescendant(item, evaluator)) problems.push({ linkId: item.linkId, code: 'required' });
      continue;
    }
    const answers = givenAnswers(response, item.linkId);
    if (answers.length === 0) {
      if (item.required) problems.push({ linkId: item.linkId, code: 'required' });
      continue;
    }
    const problem = answers.map((answer) => answerProblem(item, answer)).find((found) => found !== undefined);
    if (problem) problems.push(problem);
  }
  // An answer to a question the questionnaire lacks (an empty leftover item is harmless and ignored).
  const unknown = new Set(
    responseLinkIds(response).filter((linkId) => !known.has(linkId) && givenAnswers(response, linkId).length > 0),
  );
  for (const linkId of unknown) problems.push({ linkId, code: 'unknown-question' });
  return problems;
}
