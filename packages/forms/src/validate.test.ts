import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { setAnswers } from './answers.js';
import { ANSWER_SYSTEM, option, q, t, whenCode, yesNo } from './library/build.js';
import { problemMessage, problemMessages } from './problem-message.js';
import { isIsoDate, isTime, validateResponse } from './validate.js';

const questionnaire: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    q.date('datum', t('Datum consult', 'Consultation date'), { required: true }),
    q.integer('hba1c', t('HbA1c', 'HbA1c'), { unit: 'mmol/mol', min: 15, max: 200, required: true }),
    q.decimal('gewicht', t('Gewicht', 'Weight'), { unit: 'kg', min: 20, max: 350 }),
    q.choice('roken', t('Roken?', 'Smoking?'), yesNo(), { required: true }),
    q.integer('sigaretten', t('Aantal sigaretten per dag', 'Cigarettes per day'), {
      min: 1,
      max: 100,
      required: true,
      enableWhen: [whenCode('roken', 'ja')],
    }),
    q.group(
      'voeten',
      t('Voetonderzoek', 'Foot examination'),
      [q.string('bevinding', t('Bevinding', 'Finding'), { required: true, maxLength: 5 })],
      { enableWhen: [whenCode('roken', 'nee')] },
    ),
    q.group('contact', t('Contactgegevens', 'Contact details'), [q.string('telefoon', t('Telefoon', 'Phone'))], {
      required: true,
    }),
    q.time('tijd', t('Tijdstip', 'Time')),
    q.text('conclusie', t('Conclusie/beleid', 'Conclusion/plan'), { required: true, maxLength: 10 }),
    q.choice('keuze', t('Keuze', 'Choice'), [option('a', 'A', 'A')], { repeats: true }),
  ],
};

const empty: QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', status: 'in-progress' };
const code = (value: string): QuestionnaireResponseItemAnswer => ({ valueCoding: { system: ANSWER_SYSTEM, code: value } });

function fill(entries: Record<string, QuestionnaireResponseItemAnswer[]>, base = empty): QuestionnaireResponse {
  return Object.entries(entries).reduce(
    (response, [linkId, answers]) => setAnswers(response, linkId, answers, questionnaire),
    base,
  );
}

const complete = fill({
  datum: [{ valueDate: '2025-06-30' }],
  hba1c: [{ valueInteger: 53 }],
  roken: [code('ja')],
  sigaretten: [{ valueInteger: 10 }],
  telefoon: [{ valueString: '06-12345678' }],
  conclusie: [{ valueString: 'Goed' }],
});

const codes = (response: QuestionnaireResponse) => validateResponse(questionnaire, response).map((p) => `${p.linkId}:${p.code}`);

describe('validateResponse', () => {
  it('accepts a complete response', () => {
    expect(validateResponse(questionnaire, complete)).toEqual([]);
  });

  it('lists every required question that is enabled and unanswered, in questionnaire order', () => {
    expect(codes(empty)).toEqual([
      'datum:required',
      'hba1c:required',
      'roken:required',
      'contact:required',
      'conclusie:required',
    ]);
  });

  it('requires a follow-up question only when it is enabled', () => {
    const smoker = fill({ sigaretten: [] }, complete);
    expect(codes(smoker)).toEqual(['sigaretten:required']);
    const nonSmoker = fill({ roken: [code('nee')], sigaretten: [], bevinding: [{ valueString: 'ok' }] }, complete);
    expect(codes(nonSmoker)).toEqual([]);
  });

  it('never checks answers of disabled questions (they are dropped on publish)', () => {
    const stale = fill(
      { roken: [code('nee')], sigaretten: [{ valueInteger: 999 }], bevinding: [{ valueString: 'ok' }] },
      complete,
    );
    expect(codes(stale)).toEqual([]);
  });

  it('requires questions inside a group only when the group is enabled', () => {
    const nonSmoker = fill({ roken: [code('nee')] }, complete);
    expect(codes(nonSmoker)).toEqual(['bevinding:required']);
  });

  it('a required group needs one answered question inside', () => {
    expect(codes(fill({ telefoon: [] }, complete))).toEqual(['contact:required']);
  });

  it('treats a blank string as unanswered', () => {
    expect(codes(fill({ conclusie: [{ valueString: '   ' }] }, complete))).toEqual(['conclusie:required']);
  });

  it('checks integers, decimals and their bounds', () => {
    expect(codes(fill({ hba1c: [{ valueInteger: 53.5 }] }, complete))).toEqual(['hba1c:not-an-integer']);
    expect(codes(fill({ hba1c: [{ valueDecimal: 53.5 }] }, complete))).toEqual(['hba1c:not-an-integer']);
    expect(codes(fill({ hba1c: [{ valueString: 'veel' }] }, complete))).toEqual(['hba1c:not-a-number']);
    expect(codes(fill({ gewicht: [{ valueDecimal: Number.NaN }] }, complete))).toEqual(['gewicht:not-a-number']);
    expect(validateResponse(questionnaire, fill({ hba1c: [{ valueInteger: 5 }] }, complete))).toEqual([
      { linkId: 'hba1c', code: 'out-of-range', min: 15, max: 200 },
    ]);
    expect(codes(fill({ gewicht: [{ valueDecimal: 350.1 }] }, complete))).toEqual(['gewicht:out-of-range']);
    expect(codes(fill({ gewicht: [{ valueDecimal: 350 }] }, complete))).toEqual([]);
    expect(codes(fill({ gewicht: [{ valueInteger: 80 }] }, complete))).toEqual([]);
  });

  it('checks dates (YYYY-MM-DD, a real day) and times', () => {
    expect(codes(fill({ datum: [{ valueDate: '30-06-2025' }] }, complete))).toEqual(['datum:invalid-date']);
    expect(codes(fill({ datum: [{ valueDate: '2025-02-29' }] }, complete))).toEqual(['datum:invalid-date']);
    expect(codes(fill({ datum: [{ valueDate: '2024-02-29' }] }, complete))).toEqual([]);
    expect(codes(fill({ datum: [{ valueString: '2024-02-01' }] }, complete))).toEqual(['datum:invalid-date']);
    expect(codes(fill({ tijd: [{ valueTime: '25:00' }] }, complete))).toEqual(['tijd:invalid-date']);
    expect(codes(fill({ tijd: [{ valueTime: '07:45' }] }, complete))).toEqual([]);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isTime('07:45:30')).toBe(true);
  });

  it('accepts only the answer options of a choice, also for each answer of a repeating one', () => {
    expect(codes(fill({ roken: [code('misschien')] }, complete))).toEqual(['roken:not-an-option']);
    expect(codes(fill({ roken: [{ valueString: 'ja' }] }, complete))).toEqual(['roken:not-an-option']);
    expect(codes(fill({ keuze: [code('a'), code('b')] }, complete))).toEqual(['keuze:not-an-option']);
    expect(codes(fill({ keuze: [code('a')] }, complete))).toEqual([]);
  });

  it('checks maxLength in characters', () => {
    expect(validateResponse(questionnaire, fill({ conclusie: [{ valueString: 'elf tekens!' }] }, complete))).toEqual([
      { linkId: 'conclusie', code: 'too-long', maxLength: 10 },
    ]);
    expect(codes(fill({ conclusie: [{ valueString: 'ëëëëëëëëëë' }] }, complete))).toEqual([]);
  });

  it('reports answers to questions the questionnaire does not have', () => {
    const extra: QuestionnaireResponse = {
      ...complete,
      item: [...(complete.item ?? []), { linkId: 'oud', answer: [{ valueString: 'x' }] }],
    };
    expect(codes(extra)).toEqual(['oud:unknown-question']);
    const emptyExtra: QuestionnaireResponse = { ...complete, item: [...(complete.item ?? []), { linkId: 'oud' }] };
    expect(codes(emptyExtra)).toEqual([]);
  });
});

describe('problemMessage', () => {
  it('names the question by its label in Dutch and English', () => {
    expect(problemMessage(questionnaire, { linkId: 'hba1c', code: 'required' }, 'nl')).toBe('Vraag "HbA1c" is verplicht.');
    expect(problemMessage(questionnaire, { linkId: 'hba1c', code: 'required' }, 'en')).toBe('Question "HbA1c" is required.');
    expect(problemMessage(questionnaire, { linkId: 'sigaretten', code: 'required' }, 'nl')).toBe(
      'Vraag "Aantal sigaretten per dag" is verplicht.',
    );
    expect(problemMessage(questionnaire, { linkId: 'sigaretten', code: 'required' }, 'en')).toBe(
      'Question "Cigarettes per day" is required.',
    );
  });

  it('has a message for every problem code in both languages', () => {
    const cases = [
      [{ linkId: 'gewicht', code: 'not-a-number' }, 'Vraag "Gewicht": vul een getal in.', 'Question "Weight": enter a number.'],
      [
        { linkId: 'hba1c', code: 'not-an-integer' },
        'Vraag "HbA1c": vul een geheel getal in.',
        'Question "HbA1c": enter a whole number.',
      ],
      [
        { linkId: 'gewicht', code: 'out-of-range', min: 20, max: 350.5 },
        'Vraag "Gewicht": de waarde moet tussen 20 en 350,5 liggen.',
        'Question "Weight": the value must be between 20 and 350.5.',
      ],
      [
        { linkId: 'gewicht', code: 'out-of-range', min: 20 },
        'Vraag "Gewicht": de waarde moet minimaal 20 zijn.',
        'Question "Weight": the value must be at least 20.',
      ],
      [
        { linkId: 'datum', code: 'invalid-date' },
        'Vraag "Datum consult": vul een geldige datum in (dd-mm-jjjj).',
        'Question "Consultation date": enter a valid date (dd-mm-yyyy).',
      ],
      [
        { linkId: 'tijd', code: 'invalid-date' },
        'Vraag "Tijdstip": vul een geldige tijd in (uu:mm).',
        'Question "Time": enter a valid time (hh:mm).',
      ],
      [
        { linkId: 'roken', code: 'not-an-option' },
        'Vraag "Roken?": kies een van de antwoordmogelijkheden.',
        'Question "Smoking?": choose one of the options.',
      ],
      [
        { linkId: 'conclusie', code: 'too-long', maxLength: 10 },
        'Vraag "Conclusie/beleid": gebruik maximaal 10 tekens.',
        'Question "Conclusion/plan": use at most 10 characters.',
      ],
      [
        { linkId: 'oud', code: 'unknown-question' },
        'Vraag "oud" bestaat niet in dit formulier.',
        'Question "oud" does not exist in this form.',
      ],
    ] as const;
    for (const [problem, nl, en] of cases) {
      expect(problemMessage(questionnaire, problem, 'nl')).toBe(nl);
      expect(problemMessage(questionnaire, problem, 'en')).toBe(en);
    }
  });

  it('gives the field/message pairs of a 422 problem', () => {
    expect(problemMessages(questionnaire, validateResponse(questionnaire, fill({ hba1c: [] }, complete)), 'nl')).toEqual([
      { field: 'hba1c', message: 'Vraag "HbA1c" is verplicht.' },
    ]);
  });
});
