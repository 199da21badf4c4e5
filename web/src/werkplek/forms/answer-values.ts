import { codingText, type Language } from '@keten/forms';
import type {
  Coding,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { formatDate, formatTime, parseDate, timeZone } from '../../ui/format';

// Small conversions between what a user types and FHIR answer values, for the renderer. The rules about answers
// (required, ranges, enableWhen) live in @keten/forms; this only turns text into values and back.

type Answer = QuestionnaireResponseItemAnswer;

const unitUrl = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit';
const minUrl = 'http://hl7.org/fhir/StructureDefinition/minValue';
const maxUrl = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** What an option (or a chosen answer) says on screen. */
export function optionText(option: QuestionnaireItemAnswerOption | Answer, language: Language): string {
  if (option.valueCoding) return codingText(option.valueCoding, language);
  if (option.valueString !== undefined) return option.valueString;
  if (option.valueInteger !== undefined) return String(option.valueInteger);
  if (option.valueDate !== undefined) return formatDate(option.valueDate);
  return '';
}

/** A stable key for an option or answer, to compare chosen answers with the options. */
export function optionKey(option: QuestionnaireItemAnswerOption | Answer): string {
  if (option.valueCoding) return `coding:${option.valueCoding.system ?? ''}|${option.valueCoding.code ?? ''}`;
  if (option.valueString !== undefined) return `string:${option.valueString}`;
  if (option.valueInteger !== undefined) return `integer:${option.valueInteger}`;
  if (option.valueDate !== undefined) return `date:${option.valueDate}`;
  return '';
}

/** The answer an option gives (the option's own value). */
export function optionAnswer(option: QuestionnaireItemAnswerOption): Answer {
  if (option.valueCoding) return { valueCoding: option.valueCoding };
  if (option.valueString !== undefined) return { valueString: option.valueString };
  if (option.valueInteger !== undefined) return { valueInteger: option.valueInteger };
  if (option.valueDate !== undefined) return { valueDate: option.valueDate };
  return {};
}

/** The unit of a decimal or quantity question (`questionnaire-unit` extension). */
export function itemUnit(item: QuestionnaireItem): Coding | undefined {
  return item.extension?.find((extension) => extension.url === unitUrl)?.valueCoding;
}

function extensionNumber(item: QuestionnaireItem, url: string): number | undefined {
  const extension = item.extension?.find((each) => each.url === url);
  return extension?.valueDecimal ?? extension?.valueInteger;
}

export function itemRange(item: QuestionnaireItem): { min?: number; max?: number } {
  return { min: extensionNumber(item, minUrl), max: extensionNumber(item, maxUrl) };
}

/** A number as the language writes it: 7,5 in Dutch, 7.5 in English. */
export function formatNumber(value: number, language: Language): string {
  const text = String(value);
  return language === 'nl' ? text.replace('.', ',') : text;
}

const numberPattern = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/;

/**
 * Typed text → the answer of a number question: empty → no answer; a number (comma or point) → `valueInteger` or
 * `valueDecimal`; anything else is kept as `valueString`, so the shared validation names it ("is geen getal") and
 * nothing the user typed is lost.
 */
export function numberAnswer(text: string, type: 'integer' | 'decimal'): Answer | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!numberPattern.test(trimmed)) return { valueString: trimmed };
  const value = Number(trimmed.replace(',', '.'));
  if (type === 'integer') return Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };
  return { valueDecimal: value };
}

/** The number in an answer, if it holds one. */
export function answerNumber(answer: Answer | undefined): number | undefined {
  return answer?.valueDecimal ?? answer?.valueInteger ?? answer?.valueQuantity?.value;
}

/** What a number answer shows: the number in the language's notation, or the text that was not a number. */
export function numberText(answer: Answer | undefined, language: Language): string {
  const value = answerNumber(answer);
  if (value !== undefined) return formatNumber(value, language);
  return answer?.valueString ?? '';
}

/** dd-mm-jjjj → `valueDate` (YYYY-MM-DD); text that is no date stays as typed, so validation reports it. */
export function dateAnswer(text: string): Answer | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return { valueDate: parseDate(trimmed) ?? trimmed };
}

export function dateText(answer: Answer | undefined): string {
  const value = answer?.valueDate;
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

/** The offset of Amsterdam from UTC at a moment, in minutes (+60 in winter, +120 in summer). */
function amsterdamOffsetMinutes(utcMillis: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - utcMillis) / 60_000);
}

/** A wall-clock time in Amsterdam as an ISO dateTime with its offset: `2024-03-05T14:30:00+01:00`. */
export function amsterdamDateTime(isoDate: string, hours: number, minutes: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  // The offset at the wall time read as UTC is right except in the hour around a change; once more settles it.
  let offset = amsterdamOffsetMinutes(wall - amsterdamOffsetMinutes(wall) * 60_000);
  offset = amsterdamOffsetMinutes(wall - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${isoDate}T${pad(hours)}:${pad(minutes)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const typedDateTime = /^(.+?)[\s,]+(\d{1,2})[:.](\d{2})$/;

/** `dd-mm-jjjj uu:mm` (Amsterdam time) → `valueDateTime`; anything else stays as typed. */
export function dateTimeAnswer(text: string): Answer | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = typedDateTime.exec(trimmed);
  const date = match?.[1] ? parseDate(match[1]) : undefined;
  const [hours, minutes] = [Number(match?.[2]), Number(match?.[3])];
  if (!date || !(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) return { valueDateTime: trimmed };
  return { valueDateTime: amsterdamDateTime(date, hours, minutes) };
}

export function dateTimeText(answer: Answer | undefined): string {
  const value = answer?.valueDateTime;
  if (!value) return '';
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(new Date(value).getTime())) return value;
  return `${formatDate(new Date(value))} ${formatTime(value)}`;
}

const typedTime = /^(\d{1,2})(?:[:.]?)(\d{2})$/;

/** `8:30`, `08.30` or `0830` → `valueTime` `08:30:00`; anything else stays as typed. */
export function timeAnswer(text: string): Answer | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = typedTime.exec(trimmed);
  const [hours, minutes] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || !(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) return { valueTime: trimmed };
  return { valueTime: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00` };
}

export function timeText(answer: Answer | undefined): string {
  const value = answer?.valueTime;
  if (!value) return '';
  return /^\d{2}:\d{2}(:\d{2})?$/.test(value) ? value.slice(0, 5) : value;
}
