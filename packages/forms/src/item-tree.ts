// Walking a Questionnaire's item tree.
import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';

export interface LocatedItem {
  item: QuestionnaireItem;
  /** The ancestors, outermost first. */
  ancestors: readonly QuestionnaireItem[];
}

/** Every item, depth first in questionnaire order, with its ancestors. */
export function allItems(questionnaire: Questionnaire): LocatedItem[] {
  const out: LocatedItem[] = [];
  const visit = (items: readonly QuestionnaireItem[] | undefined, ancestors: readonly QuestionnaireItem[]) => {
    for (const item of items ?? []) {
      out.push({ item, ancestors });
      visit(item.item, [...ancestors, item]);
    }
  };
  visit(questionnaire.item, []);
  return out;
}

/** The item with this linkId (with its ancestors), or undefined. */
export function locateItem(questionnaire: Questionnaire, linkId: string): LocatedItem | undefined {
  return allItems(questionnaire).find((located) => located.item.linkId === linkId);
}

/** The item with this linkId, or undefined. */
export function findItem(questionnaire: Questionnaire, linkId: string): QuestionnaireItem | undefined {
  return locateItem(questionnaire, linkId)?.item;
}

/** Item types that carry answers (not groups or display texts). */
export function isQuestion(item: QuestionnaireItem): boolean {
  return item.type !== 'group' && item.type !== 'display';
}

/** Item types whose answer is a number. */
export function isNumericType(item: QuestionnaireItem): boolean {
  return item.type === 'integer' || item.type === 'decimal' || item.type === 'quantity';
}
