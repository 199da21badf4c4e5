import { emptyResponse, type FormDefinition, findItem, optionToAnswer, setAnswers, validateResponse } from '@keten/forms';
import type { QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';

// Plausible, valid answers to any form of the library, for the demo history and tests: the form's date, the
// measured values on their questions, given answers, and for every other required question a sensible default
// (first option, a short note, …) until @keten/forms finds nothing required missing.

export interface FillInput {
  /** The form's date (measuredAtLinkId and any other required date), YYYY-MM-DD. */
  date: string;
  /** Measured values by measure code (exact decimal strings), put on the form's measurement questions. */
  values?: Readonly<Record<string, string>>;
  /** Answers by linkId; a string is a text answer. */
  answers?: Readonly<Record<string, string | QuestionnaireResponseItemAnswer[]>>;
  /** Text for required free-text questions without a given answer. */
  note?: string;
}

function numberAnswer(item: QuestionnaireItem, value: string): QuestionnaireResponseItemAnswer[] {
  switch (item.type) {
    case 'integer':
      return [{ valueInteger: Math.round(Number(value)) }];
    case 'decimal':
      return [{ valueDecimal: Number(value) }];
    case 'quantity':
      return [{ valueQuantity: { value: Number(value) } }];
    case 'string':
    case 'text':
      return [{ valueString: value }];
    default:
      return [];
  }
}

function defaultAnswer(item: QuestionnaireItem, input: FillInput): QuestionnaireResponseItemAnswer[] {
  const bound = (url: string) => item.extension?.find((extension) => extension.url.endsWith(url));
  const min = bound('minValue');
  switch (item.type) {
    case 'string':
    case 'text':
      return [{ valueString: input.note ?? 'Zie toelichting.' }];
    case 'choice':
    case 'open-choice': {
      const first = item.answerOption?.[0];
      return first ? [optionToAnswer(first)] : [{ valueString: '-' }];
    }
    case 'boolean':
      return [{ valueBoolean: false }];
    case 'date':
      return [{ valueDate: input.date }];
    case 'dateTime':
      return [{ valueDateTime: `${input.date}T10:00:00+01:00` }];
    case 'time':
      return [{ valueTime: '10:00:00' }];
    case 'integer':
      return [{ valueInteger: min?.valueInteger ?? 0 }];
    case 'decimal':
      return [{ valueDecimal: min?.valueDecimal ?? 0 }];
    case 'quantity':
      return [{ valueQuantity: { value: min?.valueDecimal ?? 0 } }];
    default:
      return [];
  }
}

export function filledResponse(definition: FormDefinition, input: FillInput): QuestionnaireResponse {
  const questionnaire = definition.questionnaire;
  let response = emptyResponse(definition);
  if (definition.measuredAtLinkId) {
    const item = findItem(questionnaire, definition.measuredAtLinkId);
    const answer = item?.type === 'dateTime' ? { valueDateTime: `${input.date}T10:00:00+01:00` } : { valueDate: input.date };
    response = setAnswers(response, definition.measuredAtLinkId, [answer]);
  }
  for (const rule of definition.measurements) {
    const value = input.values?.[rule.code];
    const item = findItem(questionnaire, rule.linkId);
    if (value === undefined || !item) continue;
    response = setAnswers(response, rule.linkId, numberAnswer(item, value));
  }
  for (const [linkId, answer] of Object.entries(input.answers ?? {})) {
    response = setAnswers(response, linkId, typeof answer === 'string' ? [{ valueString: answer }] : answer);
  }
  for (let round = 0; round < 8; round++) {
    const missing = validateResponse(questionnaire, response).filter((problem) => problem.code === 'required');
    if (missing.length === 0) break;
    for (const problem of missing) {
      const item = findItem(questionnaire, problem.linkId);
      if (item) response = setAnswers(response, problem.linkId, defaultAnswer(item, input));
    }
  }
  return response;
}
