// "Intake POH-GGZ": the first consultation with the mental-health practice nurse, once per patient. Its record
// type 'ggz' keeps it hidden from roles without that right (seed 001 §5.4, §5.6).
import type { FormDefinition } from '../definition.js';
import { defineForm, option, q, t, whenCode, yesNo } from './build.js';
import { loinc } from './common.js';

export const intakeGgzPohV1: FormDefinition = defineForm({
  key: 'intake-ggz-poh',
  version: 1,
  title: t('Intake POH-GGZ', 'Intake mental-health practice nurse'),
  description: t(
    'Eerste gesprek bij de POH-GGZ: hulpvraag, klachten, PHQ-9 en risicotaxatie.',
    'First consultation with the mental-health practice nurse: request for help, complaints, PHQ-9 and risk assessment.',
  ),
  recordType: 'ggz',
  trajectory: 'GGZ',
  startRoles: ['poh-ggz', 'huisarts'],
  activation: [{ kind: 'open-trajectory', programme: 'GGZ' }],
  onceOnly: true,
  measurements: [{ linkId: 'phq9-totaal', code: 'phq9' }],
  effects: [],
  measuredAtLinkId: 'datum',
  items: [
    q.date('datum', t('Datum intake', 'Intake date'), { required: true }),
    q.text('hulpvraag', t('Aanmeldreden en hulpvraag', 'Reason for registration and request for help'), { required: true }),
    q.choice(
      'klachten',
      t('Klachten', 'Complaints'),
      [
        option('somberheid', 'Somberheid', 'Low mood'),
        option('angst', 'Angst of paniek', 'Anxiety or panic'),
        option('stress', 'Stress of overspannenheid', 'Stress or burnout'),
        option('slaap', 'Slaapproblemen', 'Sleep problems'),
        option('relatie', 'Relatie- of gezinsproblemen', 'Relationship or family problems'),
        option('rouw', 'Rouw', 'Grief'),
        option('middelen', 'Middelengebruik', 'Substance use'),
        option('overig', 'Overig', 'Other'),
      ],
      { repeats: true, required: true },
    ),
    q.text('klachten-toelichting', t('Toelichting klachten', 'Notes on complaints'), { maxLength: 4000 }),
    q.integer('phq9-totaal', t('PHQ-9 totaalscore', 'PHQ-9 total score'), { min: 0, max: 27, loinc: loinc.phq9 }),
    q.group('risicotaxatie', t('Risicotaxatie', 'Risk assessment'), [
      q.choice('suicidaliteit', t('Suïcidale gedachten?', 'Suicidal thoughts?'), yesNo(), { required: true }),
      q.text(
        'suicidaliteit-toelichting',
        t(
          'Toelichting suïcidaliteit (plannen, voorbereidingen, beschermende factoren)',
          'Notes on suicidality (plans, preparations, protective factors)',
        ),
        { required: true, enableWhen: [whenCode('suicidaliteit', 'ja')] },
      ),
      q.choice('veiligheidsplan', t('Veiligheidsplan afgesproken?', 'Safety plan agreed?'), yesNo(), {
        required: true,
        enableWhen: [whenCode('suicidaliteit', 'ja')],
      }),
      q.choice('overleg-huisarts', t('Overlegd met de huisarts?', 'Discussed with the GP?'), yesNo(), {
        required: true,
        enableWhen: [whenCode('suicidaliteit', 'ja')],
      }),
    ]),
    q.text('conclusie', t('Conclusie en plan', 'Conclusion and plan'), { required: true }),
    q.choice('vervolg', t('Vervolg', 'Next step'), [
      option('poh-ggz', 'Begeleiding door POH-GGZ', 'Support by the mental-health practice nurse'),
      option('basis-ggz', 'Verwijzing basis-GGZ', 'Referral to basic mental health care'),
      option('specialistische-ggz', 'Verwijzing specialistische GGZ', 'Referral to specialist mental health care'),
      option('mgl', 'Via het Mentale Gezondheidsloket', 'Through the mental-health desk'),
      option('geen', 'Geen vervolg nodig', 'No follow-up needed'),
    ]),
  ],
});
