// "Dagcurve": the classic 7-point glucose day curve (seed 001 §5.5), shown in the Dagcurves tab, which is only
// there when DM2 is recorded for the patient. Measurements: 'nuchter' → glucose-fasting, the six other moments →
// glucose-random, each at the curve's date (and the moment's time when filled in), so Monitoring has every value;
// the Dagcurves tab reads the curve itself from the response with dayCurvePoints().
import type { QuestionnaireItem } from '@medplum/fhirtypes';
import type { DayCurveMoment, FormDefinition, MeasurementRule } from '../definition.js';
import { defineForm, q, t } from './build.js';
import { loinc, somaticRoles } from './common.js';

const moments = [
  { moment: 'nuchter', nl: 'Nuchter', en: 'Fasting' },
  { moment: 'na-ontbijt', nl: 'Na ontbijt', en: 'After breakfast' },
  { moment: 'voor-lunch', nl: 'Voor lunch', en: 'Before lunch' },
  { moment: 'na-lunch', nl: 'Na lunch', en: 'After lunch' },
  { moment: 'voor-diner', nl: 'Voor diner', en: 'Before dinner' },
  { moment: 'na-diner', nl: 'Na diner', en: 'After dinner' },
  { moment: 'voor-slapen', nl: 'Voor slapen', en: 'Before bed' },
] as const;

const momentGroup = ({ moment, nl, en }: (typeof moments)[number]): QuestionnaireItem =>
  q.group(moment, t(nl, en), [
    q.decimal(`${moment}-glucose`, t(`Glucose ${nl.toLowerCase()}`, `Glucose ${en.toLowerCase()}`), {
      unit: 'mmol/l',
      min: 0.5,
      max: 50,
      loinc: loinc.glucoseCapillary,
    }),
    q.time(`${moment}-tijd`, t(`Tijdstip ${nl.toLowerCase()}`, `Time ${en.toLowerCase()}`)),
  ]);

const dayCurveMoments: DayCurveMoment[] = moments.map(({ moment }) => ({
  moment,
  valueLinkId: `${moment}-glucose`,
  timeLinkId: `${moment}-tijd`,
}));

const measurements: MeasurementRule[] = moments.map(({ moment }) => ({
  linkId: `${moment}-glucose`,
  code: moment === 'nuchter' ? 'glucose-fasting' : 'glucose-random',
  timeLinkId: `${moment}-tijd`,
}));

export const dagcurveV1: FormDefinition = defineForm({
  key: 'dagcurve',
  version: 1,
  title: t('Dagcurve', 'Glucose day curve'),
  description: t(
    'Glucosedagcurve (7-punts): nuchter, na ontbijt, voor en na lunch, voor en na diner, voor slapen.',
    'Glucose day curve (7 points): fasting, after breakfast, before and after lunch, before and after dinner, before bed.',
  ),
  recordType: 'somatic',
  trajectory: 'DM2',
  startRoles: somaticRoles,
  activation: [{ kind: 'trajectory-recorded', programme: 'DM2' }],
  onceOnly: false,
  measurements,
  effects: [{ kind: 'day-curve' }],
  measuredAtLinkId: 'datum',
  dayCurveMoments,
  items: [
    q.date('datum', t('Datum dagcurve', 'Date of the day curve'), { required: true }),
    q.display(
      'uitleg',
      t(
        'Glucose in mmol/l; vul per moment de waarde en zo mogelijk het tijdstip in.',
        'Glucose in mmol/l; enter the value for each moment and, if known, the time.',
      ),
    ),
    ...moments.map(momentGroup),
    q.text('opmerking', t('Opmerking', 'Remarks'), { maxLength: 2000 }),
  ],
});
