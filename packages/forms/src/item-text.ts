// Labels in the user's language. Dutch is the item's `text`; other languages come from the FHIR translation
// extension on the primitive's shadow element (`_text`, `_display`, `_title`):
//   "_text": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
//              "extension": [{ "url": "lang", "valueCode": "en" }, { "url": "content", "valueString": "Weight" }] }] }
import type { Coding, Extension, Questionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption } from '@medplum/fhirtypes';
import type { Language, LocalText } from './definition.js';

export const TRANSLATION_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/translation';
export const UNIT_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit';
export const MIN_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** The shadow element FHIR JSON uses for extensions on a primitive (`_text` next to `text`). */
export interface PrimitiveElement {
  id?: string;
  extension?: Extension[];
}

/** A translation extension for `_text`/`_display`/`_title`. */
export function translationExtension(lang: string, content: string): Extension {
  return {
    url: TRANSLATION_EXTENSION,
    extension: [
      { url: 'lang', valueCode: lang },
      { url: 'content', valueString: content },
    ],
  };
}

/** The translation in `lang` from a shadow element, if there is one. */
export function translationOf(element: PrimitiveElement | undefined, lang: string): string | undefined {
  for (const extension of element?.extension ?? []) {
    if (extension.url !== TRANSLATION_EXTENSION) continue;
    const parts = extension.extension ?? [];
    const code = parts.find((part) => part.url === 'lang')?.valueCode;
    if (code !== lang && code?.split('-')[0] !== lang) continue;
    const content = parts.find((part) => part.url === 'content')?.valueString;
    if (content !== undefined) return content;
  }
  return undefined;
}

function shadow(value: object, property: string): PrimitiveElement | undefined {
  return (value as Record<string, PrimitiveElement | undefined>)[`_${property}`];
}

function localized(dutch: string | undefined, element: PrimitiveElement | undefined, language: Language): string {
  if (language === 'nl') return dutch ?? '';
  return translationOf(element, language) ?? dutch ?? '';
}

/** The item's label in the language (Dutch when there is no translation). */
export function itemText(item: QuestionnaireItem, language: Language): string {
  return localized(item.text, shadow(item, 'text'), language);
}

/** The item's label in both languages. */
export function itemLocalText(item: QuestionnaireItem): LocalText {
  return { nl: itemText(item, 'nl'), en: itemText(item, 'en') };
}

/** A coding's display in the language (answer options carry the translation on `_display`). */
export function codingText(coding: Coding, language: Language): string {
  return localized(coding.display ?? coding.code, shadow(coding, 'display'), language);
}

/** An answer option's label in the language. */
export function optionText(option: QuestionnaireItemAnswerOption, language: Language): string {
  if (option.valueCoding) return codingText(option.valueCoding, language);
  if (option.valueString !== undefined) return option.valueString;
  if (option.valueInteger !== undefined) return String(option.valueInteger);
  return option.valueDate ?? option.valueTime ?? '';
}

/** The questionnaire's title in the language. */
export function questionnaireTitle(questionnaire: Questionnaire, language: Language): string {
  return localized(questionnaire.title, shadow(questionnaire, 'title'), language);
}

/** The unit of a numeric item (`questionnaire-unit` extension), e.g. 'kg', or null. */
export function itemUnit(item: QuestionnaireItem): string | null {
  const coding = item.extension?.find((extension) => extension.url === UNIT_EXTENSION)?.valueCoding;
  return coding?.display ?? coding?.code ?? null;
}

function boundOf(item: QuestionnaireItem, url: string): number | string | undefined {
  const extension = item.extension?.find((candidate) => candidate.url === url);
  if (!extension) return undefined;
  return extension.valueInteger ?? extension.valueDecimal ?? extension.valueDate ?? extension.valueDateTime;
}

/** The `minValue` extension's value (a number for integer/decimal items, an ISO date for date items). */
export function itemMinValue(item: QuestionnaireItem): number | string | undefined {
  return boundOf(item, MIN_VALUE_EXTENSION);
}

/** The `maxValue` extension's value. */
export function itemMaxValue(item: QuestionnaireItem): number | string | undefined {
  return boundOf(item, MAX_VALUE_EXTENSION);
}
