// When a task is active (seed 001 §6.2 "Een inactieve taak"): its activation criteria must all hold; a once-only
// task is disabled after one published entry. The criteria are shown on hover, in the user's language.
import type { ActivationCriterion, FormDefinition, Language, LocalText, Programme } from './definition.js';

const programmeNames: Record<Programme, LocalText> = {
  DM2: { nl: 'Ketenzorg DM2', en: 'DM2 chain care' },
  CVRM: { nl: 'Ketenzorg CVRM', en: 'CVRM chain care' },
  COPD: { nl: 'Ketenzorg COPD', en: 'COPD chain care' },
  DIETETIEK: { nl: 'Diëtetiek', en: 'Dietetics' },
  GLI: { nl: 'Gecombineerde leefstijlinterventie (GLI)', en: 'Combined lifestyle intervention (GLI)' },
  GGZ: { nl: 'GGZ', en: 'Mental health care (GGZ)' },
  FYSIO: { nl: 'Fysiotherapie', en: 'Physiotherapy' },
  VOETZORG: { nl: 'Voetzorg', en: 'Foot care' },
};

/** The programme as it sits inside an English sentence: "an open DM2 chain-care trajectory". */
const programmePhraseEn: Record<Programme, string> = {
  DM2: 'DM2 chain-care',
  CVRM: 'CVRM chain-care',
  COPD: 'COPD chain-care',
  DIETETIEK: 'dietetics',
  GLI: 'combined lifestyle intervention (GLI)',
  GGZ: 'mental health care (GGZ)',
  FYSIO: 'physiotherapy',
  VOETZORG: 'foot care',
};

const chainCare: ReadonlySet<Programme> = new Set<Programme>(['DM2', 'CVRM', 'COPD']);

/** Record type names (migration 0003's record_type), for the referral criterion. */
const recordTypeNames: Record<string, LocalText> = {
  personalia: { nl: 'Personalia', en: 'Personal details' },
  somatic: { nl: 'Somatiek', en: 'Somatic care' },
  ggz: { nl: 'GGZ (POH-GGZ)', en: 'Mental health (practice nurse)' },
  mgl: { nl: 'Mentale Gezondheidsloket', en: 'Mental-health desk' },
  dietetics: { nl: 'Diëtetiek', en: 'Dietetics' },
  gli: { nl: 'Gecombineerde leefstijlinterventie', en: 'Combined lifestyle intervention' },
  podotherapy: { nl: 'Podotherapie/pedicure', en: 'Podiatry/pedicure' },
  physiotherapy: { nl: 'Fysiotherapie', en: 'Physiotherapy' },
  hospital: { nl: 'Ziekenhuis', en: 'Hospital' },
  referral: { nl: 'Verwijzing', en: 'Referral' },
  memo: { nl: "Memo's", en: 'Memos' },
  'patient-entered': { nl: 'Door patiënt ingevoerd', en: 'Patient-entered' },
};

/** The programme's name: 'Ketenzorg DM2' / 'DM2 chain care' (the Activiteiten group heading). */
export function programmeName(programme: Programme, language: Language): string {
  return programmeNames[programme][language];
}

/** The programme's name in both languages. */
export function programmeLocalName(programme: Programme): LocalText {
  return programmeNames[programme];
}

/** A record type's name (migration 0003), or the code when unknown. */
export function recordTypeName(recordType: string, language: Language): string {
  return recordTypeNames[recordType]?.[language] ?? recordType;
}

/** The criterion as shown on hover: "Vereist een open traject Ketenzorg DM2". */
export function criterionText(criterion: ActivationCriterion, language: Language): string {
  const nl = language === 'nl';
  switch (criterion.kind) {
    case 'open-trajectory':
      return nl
        ? `Vereist een open traject ${programmeName(criterion.programme, 'nl')}`
        : `Requires an open ${programmePhraseEn[criterion.programme]} trajectory`;
    case 'no-open-trajectory':
      return nl
        ? `Alleen als er geen open traject ${programmeName(criterion.programme, 'nl')} is`
        : `Only when there is no open ${programmePhraseEn[criterion.programme]} trajectory`;
    case 'referral-received':
      return nl
        ? `Vereist een ontvangen verwijzing (${recordTypeName(criterion.recordType, 'nl')})`
        : `Requires a received referral (${recordTypeName(criterion.recordType, 'en')})`;
    case 'trajectory-recorded':
      // Chain care is per condition: "Alleen zichtbaar indien bij de patiënt de aandoening DM2 is vastgelegd" (§5.5).
      if (chainCare.has(criterion.programme)) {
        return nl
          ? `Vereist dat de aandoening ${criterion.programme} bij de patiënt is vastgelegd`
          : `Requires ${criterion.programme} to be recorded for the patient`;
      }
      return nl
        ? `Vereist dat een traject ${programmeName(criterion.programme, 'nl')} bij de patiënt is vastgelegd`
        : `Requires a ${programmePhraseEn[criterion.programme]} trajectory recorded for the patient`;
  }
}

/** The criterion text in both languages (the server's Task.unmet[].text). */
export function criterionLocalText(criterion: ActivationCriterion): LocalText {
  return { nl: criterionText(criterion, 'nl'), en: criterionText(criterion, 'en') };
}

/** Text for a once-only task that was used: "Deze taak kan maar één keer worden uitgevoerd". */
export function usedOnceText(language: Language): string {
  return language === 'nl'
    ? 'Deze taak is al uitgevoerd en kan maar één keer worden uitgevoerd'
    : 'This task has already been done and can be done only once';
}

export interface ActivationFacts {
  /** programmes with an open trajectory for the patient */
  openTrajectories: ReadonlySet<Programme>;
  /** programmes ever recorded for the patient (open or stopped) */
  recordedTrajectories: ReadonlySet<Programme>;
  /** record types of referrals the actor's organisation received for the patient */
  receivedReferralRecordTypes: ReadonlySet<string>;
  /** definition keys with a published entry for the patient */
  publishedFormKeys: ReadonlySet<string>;
}

function criterionHolds(criterion: ActivationCriterion, facts: ActivationFacts): boolean {
  switch (criterion.kind) {
    case 'open-trajectory':
      return facts.openTrajectories.has(criterion.programme);
    case 'no-open-trajectory':
      return !facts.openTrajectories.has(criterion.programme);
    case 'referral-received':
      return facts.receivedReferralRecordTypes.has(criterion.recordType);
    case 'trajectory-recorded':
      return facts.recordedTrajectories.has(criterion.programme) || facts.openTrajectories.has(criterion.programme);
  }
}

/** Whether the task may be started now, which criteria are unmet, and whether a once-only task was used. */
export function evaluateActivation(
  definition: FormDefinition,
  facts: ActivationFacts,
): { active: boolean; unmet: ActivationCriterion[]; usedOnce: boolean } {
  const unmet = definition.activation.filter((criterion) => !criterionHolds(criterion, facts));
  const usedOnce = definition.onceOnly && facts.publishedFormKeys.has(definition.key);
  return { active: unmet.length === 0 && !usedOnce, unmet, usedOnce };
}
