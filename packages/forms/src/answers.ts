// Reading and writing answers in a QuestionnaireResponse. The response's item tree mirrors the
// questionnaire's (groups contain their questions; display items have no response item); a repeating question
// holds several answers in one response item. All updates are immutable.
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireItemInitial,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import type { FormDefinition } from './definition.js';
import { locateItem } from './item-tree.js';

/** The canonical reference a response carries to its questionnaire: `url|version`. */
export function questionnaireCanonical(questionnaire: Questionnaire): string {
  const base = questionnaire.url ?? questionnaire.id ?? '';
  return questionnaire.version ? `${base}|${questionnaire.version}` : base;
}

function initialAnswers(item: QuestionnaireItem): QuestionnaireResponseItemAnswer[] {
  const fromInitial = (item.initial ?? []).map(initialToAnswer);
  const fromOptions = (item.answerOption ?? []).filter((option) => option.initialSelected).map(optionToAnswer);
  return [...fromInitial, ...fromOptions].filter(isAnswered);
}

function initialToAnswer(initial: QuestionnaireItemInitial): QuestionnaireResponseItemAnswer {
  const { id: _id, extension: _extension, modifierExtension: _modifier, ...value } = initial;
  return { ...value };
}

/** The answer that picks an answer option. */
export function optionToAnswer(option: QuestionnaireItemAnswerOption): QuestionnaireResponseItemAnswer {
  if (option.valueCoding) return { valueCoding: { ...option.valueCoding } };
  if (option.valueString !== undefined) return { valueString: option.valueString };
  if (option.valueInteger !== undefined) return { valueInteger: option.valueInteger };
  if (option.valueDate !== undefined) return { valueDate: option.valueDate };
  if (option.valueTime !== undefined) return { valueTime: option.valueTime };
  return {};
}

function responseItemFor(item: QuestionnaireItem, withInitial: boolean): QuestionnaireResponseItem | undefined {
  if (item.type === 'display') return undefined;
  const out: QuestionnaireResponseItem = { linkId: item.linkId };
  if (item.text !== undefined) out.text = item.text;
  if (withInitial) {
    const answers = initialAnswers(item);
    if (answers.length > 0) out.answer = answers;
  }
  const children = (item.item ?? []).flatMap((child) => responseItemFor(child, withInitial) ?? []);
  if (children.length > 0) out.item = children;
  return out;
}

/** A new response for the form: status 'in-progress', the full item tree, initial values filled in. */
export function emptyResponse(definition: FormDefinition): QuestionnaireResponse {
  const { questionnaire } = definition;
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'in-progress',
    questionnaire: questionnaireCanonical(questionnaire),
    item: (questionnaire.item ?? []).flatMap((item) => responseItemFor(item, true) ?? []),
  };
}

/** True when the answer carries a value (an empty or blank string counts as no answer). */
export function isAnswered(answer: QuestionnaireResponseItemAnswer): boolean {
  for (const [key, value] of Object.entries(answer)) {
    if (!key.startsWith('value') || value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (typeof value === 'number' && Number.isNaN(value)) return true; // present, but not a number: validation says so
    return true;
  }
  return false;
}

function collect(
  items: readonly QuestionnaireResponseItem[] | undefined,
  linkId: string,
  out: QuestionnaireResponseItemAnswer[],
) {
  for (const item of items ?? []) {
    if (item.linkId === linkId) out.push(...(item.answer ?? []));
    collect(item.item, linkId, out);
    for (const answer of item.answer ?? []) collect(answer.item, linkId, out);
  }
}

/** The answers given to a question (every occurrence in the tree), answered or not; [] when there are none. */
export function answersOf(response: QuestionnaireResponse, linkId: string): QuestionnaireResponseItemAnswer[] {
  const out: QuestionnaireResponseItemAnswer[] = [];
  collect(response.item, linkId, out);
  return out;
}

/** The answers that carry a value. */
export function givenAnswers(response: QuestionnaireResponse, linkId: string): QuestionnaireResponseItemAnswer[] {
  return answersOf(response, linkId).filter(isAnswered);
}

/** Every linkId that occurs in the response, in tree order. */
export function responseLinkIds(response: QuestionnaireResponse): string[] {
  const out: string[] = [];
  const visit = (items: readonly QuestionnaireResponseItem[] | undefined) => {
    for (const item of items ?? []) {
      out.push(item.linkId);
      visit(item.item);
      for (const answer of item.answer ?? []) visit(answer.item);
    }
  };
  visit(response.item);
  return out;
}

function withAnswers(item: QuestionnaireResponseItem, answers: QuestionnaireResponseItemAnswer[]): QuestionnaireResponseItem {
  const { answer: _old, ...rest } = item;
  return answers.length > 0 ? { ...rest, answer: answers } : rest;
}

function replaceIn(
  items: readonly QuestionnaireResponseItem[] | undefined,
  linkId: string,
  answers: QuestionnaireResponseItemAnswer[],
): { items: QuestionnaireResponseItem[]; found: boolean } {
  let found = false;
  const next = (items ?? []).map((item) => {
    let updated = item;
    if (item.linkId === linkId) {
      found = true;
      updated = withAnswers(item, answers);
    }
    if (item.item) {
      const nested = replaceIn(item.item, linkId, answers);
      if (nested.found) {
        found = true;
        updated = { ...updated, item: nested.items };
      }
    }
    return updated;
  });
  return { items: next, found };
}

/** Inserts a response item for `linkId` where the questionnaire has it, creating missing groups on the way. */
function insertAlongPath(
  items: readonly QuestionnaireResponseItem[] | undefined,
  path: readonly QuestionnaireItem[],
  siblings: readonly QuestionnaireItem[] | undefined,
  answers: QuestionnaireResponseItemAnswer[],
): QuestionnaireResponseItem[] {
  const [head, ...rest] = path;
  const list = [...(items ?? [])];
  if (!head) return list;
  const index = list.findIndex((item) => item.linkId === head.linkId);
  let target: QuestionnaireResponseItem =
    index >= 0 ? (list[index] as QuestionnaireResponseItem) : { linkId: head.linkId, ...(head.text ? { text: head.text } : {}) };
  target =
    rest.length === 0
      ? withAnswers(target, answers)
      : { ...target, item: insertAlongPath(target.item, rest, head.item, answers) };
  if (index >= 0) {
    list[index] = target;
    return list;
  }
  // Keep questionnaire order: insert before the first existing sibling that comes later in the questionnaire.
  const order = (siblings ?? []).map((sibling) => sibling.linkId);
  const position = order.indexOf(head.linkId);
  const before = list.findIndex((item) => order.indexOf(item.linkId) > position);
  list.splice(before >= 0 ? before : list.length, 0, target);
  return list;
}

/**
 * The response with the question's answers replaced (an empty list removes them). Immutable; keeps the item tree
 * shape. When the question has no response item yet, it is created where the questionnaire has it (if given),
 * else appended at the top level.
 */
export function setAnswers(
  response: QuestionnaireResponse,
  linkId: string,
  answers: QuestionnaireResponseItemAnswer[],
  questionnaire?: Questionnaire,
): QuestionnaireResponse {
  const replaced = replaceIn(response.item, linkId, answers);
  if (replaced.found) return { ...response, item: replaced.items };
  if (answers.length === 0) return response;
  const located = questionnaire ? locateItem(questionnaire, linkId) : undefined;
  if (questionnaire && located) {
    const path = [...located.ancestors, located.item];
    return { ...response, item: insertAlongPath(response.item, path, questionnaire.item, answers) };
  }
  return { ...response, item: [...(response.item ?? []), { linkId, answer: answers }] };
}
