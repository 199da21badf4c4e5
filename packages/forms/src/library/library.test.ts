// The library's integrity: every form is consistent in itself and with the rest of Keten (measures, role codes,
// record types and the role × right matrix of migration 0003).
import type { Coding, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { criterionText } from '../activation.js';
import { emptyResponse } from '../answers.js';
import { isProgramme, programmes } from '../definition.js';
import { translationOf } from '../item-text.js';
import { allItems, isNumericType } from '../item-tree.js';
import { findMeasure } from '../measures.js';
import { validateResponse } from '../validate.js';
import { findDefinition, formLibrary, latestDefinition, latestDefinitions } from './index.js';

// Copied from server/src/db/migrations/0003-access.ts (the package may not import the server).
const roleCodes = [
  'huisarts',
  'poh-somatiek',
  'poh-ggz',
  'praktijkassistent',
  'praktijkbeheerder',
  'dietist',
  'podotherapeut',
  'fysiotherapeut',
  'mgl-medewerker',
  'medisch-specialist',
  'baliemedewerker',
  'helpdesk',
  'platformbeheerder',
];
const recordTypes = [
  'personalia',
  'somatic',
  'ggz',
  'mgl',
  'dietetics',
  'gli',
  'podotherapy',
  'physiotherapy',
  'hospital',
  'referral',
  'memo',
  'patient-entered',
];
// biome-ignore format: kept aligned as a table
const writableRecordTypes: Record<string, readonly string[]> = {
  huisarts:             ['personalia', 'somatic', 'ggz', 'referral', 'memo'],
  'poh-somatiek':       ['personalia', 'somatic', 'referral', 'memo'],
  'poh-ggz':            ['personalia', 'ggz', 'referral', 'memo'],
  praktijkassistent:    ['personalia', 'memo'],
  praktijkbeheerder:    ['personalia'],
  dietist:              ['dietetics', 'gli', 'referral', 'memo'],
  podotherapeut:        ['podotherapy', 'referral', 'memo'],
  fysiotherapeut:       ['gli', 'physiotherapy', 'referral', 'memo'],
  'mgl-medewerker':     ['mgl', 'referral', 'memo'],
  'medisch-specialist': ['hospital', 'referral', 'memo'],
  baliemedewerker:      ['personalia'],
  helpdesk:             [],
  platformbeheerder:    [],
};
const organisationTypes = [
  'gp-practice',
  'care-group',
  'dietitian',
  'podotherapy',
  'physio',
  'mental-health-desk',
  'hospital',
  'hospital-department',
  'pharmacy',
];

const label = (definition: { key: string; version: number }) => `${definition.key} v${definition.version}`;

function enTranslation(element: unknown): string | undefined {
  return translationOf(element as { extension?: [] } | undefined, 'en');
}

function itemOf(questionnaire: Questionnaire, linkId: string): QuestionnaireItem | undefined {
  return allItems(questionnaire).find((located) => located.item.linkId === linkId)?.item;
}

describe('form library', () => {
  it('has the forms of the brief', () => {
    const keys = new Set(formLibrary.map((definition) => definition.key));
    const expected = [
      'consult-poh-dm2',
      'consult-poh-cvrm',
      'consult-poh-copd',
      'jaarcontrole-dm2',
      'dagcurve',
      'intake-dietist',
      'consult-dietist',
      'voetonderzoek',
      'intake-fysiotherapie',
      'intake-ggz-poh',
      'intake-gli',
      ...programmes.flatMap((programme) => [
        `start-traject-${programme.toLowerCase()}`,
        `stop-traject-${programme.toLowerCase()}`,
      ]),
      'verwijzing-dietist',
      'verwijzing-pedicure',
      'verwijzing-fysiotherapie',
      'verwijzing-gli',
      'verwijzing-poh-ggz-mgl',
    ];
    for (const key of expected) expect(keys, key).toContain(key);
  });

  it('keeps every version: the latest is the highest, older ones stay findable', () => {
    expect(latestDefinition('consult-poh-dm2')?.version).toBe(2);
    expect(findDefinition('consult-poh-dm2', 1)?.version).toBe(1);
    expect(findDefinition('consult-poh-dm2', 3)).toBeUndefined();
    expect(latestDefinition('bestaat-niet')).toBeUndefined();
    const v1 = findDefinition('consult-poh-dm2', 1);
    const v2 = findDefinition('consult-poh-dm2', 2);
    expect(v1 && itemOf(v1.questionnaire, 'hypoglykemie')).toBeUndefined();
    expect(v2 && itemOf(v2.questionnaire, 'hypoglykemie')).toBeDefined();
    expect(latestDefinitions().map((definition) => definition.key)).toEqual([
      ...new Set(formLibrary.map((definition) => definition.key)),
    ]);
  });

  it('numbers the versions of each form 1, 2, … without gaps or doubles', () => {
    const versions = new Map<string, number[]>();
    for (const definition of formLibrary)
      versions.set(definition.key, [...(versions.get(definition.key) ?? []), definition.version]);
    for (const [key, list] of versions) {
      expect(
        [...list].sort((a, b) => a - b),
        key,
      ).toEqual(list.map((_, index) => index + 1));
    }
  });

  for (const definition of formLibrary) {
    describe(label(definition), () => {
      const { questionnaire } = definition;
      const items = allItems(questionnaire).map((located) => located.item);

      it('has a kebab-case key, nl+en titles and a FHIR Questionnaire that says which version it is', () => {
        expect(definition.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(definition.title.nl).not.toBe('');
        expect(definition.title.en).not.toBe('');
        expect(questionnaire.resourceType).toBe('Questionnaire');
        expect(questionnaire.status).toBe('active');
        expect(questionnaire.title).toBe(definition.title.nl);
        expect(enTranslation((questionnaire as { _title?: unknown })._title)).toBe(definition.title.en);
        expect(questionnaire.version).toBe(String(definition.version));
        expect(questionnaire.url).toMatch(new RegExp(`/${definition.key}$`));
      });

      it('has unique linkIds', () => {
        const linkIds = items.map((item) => item.linkId);
        expect(new Set(linkIds).size, linkIds.join(', ')).toBe(linkIds.length);
      });

      it('translates every item text and every answer option into English', () => {
        for (const item of items) {
          expect(item.text, item.linkId).toBeTruthy();
          expect(enTranslation((item as { _text?: unknown })._text), item.linkId).toBeTruthy();
          for (const option of item.answerOption ?? []) {
            const coding = option.valueCoding as (Coding & { _display?: unknown }) | undefined;
            expect(coding?.display, `${item.linkId} option`).toBeTruthy();
            expect(enTranslation(coding?._display), `${item.linkId} ${coding?.code}`).toBeTruthy();
          }
          if (item.type === 'choice') expect(item.answerOption?.length, item.linkId).toBeGreaterThan(0);
          if (item.type === 'group') expect(item.item?.length, item.linkId).toBeGreaterThan(0);
        }
      });

      it('refers in enableWhen only to questions of the form that come earlier', () => {
        const seen = new Set<string>();
        for (const item of items) {
          for (const condition of item.enableWhen ?? []) {
            expect(seen.has(condition.question), `${item.linkId} → ${condition.question}`).toBe(true);
            const target = itemOf(questionnaire, condition.question);
            expect(target && target.type !== 'group' && target.type !== 'display', condition.question).toBe(true);
            if (condition.answerCoding) {
              const codes = (target?.answerOption ?? []).map((option) => option.valueCoding?.code);
              expect(codes, `${item.linkId} → ${condition.question} = ${condition.answerCoding.code}`).toContain(
                condition.answerCoding.code,
              );
            }
            if (condition.answerInteger !== undefined) expect(target?.type).toBe('integer');
          }
          if ((item.enableWhen?.length ?? 0) > 1) expect(item.enableBehavior, item.linkId).toBeDefined();
          seen.add(item.linkId);
        }
      });

      it('measures existing numeric questions with known measures whose units match', () => {
        for (const rule of definition.measurements) {
          const measure = findMeasure(rule.code);
          expect(measure, rule.code).toBeDefined();
          const item = itemOf(questionnaire, rule.linkId);
          expect(item, rule.linkId).toBeDefined();
          if (!item || !measure) continue;
          const numericChoice =
            item.type === 'choice' && (item.answerOption ?? []).every((option) => /^\d+$/.test(option.valueCoding?.code ?? ''));
          expect(isNumericType(item) || numericChoice, `${rule.linkId} is numeric`).toBe(true);
          const unit = item.extension?.find((extension) => extension.url.endsWith('questionnaire-unit'))?.valueCoding?.display;
          if (unit !== undefined) expect(unit, rule.linkId).toBe(measure.unit);
          if (rule.timeLinkId) expect(itemOf(questionnaire, rule.timeLinkId)?.type, rule.timeLinkId).toBe('time');
        }
      });

      it('dates its measurements with a date question', () => {
        if (definition.measuredAtLinkId) expect(itemOf(questionnaire, definition.measuredAtLinkId)?.type).toBe('date');
        if (definition.measurements.length > 0) expect(definition.measuredAtLinkId, 'measured forms carry a date').toBeDefined();
      });

      it('may be started only by real roles that may write its record type', () => {
        expect(recordTypes).toContain(definition.recordType);
        expect(definition.startRoles.length).toBeGreaterThan(0);
        for (const role of definition.startRoles) {
          expect(roleCodes, role).toContain(role);
          expect(writableRecordTypes[role], `${role} writes ${definition.recordType}`).toContain(definition.recordType);
        }
      });

      it('has valid trajectory, activation and effects', () => {
        if (definition.trajectory !== null) expect(isProgramme(definition.trajectory)).toBe(true);
        for (const criterion of definition.activation) {
          if ('programme' in criterion) expect(isProgramme(criterion.programme)).toBe(true);
          if (criterion.kind === 'referral-received') expect(recordTypes).toContain(criterion.recordType);
          expect(criterionText(criterion, 'nl')).not.toBe('');
        }
        for (const effect of definition.effects) {
          if (effect.kind === 'start-trajectory' || effect.kind === 'stop-trajectory')
            expect(isProgramme(effect.programme)).toBe(true);
          if (effect.kind === 'referral') {
            expect(organisationTypes).toContain(effect.toOrganisationType);
            if (effect.toRole) expect(roleCodes).toContain(effect.toRole);
          }
          if (effect.kind === 'day-curve') {
            for (const moment of definition.dayCurveMoments ?? []) {
              expect(itemOf(questionnaire, moment.moment)?.type).toBe('group');
              expect(itemOf(questionnaire, moment.valueLinkId)?.type).toBe('decimal');
              if (moment.timeLinkId) expect(itemOf(questionnaire, moment.timeLinkId)?.type).toBe('time');
            }
            expect(definition.dayCurveMoments?.length).toBeGreaterThan(0);
          }
        }
      });

      it('starts with an empty response that only misses required answers', () => {
        const problems = validateResponse(questionnaire, emptyResponse(definition));
        expect(problems.every((problem) => problem.code === 'required')).toBe(true);
        const required = items.filter((item) => item.required && !item.enableWhen).map((item) => item.linkId);
        expect(required.length, 'every form asks at least one required question').toBeGreaterThan(0);
      });
    });
  }
});

describe('form library semantics of the brief', () => {
  const byKey = (key: string) => {
    const definition = latestDefinition(key);
    if (!definition) throw new Error(`${key} missing`);
    return definition;
  };

  it('start/stop tasks open and close their programme in the programme record type', () => {
    const care: Record<string, string> = {
      DM2: 'somatic',
      CVRM: 'somatic',
      COPD: 'somatic',
      DIETETIEK: 'dietetics',
      GLI: 'gli',
      GGZ: 'ggz',
      FYSIO: 'physiotherapy',
      VOETZORG: 'podotherapy',
    };
    for (const programme of programmes) {
      const start = byKey(`start-traject-${programme.toLowerCase()}`);
      const stop = byKey(`stop-traject-${programme.toLowerCase()}`);
      expect(start.effects).toEqual([{ kind: 'start-trajectory', programme }]);
      expect(start.activation).toEqual([{ kind: 'no-open-trajectory', programme }]);
      expect(stop.effects).toEqual([{ kind: 'stop-trajectory', programme }]);
      expect(stop.activation).toEqual([{ kind: 'open-trajectory', programme }]);
      expect(start.recordType).toBe(care[programme]);
      expect(stop.recordType).toBe(care[programme]);
    }
  });

  it('referrals are general tasks of the GP practice that refer to a kind of organisation', () => {
    for (const definition of formLibrary.filter((candidate) => candidate.key.startsWith('verwijzing-'))) {
      expect(definition.recordType).toBe('referral');
      expect(definition.trajectory).toBeNull();
      expect(definition.effects).toHaveLength(1);
      expect(definition.effects[0]?.kind).toBe('referral');
      expect(itemOf(definition.questionnaire, 'reden')?.required).toBe(true);
    }
  });

  it('once-only: the intakes', () => {
    const onceOnly = latestDefinitions()
      .filter((definition) => definition.onceOnly)
      .map((definition) => definition.key);
    expect(onceOnly.sort()).toEqual(['intake-dietist', 'intake-fysiotherapie', 'intake-ggz-poh', 'intake-gli']);
  });

  it('consults have a required date and conclusion', () => {
    for (const key of ['consult-poh-dm2', 'consult-poh-cvrm', 'consult-poh-copd']) {
      const { questionnaire } = byKey(key);
      expect(itemOf(questionnaire, 'datum')?.required).toBe(true);
      expect(itemOf(questionnaire, 'datum')?.text).toBe('Datum consult');
      expect(itemOf(questionnaire, 'conclusie')?.required).toBe(true);
      expect(itemOf(questionnaire, 'conclusie')?.text).toBe('Conclusie/beleid');
    }
  });
});
