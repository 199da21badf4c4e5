// "Consult diëtist": a follow-up consultation in the dietetics trajectory.
import type { FormDefinition } from '../definition.js';
import { defineForm, option, q, t } from './build.js';
import { bmi, followUp, soortConsult, waist, weight } from './common.js';

export const consultDietistV1: FormDefinition = defineForm({
  key: 'consult-dietist',
  version: 1,
  title: t('Consult diëtist', 'Dietitian consultation'),
  description: t('Vervolgconsult in het traject diëtetiek.', 'Follow-up consultation in the dietetics trajectory.'),
  recordType: 'dietetics',
  trajectory: 'DIETETIEK',
  startRoles: ['dietist'],
  activation: [{ kind: 'open-trajectory', programme: 'DIETETIEK' }],
  onceOnly: false,
  measurements: [
    { linkId: 'gewicht', code: 'weight' },
    { linkId: 'bmi', code: 'bmi' },
    { linkId: 'buikomvang', code: 'waist' },
  ],
  effects: [],
  measuredAtLinkId: 'datum',
  items: [
    q.date('datum', t('Datum consult', 'Consultation date'), { required: true }),
    soortConsult(),
    q.group('metingen', t('Metingen', 'Measurements'), [weight(), bmi(), waist()]),
    q.choice('voortgang', t('Voortgang behandeldoelen', 'Progress on treatment goals'), [
      option('behaald', 'Behaald', 'Achieved'),
      option('deels', 'Deels behaald', 'Partly achieved'),
      option('niet', 'Niet behaald', 'Not achieved'),
    ]),
    q.text('verslag', t('Verslag', 'Report'), { required: true }),
    followUp(),
  ],
});
