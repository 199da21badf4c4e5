// enableWhen (FHIR R4): an item is shown and may be answered only when its conditions hold.
// - operators: exists, =, !=, >, <, >=, <= ; enableBehavior 'all' (default) or 'any'
// - an item is disabled when an ancestor is disabled
// - the answers of a disabled question count as no answers (a hidden, stale answer never enables anything)
// - a condition other than `exists` on a question without answers is false (also for `!=`)
// - `!=` holds when some answer differs from the value (R4: "at least one answer … not equal")
// - codings are equal when their codes are equal and their systems are equal (or one has no system)
import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponse,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { givenAnswers } from './answers.js';
import { allItems, type LocatedItem } from './item-tree.js';

type Comparable =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | {
      kind: 'coding';
      value: Coding;
    };

function fromAnswer(answer: QuestionnaireResponseItemAnswer): Comparable | undefined {
  if (answer.valueBoolean !== undefined) return { kind: 'boolean', value: answer.valueBoolean };
  if (answer.valueDecimal !== undefined) return { kind: 'number', value: answer.valueDecimal };
  if (answer.valueInteger !== undefined) return { kind: 'number', value: answer.valueInteger };
  if (answer.valueQuantity?.value !== undefined) return { kind: 'number', value: answer.valueQuantity.value };
  if (answer.valueCoding !== undefined) return { kind: 'coding', value: answer.valueCoding };
  const text = answer.valueDate ?? answer.valueDateTime ?? answer.valueTime ?? answer.valueString ?? answer.valueUri;
  if (text !== undefined) return { kind: 'string', value: text };
  return undefined;
}

function fromCondition(condition: QuestionnaireItemEnableWhen): Comparable | undefined {
  if (condition.answerBoolean !== undefined) return { kind: 'boolean', value: condition.answerBoolean };
  if (condition.answerDecimal !== undefined) return { kind: 'number', value: condition.answerDecimal };
  if (condition.answerInteger !== undefined) return { kind: 'number', value: condition.answerInteger };
  if (condition.answerQuantity?.value !== undefined) return { kind: 'number', value: condition.answerQuantity.value };
  if (condition.answerCoding !== undefined) return { kind: 'coding', value: condition.answerCoding };
  const text = condition.answerDate ?? condition.answerDateTime ?? condition.answerTime ?? condition.answerString;
  if (text !== undefined) return { kind: 'string', value: text };
  return undefined;
}

/** -1/0/1 when the two are comparable in order, 'equal'/'different' for unordered kinds, undefined when unlike. */
function compare(left: Comparable, right: Comparable): number | 'equal' | 'different' | undefined {
  if (left.kind === 'coding' && right.kind === 'string') return left.value.code === right.value ? 'equal' : 'different';
  if (left.kind === 'string' && right.kind === 'coding') return left.value === right.value.code ? 'equal' : 'different';
  if (left.kind !== right.kind) return undefined;
  switch (left.kind) {
    case 'number':
    case 'string': {
      const a = left.value;
      const b = right.value as typeof a;
      return a < b ? -1 : a > b ? 1 : 0;
    }
    case 'boolean':
      return left.value === right.value ? 'equal' : 'different';
    case 'coding': {
      const other = right.value as Coding;
      const sameSystem = !left.value.system || !other.system || left.value.system === other.system;
      return sameSystem && left.value.code === other.code ? 'equal' : 'different';
    }
  }
}

function holds(operator: QuestionnaireItemEnableWhen['operator'], answer: Comparable, expected: Comparable): boolean {
  const result = compare(answer, expected);
  if (result === undefined) return operator === '!=';
  const equal = result === 'equal' || result === 0;
  switch (operator) {
    case '=':
      return equal;
    case '!=':
      return !equal;
    case '>':
      return typeof result === 'number' && result > 0;
    case '<':
      return typeof result === 'number' && result < 0;
    case '>=':
      return typeof result === 'number' && result >= 0;
    case '<=':
      return typeof result === 'number' && result <= 0;
    default:
      return false;
  }
}

/**
 * Decides enabled-ness for every item of one questionnaire × response, each item once (memoised), so a whole
 * form is checked in one pass. Build a new one when the response changes.
 */
export class EnableWhenEvaluator {
  private readonly items = new Map<string, LocatedItem>();
  private readonly memo = new Map<string, boolean>();
  private readonly inProgress = new Set<string>();

  constructor(
    readonly questionnaire: Questionnaire,
    readonly response: QuestionnaireResponse,
  ) {
    for (const located of allItems(questionnaire)) {
      if (!this.items.has(located.item.linkId)) this.items.set(located.item.linkId, located);
    }
  }

  /** False for an unknown linkId. */
  isEnabled(linkId: string): boolean {
    const known = this.memo.get(linkId);
    if (known !== undefined) return known;
    const located = this.items.get(linkId);
    if (!located) return false;
    // A cycle in enableWhen (a question depending on itself) counts as disabled.
    if (this.inProgress.has(linkId)) return false;
    this.inProgress.add(linkId);
    const enabled = located.ancestors.every((ancestor) => this.isEnabled(ancestor.linkId)) && this.ownConditions(located.item);
    this.inProgress.delete(linkId);
    this.memo.set(linkId, enabled);
    return enabled;
  }

  /** The answers that count: those of an enabled question that carry a value. */
  effectiveAnswers(linkId: string): QuestionnaireResponseItemAnswer[] {
    return this.isEnabled(linkId) ? givenAnswers(this.response, linkId) : [];
  }

  private ownConditions(item: QuestionnaireItem): boolean {
    const conditions = item.enableWhen ?? [];
    if (conditions.length === 0) return true;
    const results = conditions.map((condition) => this.condition(condition));
    return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
  }

  private condition(condition: QuestionnaireItemEnableWhen): boolean {
    const answers = this.effectiveAnswers(condition.question);
    if (condition.operator === 'exists') return answers.length > 0 === (condition.answerBoolean ?? true);
    const expected = fromCondition(condition);
    if (!expected) return false;
    return answers.some((answer) => {
      const value = fromAnswer(answer);
      return value !== undefined && holds(condition.operator, value, expected);
    });
  }
}

/** Whether the item is enabled: its enableWhen holds and every ancestor is enabled. False for an unknown linkId. */
export function isItemEnabled(questionnaire: Questionnaire, response: QuestionnaireResponse, linkId: string): boolean {
  return new EnableWhenEvaluator(questionnaire, response).isEnabled(linkId);
}

/** The linkIds of every enabled item, in questionnaire order (handy for a renderer: one pass per change). */
export function enabledLinkIds(questionnaire: Questionnaire, response: QuestionnaireResponse): Set<string> {
  const evaluator = new EnableWhenEvaluator(questionnaire, response);
  return new Set(
    allItems(questionnaire)
      .map((located) => located.item.linkId)
      .filter((linkId) => evaluator.isEnabled(linkId)),
  );
}
