import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { setAnswers } from './answers.js';
import { enabledLinkIds, isItemEnabled } from './enable-when.js';
import { ANSWER_SYSTEM, option, q, t, whenCode, whenDecimal, whenExists, whenInteger } from './library/build.js';

const questionnaire: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    q.choice('roken', t('Roken?', 'Smoking?'), [option('ja', 'Ja', 'Yes'), option('nee', 'Nee', 'No')]),
    q.integer('sigaretten', t('Aantal sigaretten per dag', 'Cigarettes per day'), { enableWhen: [whenCode('roken', 'ja')] }),
    q.string('niet-ja', t('Niet ja', 'Not yes'), { enableWhen: [whenCode('roken', 'ja', '!=')] }),
    q.integer('exacerbaties', t('Exacerbaties', 'Exacerbations')),
    q.string('gt', t('> 0', '> 0'), { enableWhen: [whenInteger('exacerbaties', '>', 0)] }),
    q.string('ge', t('>= 2', '>= 2'), { enableWhen: [whenInteger('exacerbaties', '>=', 2)] }),
    q.string('lt', t('< 2', '< 2'), { enableWhen: [whenInteger('exacerbaties', '<', 2)] }),
    q.string('le', t('<= 2', '<= 2'), { enableWhen: [whenInteger('exacerbaties', '<=', 2)] }),
    q.decimal('glucose', t('Glucose', 'Glucose')),
    q.string('hoog', t('Hoog', 'High'), { enableWhen: [whenDecimal('glucose', '>', 10)] }),
    q.date('datum', t('Datum', 'Date')),
    q.string('met-datum', t('Met datum', 'With date'), { enableWhen: [whenExists('datum')] }),
    q.string('zonder-datum', t('Zonder datum', 'Without date'), { enableWhen: [whenExists('datum', false)] }),
    q.string('na-2024', t('Na 2024', 'After 2024'), {
      enableWhen: [{ question: 'datum', operator: '>=', answerDate: '2025-01-01' }],
    }),
    q.boolean('akkoord', t('Akkoord', 'Agreed')),
    q.string('bij-akkoord', t('Bij akkoord', 'When agreed'), {
      enableWhen: [{ question: 'akkoord', operator: '=', answerBoolean: true }],
    }),
    q.string('alle', t('Alle', 'All'), {
      enableWhen: [whenCode('roken', 'ja'), whenInteger('exacerbaties', '>', 0)],
      enableBehavior: 'all',
    }),
    q.string('een-van', t('Een van', 'Any'), {
      enableWhen: [whenCode('roken', 'ja'), whenInteger('exacerbaties', '>', 0)],
      enableBehavior: 'any',
    }),
    q.group(
      'groep',
      t('Groep', 'Group'),
      [
        q.string('in-groep', t('In groep', 'In group')),
        q.group('subgroep', t('Subgroep', 'Subgroup'), [q.string('diep', t('Diep', 'Deep'))]),
      ],
      { enableWhen: [whenCode('roken', 'ja')] },
    ),
    q.string('na-diep', t('Na diep', 'After deep'), { enableWhen: [whenExists('diep')] }),
  ],
};

const empty: QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', status: 'in-progress' };

function answer(response: QuestionnaireResponse, linkId: string, ...answers: QuestionnaireResponseItemAnswer[]) {
  return setAnswers(response, linkId, answers, questionnaire);
}
const code = (value: string): QuestionnaireResponseItemAnswer => ({ valueCoding: { system: ANSWER_SYSTEM, code: value } });

describe('enableWhen', () => {
  it('= on a coding: "Aantal sigaretten per dag" only when "Roken?" is ja', () => {
    expect(isItemEnabled(questionnaire, empty, 'sigaretten')).toBe(false);
    expect(isItemEnabled(questionnaire, answer(empty, 'roken', code('ja')), 'sigaretten')).toBe(true);
    expect(isItemEnabled(questionnaire, answer(empty, 'roken', code('nee')), 'sigaretten')).toBe(false);
  });

  it('compares codings by code and system (a missing system matches any)', () => {
    expect(isItemEnabled(questionnaire, answer(empty, 'roken', { valueCoding: { code: 'ja' } }), 'sigaretten')).toBe(true);
    expect(
      isItemEnabled(questionnaire, answer(empty, 'roken', { valueCoding: { system: 'other', code: 'ja' } }), 'sigaretten'),
    ).toBe(false);
  });

  it('!= holds for a different answer, not without an answer', () => {
    expect(isItemEnabled(questionnaire, empty, 'niet-ja')).toBe(false);
    expect(isItemEnabled(questionnaire, answer(empty, 'roken', code('nee')), 'niet-ja')).toBe(true);
    expect(isItemEnabled(questionnaire, answer(empty, 'roken', code('ja')), 'niet-ja')).toBe(false);
  });

  it('>, >=, <, <= on integers', () => {
    const at = (value: number) => answer(empty, 'exacerbaties', { valueInteger: value });
    const enabled = (value: number) =>
      [...enabledLinkIds(questionnaire, at(value))].filter((id) => ['gt', 'ge', 'lt', 'le'].includes(id));
    expect(enabled(0)).toEqual(['lt', 'le']);
    expect(enabled(1)).toEqual(['gt', 'lt', 'le']);
    expect(enabled(2)).toEqual(['gt', 'ge', 'le']);
    expect(enabled(3)).toEqual(['gt', 'ge']);
    expect(isItemEnabled(questionnaire, empty, 'lt')).toBe(false);
  });

  it('> on decimals and >= on dates', () => {
    expect(isItemEnabled(questionnaire, answer(empty, 'glucose', { valueDecimal: 10 }), 'hoog')).toBe(false);
    expect(isItemEnabled(questionnaire, answer(empty, 'glucose', { valueDecimal: 10.1 }), 'hoog')).toBe(true);
    expect(isItemEnabled(questionnaire, answer(empty, 'datum', { valueDate: '2024-12-31' }), 'na-2024')).toBe(false);
    expect(isItemEnabled(questionnaire, answer(empty, 'datum', { valueDate: '2025-01-01' }), 'na-2024')).toBe(true);
  });

  it('exists true and false; an empty string is no answer', () => {
    expect(isItemEnabled(questionnaire, empty, 'met-datum')).toBe(false);
    expect(isItemEnabled(questionnaire, empty, 'zonder-datum')).toBe(true);
    const dated = answer(empty, 'datum', { valueDate: '2025-03-01' });
    expect(isItemEnabled(questionnaire, dated, 'met-datum')).toBe(true);
    expect(isItemEnabled(questionnaire, dated, 'zonder-datum')).toBe(false);
    expect(isItemEnabled(questionnaire, answer(empty, 'datum', { valueDate: '' }), 'met-datum')).toBe(false);
  });

  it('= on a boolean', () => {
    expect(isItemEnabled(questionnaire, answer(empty, 'akkoord', { valueBoolean: true }), 'bij-akkoord')).toBe(true);
    expect(isItemEnabled(questionnaire, answer(empty, 'akkoord', { valueBoolean: false }), 'bij-akkoord')).toBe(false);
  });

  it('enableBehavior all needs every condition, any needs one', () => {
    const smoker = answer(empty, 'roken', code('ja'));
    expect(isItemEnabled(questionnaire, smoker, 'alle')).toBe(false);
    expect(isItemEnabled(questionnaire, smoker, 'een-van')).toBe(true);
    const both = answer(smoker, 'exacerbaties', { valueInteger: 1 });
    expect(isItemEnabled(questionnaire, both, 'alle')).toBe(true);
    expect(isItemEnabled(questionnaire, empty, 'een-van')).toBe(false);
    expect(isItemEnabled(questionnaire, answer(empty, 'exacerbaties', { valueInteger: 2 }), 'een-van')).toBe(true);
  });

  it('an item inside a disabled group is disabled, however deep', () => {
    expect(isItemEnabled(questionnaire, empty, 'groep')).toBe(false);
    expect(isItemEnabled(questionnaire, empty, 'in-groep')).toBe(false);
    expect(isItemEnabled(questionnaire, empty, 'diep')).toBe(false);
    const smoker = answer(empty, 'roken', code('ja'));
    expect(isItemEnabled(questionnaire, smoker, 'diep')).toBe(true);
  });

  it("a disabled question's stale answer enables nothing", () => {
    const deep = answer(answer(empty, 'roken', code('ja')), 'diep', { valueString: 'x' });
    expect(isItemEnabled(questionnaire, deep, 'na-diep')).toBe(true);
    const stopped = answer(deep, 'roken', code('nee'));
    expect(isItemEnabled(questionnaire, stopped, 'na-diep')).toBe(false);
  });

  it('an unknown linkId is not enabled; items without conditions are', () => {
    expect(isItemEnabled(questionnaire, empty, 'bestaat-niet')).toBe(false);
    expect(isItemEnabled(questionnaire, empty, 'roken')).toBe(true);
  });

  it('a cycle counts as disabled instead of looping', () => {
    const cyclic: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        q.string('a', t('A', 'A'), { enableWhen: [whenExists('b')] }),
        q.string('b', t('B', 'B'), { enableWhen: [whenExists('a')] }),
      ],
    };
    expect(isItemEnabled(cyclic, empty, 'a')).toBe(false);
  });
});
