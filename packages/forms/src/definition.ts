// The Keten metadata around a FHIR R4 Questionnaire: who may start a form, where it is shown, when it is
// active, which answers become measurements and what publishing it does (docs/clinical-record.md §1).
import type { Questionnaire } from '@medplum/fhirtypes';

export type Language = 'nl' | 'en';
export type LocalText = { nl: string; en: string };

export type Programme = 'DM2' | 'CVRM' | 'COPD' | 'DIETETIEK' | 'GLI' | 'GGZ' | 'FYSIO' | 'VOETZORG';

/** Every programme, in the order Activiteiten shows their groups. */
export const programmes: readonly Programme[] = ['DM2', 'CVRM', 'COPD', 'DIETETIEK', 'GLI', 'GGZ', 'FYSIO', 'VOETZORG'];

export function isProgramme(value: string): value is Programme {
  return (programmes as readonly string[]).includes(value);
}

export type ActivationCriterion =
  /** "Vereist een open traject Ketenzorg DM2" */
  | { kind: 'open-trajectory'; programme: Programme }
  /** start-trajectory tasks: only while the trajectory is not open */
  | { kind: 'no-open-trajectory'; programme: Programme }
  /** only after a referral of this record type to the actor's organisation */
  | { kind: 'referral-received'; recordType: string }
  /** the trajectory was ever recorded for the patient (open or stopped), e.g. dagcurve needs DM2 */
  | { kind: 'trajectory-recorded'; programme: Programme };

/** An answer that becomes a measurement in Monitoring; unit, decimals and range come from `measures`. */
export interface MeasurementRule {
  /** A numeric question: integer, decimal, quantity, or a choice whose option codes are numbers. */
  linkId: string;
  /** A code of `measures`. */
  code: string;
  /**
   * Optional `time` question that refines the measurement moment on the form's date
   * (`measuredAt` becomes `YYYY-MM-DDTHH:MM`), e.g. the moments of a glucose day curve.
   */
  timeLinkId?: string;
}

export type FormEffect =
  | { kind: 'start-trajectory'; programme: Programme }
  | { kind: 'stop-trajectory'; programme: Programme }
  /** Sending comes with a later issue; the receiving organisation type is one of organisation.type. */
  | { kind: 'referral'; toOrganisationType: string; toRole?: string }
  /** The entry is shown in Dagcurves. */
  | { kind: 'day-curve' };

/** One moment of a glucose day curve: a group item (its text is the label) with a value and a time. */
export interface DayCurveMoment {
  /** Stable code of the moment and the linkId of its group item: 'nuchter', 'na-ontbijt', … */
  moment: string;
  /** decimal question, glucose in mmol/l */
  valueLinkId: string;
  /** optional `time` question */
  timeLinkId: string | null;
}

export interface FormDefinition {
  /** stable, kebab-case: 'consult-poh-dm2', 'jaarcontrole-dm2', 'dagcurve', … */
  key: string;
  /** 1, 2, … ; a stored response keeps the version it was made with */
  version: number;
  /** "Consult POH/huisarts" */
  title: LocalText;
  /** record_type code (migration 0003): 'somatic' | 'ggz' | 'dietetics' | 'gli' | … */
  recordType: string;
  /** the group it is shown under in Activiteiten (null = "Algemeen") */
  trajectory: Programme | null;
  /** role codes that may start it (the role_right matrix must also allow writing recordType) */
  startRoles: readonly string[];
  /** all must hold; none = always active */
  activation: readonly ActivationCriterion[];
  /** disabled after one published entry for this patient (per definition key) */
  onceOnly: boolean;
  measurements: readonly MeasurementRule[];
  effects: readonly FormEffect[];
  /**
   * The `date` (or `dateTime`) question whose answer is the moment of the measurements (and of a day
   * curve); absent = measurements get `measuredAt: null` (the server uses the publication time).
   */
  measuredAtLinkId?: string;
  /** Only for forms with the 'day-curve' effect: the moments, in the order of the day. */
  dayCurveMoments?: readonly DayCurveMoment[];
  /** FHIR R4; Dutch `text`, English via the FHIR translation extension on `_text` */
  questionnaire: Questionnaire;
}
