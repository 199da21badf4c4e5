import { describe, expect, it } from 'vitest';
import { type ActivationFacts, criterionLocalText, criterionText, evaluateActivation, programmeName } from './activation.js';
import type { FormDefinition, Programme } from './definition.js';
import { latestDefinition } from './library/index.js';

function definition(key: string): FormDefinition {
  const found = latestDefinition(key);
  if (!found) throw new Error(`${key} missing`);
  return found;
}

function facts(partial: Partial<Record<keyof ActivationFacts, string[]>> = {}): ActivationFacts {
  return {
    openTrajectories: new Set((partial.openTrajectories ?? []) as Programme[]),
    recordedTrajectories: new Set((partial.recordedTrajectories ?? []) as Programme[]),
    receivedReferralRecordTypes: new Set(partial.receivedReferralRecordTypes ?? []),
    publishedFormKeys: new Set(partial.publishedFormKeys ?? []),
  };
}

describe('evaluateActivation', () => {
  it('lists the unmet criteria of an inactive task', () => {
    expect(evaluateActivation(definition('consult-poh-dm2'), facts())).toEqual({
      active: false,
      unmet: [{ kind: 'open-trajectory', programme: 'DM2' }],
      usedOnce: false,
    });
    expect(evaluateActivation(definition('consult-poh-dm2'), facts({ openTrajectories: ['DM2'] }))).toEqual({
      active: true,
      unmet: [],
      usedOnce: false,
    });
  });

  it('start needs no open trajectory, stop needs one', () => {
    const open = facts({ openTrajectories: ['CVRM'] });
    expect(evaluateActivation(definition('start-traject-cvrm'), open).active).toBe(false);
    expect(evaluateActivation(definition('stop-traject-cvrm'), open).active).toBe(true);
    expect(evaluateActivation(definition('start-traject-cvrm'), facts()).active).toBe(true);
    expect(evaluateActivation(definition('stop-traject-cvrm'), facts()).unmet).toEqual([
      { kind: 'open-trajectory', programme: 'CVRM' },
    ]);
  });

  it('a once-only task is used after one published entry; other tasks are not', () => {
    const used = facts({ openTrajectories: ['DIETETIEK'], publishedFormKeys: ['intake-dietist', 'consult-dietist'] });
    expect(evaluateActivation(definition('intake-dietist'), used)).toEqual({ active: false, unmet: [], usedOnce: true });
    expect(evaluateActivation(definition('consult-dietist'), used)).toEqual({ active: true, unmet: [], usedOnce: false });
    expect(
      evaluateActivation(
        definition('jaarcontrole-dm2'),
        facts({ openTrajectories: ['DM2'], publishedFormKeys: ['jaarcontrole-dm2'] }),
      ).active,
    ).toBe(true);
  });

  it('the day curve needs DM2 recorded, open or stopped', () => {
    expect(evaluateActivation(definition('dagcurve'), facts()).unmet).toEqual([
      { kind: 'trajectory-recorded', programme: 'DM2' },
    ]);
    expect(evaluateActivation(definition('dagcurve'), facts({ recordedTrajectories: ['DM2'] })).active).toBe(true);
    expect(evaluateActivation(definition('dagcurve'), facts({ openTrajectories: ['DM2'] })).active).toBe(true);
  });

  it('a referral criterion holds when a referral of that record type was received', () => {
    const form: FormDefinition = {
      ...definition('consult-dietist'),
      activation: [{ kind: 'referral-received', recordType: 'dietetics' }],
    };
    expect(evaluateActivation(form, facts()).active).toBe(false);
    expect(evaluateActivation(form, facts({ receivedReferralRecordTypes: ['dietetics'] })).active).toBe(true);
  });
});

describe('criterionText', () => {
  it('says what is needed, in Dutch and English', () => {
    expect(criterionText({ kind: 'open-trajectory', programme: 'DM2' }, 'nl')).toBe('Vereist een open traject Ketenzorg DM2');
    expect(criterionText({ kind: 'open-trajectory', programme: 'DM2' }, 'en')).toBe('Requires an open DM2 chain-care trajectory');
    expect(criterionLocalText({ kind: 'no-open-trajectory', programme: 'GLI' })).toEqual({
      nl: 'Alleen als er geen open traject Gecombineerde leefstijlinterventie (GLI) is',
      en: 'Only when there is no open combined lifestyle intervention (GLI) trajectory',
    });
    expect(criterionText({ kind: 'trajectory-recorded', programme: 'DM2' }, 'nl')).toBe(
      'Vereist dat de aandoening DM2 bij de patiënt is vastgelegd',
    );
    expect(criterionText({ kind: 'referral-received', recordType: 'dietetics' }, 'en')).toBe(
      'Requires a received referral (Dietetics)',
    );
  });

  it('names programmes', () => {
    expect(programmeName('DM2', 'nl')).toBe('Ketenzorg DM2');
    expect(programmeName('DIETETIEK', 'en')).toBe('Dietetics');
  });
});
