import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { answersOf, emptyResponse, setAnswers } from './answers.js';
import { itemText, optionText, questionnaireTitle } from './item-text.js';
import { findItem } from './item-tree.js';
import { latestDefinition } from './library/index.js';
import { publishableResponse } from './publish.js';

const definition = latestDefinition('consult-poh-dm2');
if (!definition) throw new Error('consult-poh-dm2 missing');
const { questionnaire } = definition;

describe('emptyResponse', () => {
  it('mirrors the item tree, in progress, pointing at the questionnaire version', () => {
    const response = emptyResponse(definition);
    expect(response.status).toBe('in-progress');
    expect(response.questionnaire).toBe(`https://keten.dev/fhir/Questionnaire/consult-poh-dm2|${definition.version}`);
    const metingen = response.item?.find((item) => item.linkId === 'metingen');
    expect(metingen?.item?.map((item) => item.linkId)).toEqual(['gewicht', 'bmi', 'bloeddruk', 'hba1c', 'glucose-nuchter']);
    expect(metingen?.item?.find((item) => item.linkId === 'bloeddruk')?.item?.map((item) => item.linkId)).toEqual([
      'bloeddruk-systolisch',
      'bloeddruk-diastolisch',
    ]);
  });

  it('fills initial values (an initially selected option)', () => {
    expect(answersOf(emptyResponse(definition), 'soort-consult')).toEqual([
      { valueCoding: expect.objectContaining({ code: 'spreekuur', display: 'Spreekuur' }) },
    ]);
  });
});

describe('answersOf / setAnswers', () => {
  it('reads and writes nested questions immutably, keeping the tree', () => {
    const before = emptyResponse(definition);
    const after = setAnswers(before, 'bloeddruk-systolisch', [{ valueInteger: 135 }]);
    expect(answersOf(after, 'bloeddruk-systolisch')).toEqual([{ valueInteger: 135 }]);
    expect(answersOf(before, 'bloeddruk-systolisch')).toEqual([]);
    expect(JSON.stringify(after).length).toBeGreaterThan(JSON.stringify(before).length);
    const cleared = setAnswers(after, 'bloeddruk-systolisch', []);
    expect(cleared).toEqual(before);
  });

  it('keeps several answers of a repeating question in one item', () => {
    const intake = latestDefinition('intake-ggz-poh');
    if (!intake) throw new Error('intake-ggz-poh missing');
    const response = setAnswers(emptyResponse(intake), 'klachten', [
      { valueCoding: { code: 'angst' } },
      { valueCoding: { code: 'slaap' } },
    ]);
    expect(response.item?.filter((item) => item.linkId === 'klachten')).toHaveLength(1);
    expect(answersOf(response, 'klachten')).toHaveLength(2);
  });

  it('creates a missing item where the questionnaire has it', () => {
    const bare: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      item: [{ linkId: 'conclusie' }],
    };
    const response = setAnswers(bare, 'bloeddruk-diastolisch', [{ valueInteger: 80 }], questionnaire);
    expect(response.item?.map((item) => item.linkId)).toEqual(['metingen', 'conclusie']);
    expect(response.item?.[0]?.item?.[0]?.item?.[0]).toEqual({
      linkId: 'bloeddruk-diastolisch',
      text: 'Diastolische bloeddruk',
      answer: [{ valueInteger: 80 }],
    });
    const withoutQuestionnaire = setAnswers(bare, 'x', [{ valueString: 'y' }]);
    expect(withoutQuestionnaire.item?.map((item) => item.linkId)).toEqual(['conclusie', 'x']);
  });
});

describe('item texts', () => {
  it('reads the English translation extension, Dutch by default', () => {
    const item = findItem(questionnaire, 'roken');
    if (!item) throw new Error('roken missing');
    expect(itemText(item, 'nl')).toBe('Roken?');
    expect(itemText(item, 'en')).toBe('Smoking?');
    expect(item.answerOption?.map((option) => optionText(option, 'en'))).toEqual(['Yes', 'No, never smoked', 'Quit']);
    expect(questionnaireTitle(questionnaire, 'en')).toBe('Consultation practice nurse/GP');
    expect(itemText({ linkId: 'x', type: 'string', text: 'Alleen Nederlands' }, 'en')).toBe('Alleen Nederlands');
  });
});

describe('publishableResponse', () => {
  it('drops answers of disabled questions and empty items, and completes the response', () => {
    let response = emptyResponse(definition);
    response = setAnswers(response, 'roken', [{ valueCoding: { code: 'ja' } }]);
    response = setAnswers(response, 'sigaretten-per-dag', [{ valueInteger: 10 }]);
    response = setAnswers(response, 'roken', [{ valueCoding: { code: 'nee' } }]);
    response = setAnswers(response, 'conclusie', [{ valueString: 'Stabiel' }]);
    const published = publishableResponse(questionnaire, response);
    expect(published.status).toBe('completed');
    expect(answersOf(published, 'sigaretten-per-dag')).toEqual([]);
    expect(published.item?.map((item) => item.linkId)).toEqual(['soort-consult', 'leefstijl', 'conclusie']);
    expect(published.item?.[1]?.item?.map((item) => item.linkId)).toEqual(['roken']);
  });
});
