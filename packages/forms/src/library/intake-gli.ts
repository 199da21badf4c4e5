// "Intake GLI": the start of a combined lifestyle intervention with the lifestyle coach (dietitian or
// physiotherapist), once per patient.
import type { FormDefinition } from '../definition.js';
import { defineForm, option, q, t } from './build.js';
import { bmi, height, waist, weight } from './common.js';

export const intakeGliV1: FormDefinition = defineForm({
  key: 'intake-gli',
  version: 1,
  title: t('Intake GLI', 'Intake combined lifestyle intervention'),
  description: t(
    'Intake voor de gecombineerde leefstijlinterventie: metingen, motivatie en doelen.',
    'Intake for the combined lifestyle intervention: measurements, motivation and goals.',
  ),
  recordType: 'gli',
  trajectory: 'GLI',
  startRoles: ['dietist', 'fysiotherapeut'],
  activation: [{ kind: 'open-trajectory', programme: 'GLI' }],
  onceOnly: true,
  measurements: [
    { linkId: 'gewicht', code: 'weight' },
    { linkId: 'lengte', code: 'height' },
    { linkId: 'bmi', code: 'bmi' },
    { linkId: 'buikomvang', code: 'waist' },
  ],
  effects: [],
  measuredAtLinkId: 'datum',
  items: [
    q.date('datum', t('Datum intake', 'Intake date'), { required: true }),
    q.choice(
      'programma',
      t('Programma', 'Programme'),
      [
        option('cool', 'CooL (Coaching op Leefstijl)', 'CooL (Coaching on Lifestyle)'),
        option('slimmer', 'SLIMMER', 'SLIMMER'),
        option('beweegkuur', 'Beweegkuur', 'Beweegkuur (exercise programme)'),
      ],
      { required: true },
    ),
    q.group('metingen', t('Metingen', 'Measurements'), [weight(), height(), bmi(), waist()]),
    q.integer('motivatie', t('Motivatie (0–10)', 'Motivation (0–10)'), { min: 0, max: 10, required: true }),
    q.choice('fase-gedragsverandering', t('Fase van gedragsverandering', 'Stage of behaviour change'), [
      option('voorbeschouwing', 'Voorbeschouwing', 'Precontemplation'),
      option('overpeinzing', 'Overpeinzing', 'Contemplation'),
      option('voorbereiding', 'Voorbereiding', 'Preparation'),
      option('actie', 'Actie', 'Action'),
      option('onderhoud', 'Onderhoud', 'Maintenance'),
    ]),
    q.text(
      'leefstijl',
      t('Huidige leefstijl (voeding, bewegen, slapen, stress)', 'Current lifestyle (diet, exercise, sleep, stress)'),
      {
        maxLength: 4000,
      },
    ),
    q.text('doelen', t('Doelen', 'Goals'), { required: true }),
    q.text('plan', t('Plan', 'Plan'), { required: true }),
  ],
});
