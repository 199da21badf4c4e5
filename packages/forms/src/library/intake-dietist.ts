// "Intake diëtist": the first consultation in the dietetics trajectory, once per patient.
import type { FormDefinition } from '../definition.js';
import { defineForm, option, q, t, whenCode, yesNo } from './build.js';
import { bmi, height, waist, weight } from './common.js';

export const intakeDietistV1: FormDefinition = defineForm({
  key: 'intake-dietist',
  version: 1,
  title: t('Intake diëtist', 'Dietitian intake'),
  description: t('Eerste consult in het traject diëtetiek.', 'First consultation in the dietetics trajectory.'),
  recordType: 'dietetics',
  trajectory: 'DIETETIEK',
  startRoles: ['dietist'],
  activation: [{ kind: 'open-trajectory', programme: 'DIETETIEK' }],
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
    q.text('hulpvraag', t('Verwijsreden en hulpvraag', 'Reason for referral and request for help'), { required: true }),
    q.group('antropometrie', t('Antropometrie', 'Anthropometry'), [weight(), height(), bmi(), waist()]),
    q.group('voedingsanamnese', t('Voedingsanamnese', 'Dietary history'), [
      q.text('eetpatroon', t('Eetpatroon', 'Eating pattern'), { maxLength: 4000 }),
      q.choice('allergie', t('Voedselallergie of -intolerantie?', 'Food allergy or intolerance?'), yesNo()),
      q.string('allergie-welke', t('Welke allergie of intolerantie?', 'Which allergy or intolerance?'), {
        required: true,
        enableWhen: [whenCode('allergie', 'ja')],
      }),
      q.choice(
        'dieet',
        t('Volgt een dieet', 'Follows a diet'),
        [
          option('geen', 'Geen', 'None'),
          option('energiebeperkt', 'Energiebeperkt', 'Energy-restricted'),
          option('koolhydraatbeperkt', 'Koolhydraatbeperkt', 'Carbohydrate-restricted'),
          option('zoutbeperkt', 'Zoutbeperkt', 'Salt-restricted'),
          option('vegetarisch', 'Vegetarisch of veganistisch', 'Vegetarian or vegan'),
          option('anders', 'Anders', 'Other'),
        ],
        { repeats: true },
      ),
      q.string('dieet-anders', t('Welk ander dieet?', 'Which other diet?'), { enableWhen: [whenCode('dieet', 'anders')] }),
    ]),
    q.choice('motivatie', t('Motivatie tot verandering', 'Motivation to change'), [
      option('laag', 'Laag', 'Low'),
      option('matig', 'Matig', 'Moderate'),
      option('hoog', 'Hoog', 'High'),
    ]),
    q.text('doelen', t('Behandeldoelen', 'Treatment goals'), { required: true }),
    q.text('behandelplan', t('Behandelplan', 'Treatment plan'), { required: true }),
  ],
});
