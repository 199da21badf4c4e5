// What is stored on publish: the answers of enabled questions only, in the questionnaire's tree shape.
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { questionnaireCanonical } from './answers.js';
import { EnableWhenEvaluator } from './enable-when.js';

function rebuild(items: readonly QuestionnaireItem[] | undefined, evaluator: EnableWhenEvaluator): QuestionnaireResponseItem[] {
  const out: QuestionnaireResponseItem[] = [];
  for (const item of items ?? []) {
    if (item.type === 'display' || !evaluator.isEnabled(item.linkId)) continue;
    const answers = item.type === 'group' ? [] : evaluator.effectiveAnswers(item.linkId);
    const children = rebuild(item.item, evaluator);
    if (answers.length === 0 && children.length === 0) continue;
    out.push({
      linkId: item.linkId,
      ...(item.text !== undefined ? { text: item.text } : {}),
      ...(answers.length > 0 ? { answer: answers } : {}),
      ...(children.length > 0 ? { item: children } : {}),
    });
  }
  return out;
}

/**
 * The response as published: answers of disabled items dropped, unanswered and unknown items left out, the tree
 * in questionnaire order, `questionnaire` set to the canonical `url|version`, status 'completed'. Validate first.
 */
export function publishableResponse(questionnaire: Questionnaire, response: QuestionnaireResponse): QuestionnaireResponse {
  const evaluator = new EnableWhenEvaluator(questionnaire, response);
  const { item: _items, ...rest } = response;
  const items = rebuild(questionnaire.item, evaluator);
  return {
    ...rest,
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    questionnaire: questionnaireCanonical(questionnaire),
    ...(items.length > 0 ? { item: items } : {}),
  };
}
