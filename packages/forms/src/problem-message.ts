// Messages for form problems, naming the question by its label: 'Vraag "HbA1c" is verplicht.'
// The same text is shown at the question, in the summary above "Publiceren" and in the server's 422 problem.
import type { Questionnaire } from '@medplum/fhirtypes';
import type { Language } from './definition.js';
import { itemText } from './item-text.js';
import { findItem } from './item-tree.js';
import type { FormProblem } from './validate.js';

function formatNumber(value: number, language: Language): string {
  const text = String(value);
  return language === 'nl' ? text.replace('.', ',') : text;
}

/** YYYY-MM-DD as the UI writes dates: dd-mm-jjjj. */
function formatDate(value: string): string {
  const [year, month, day] = value.split('-');
  return year && month && day ? `${day}-${month}-${year}` : value;
}

function rangeText(problem: FormProblem, language: Language): string {
  const nl = language === 'nl';
  const low =
    problem.min !== undefined ? formatNumber(problem.min, language) : problem.minDate ? formatDate(problem.minDate) : undefined;
  const high =
    problem.max !== undefined ? formatNumber(problem.max, language) : problem.maxDate ? formatDate(problem.maxDate) : undefined;
  if (low !== undefined && high !== undefined) {
    return nl ? `de waarde moet tussen ${low} en ${high} liggen` : `the value must be between ${low} and ${high}`;
  }
  if (low !== undefined) return nl ? `de waarde moet minimaal ${low} zijn` : `the value must be at least ${low}`;
  if (high !== undefined) return nl ? `de waarde mag maximaal ${high} zijn` : `the value must be at most ${high}`;
  return nl ? 'de waarde is te hoog of te laag' : 'the value is out of range';
}

/** The label of a question in the language ('the linkId' when the item has no text). */
export function questionLabel(questionnaire: Questionnaire, linkId: string, language: Language): string {
  const item = findItem(questionnaire, linkId);
  const text = item ? itemText(item, language).trim() : '';
  return text === '' ? linkId : text;
}

/** The message for one problem, naming the question: 'Vraag "HbA1c" is verplicht.' / 'Question "HbA1c" is required.' */
export function problemMessage(questionnaire: Questionnaire, problem: FormProblem, language: Language): string {
  const nl = language === 'nl';
  const label = questionLabel(questionnaire, problem.linkId, language);
  const question = nl ? `Vraag "${label}"` : `Question "${label}"`;
  const item = findItem(questionnaire, problem.linkId);
  switch (problem.code) {
    case 'required':
      return nl ? `${question} is verplicht.` : `${question} is required.`;
    case 'not-a-number':
      return nl ? `${question}: vul een getal in.` : `${question}: enter a number.`;
    case 'not-an-integer':
      return nl ? `${question}: vul een geheel getal in.` : `${question}: enter a whole number.`;
    case 'out-of-range':
      return `${question}: ${rangeText(problem, language)}.`;
    case 'invalid-date':
      if (item?.type === 'time')
        return nl ? `${question}: vul een geldige tijd in (uu:mm).` : `${question}: enter a valid time (hh:mm).`;
      return nl ? `${question}: vul een geldige datum in (dd-mm-jjjj).` : `${question}: enter a valid date (dd-mm-yyyy).`;
    case 'not-an-option':
      return nl ? `${question}: kies een van de antwoordmogelijkheden.` : `${question}: choose one of the options.`;
    case 'too-long': {
      const max = problem.maxLength ?? item?.maxLength;
      if (max === undefined) return nl ? `${question}: het antwoord is te lang.` : `${question}: the answer is too long.`;
      return nl ? `${question}: gebruik maximaal ${max} tekens.` : `${question}: use at most ${max} characters.`;
    }
    case 'unknown-question':
      return nl ? `${question} bestaat niet in dit formulier.` : `${question} does not exist in this form.`;
  }
}

/** Every problem as `{ field: linkId, message }` — the shape of the server's 422 `errors`. */
export function problemMessages(
  questionnaire: Questionnaire,
  problems: readonly FormProblem[],
  language: Language,
): { field: string; message: string }[] {
  return problems.map((problem) => ({ field: problem.linkId, message: problemMessage(questionnaire, problem, language) }));
}
