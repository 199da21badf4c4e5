// "Intake fysiotherapie": the first session in the physiotherapy trajectory, once per patient.
import type { FormDefinition } from '../definition.js';
import { defineForm, option, q, t, yesNo } from './build.js';

export const intakeFysiotherapieV1: FormDefinition = defineForm({
  key: 'intake-fysiotherapie',
  version: 1,
  title: t('Intake fysiotherapie', 'Physiotherapy intake'),
  description: t(
    'Anamnese en onderzoek bij de start van fysiotherapie.',
    'History and examination at the start of physiotherapy.',
  ),
  recordType: 'physiotherapy',
  trajectory: 'FYSIO',
  startRoles: ['fysiotherapeut'],
  activation: [{ kind: 'open-trajectory', programme: 'FYSIO' }],
  onceOnly: true,
  measurements: [],
  effects: [],
  measuredAtLinkId: 'datum',
  items: [
    q.date('datum', t('Datum intake', 'Intake date'), { required: true }),
    q.choice(
      'toegang',
      t('Toegang', 'Access'),
      [option('verwijzing', 'Met verwijzing', 'With referral'), option('dtf', 'Directe toegang (DTF)', 'Direct access')],
      { required: true },
    ),
    q.text('hulpvraag', t('Hulpvraag', 'Request for help'), { required: true }),
    q.string('diagnose-verwijzer', t('Diagnose verwijzer', 'Referrer’s diagnosis')),
    q.group('anamnese', t('Anamnese', 'History'), [
      q.text('klachten', t('Klachten en beloop', 'Complaints and course'), { maxLength: 4000 }),
      q.integer('pijn-nrs', t('Pijn (NRS 0–10)', 'Pain (NRS 0–10)'), { min: 0, max: 10 }),
      q.choice(
        'beweegnorm',
        t('Beweegt minimaal 150 minuten per week matig intensief?', 'At least 150 minutes of moderate activity a week?'),
        yesNo(),
      ),
      q.text('rode-vlaggen', t('Rode vlaggen', 'Red flags'), { maxLength: 1000 }),
    ]),
    q.text('onderzoek', t('Onderzoek', 'Examination'), { maxLength: 4000 }),
    q.text('conclusie', t('Fysiotherapeutische conclusie', 'Physiotherapy conclusion'), { required: true }),
    q.text('behandeldoelen', t('Behandeldoelen', 'Treatment goals'), { required: true }),
    q.integer('behandelingen', t('Verwacht aantal behandelingen', 'Expected number of sessions'), { min: 1, max: 100 }),
  ],
});
