// "Consult POH/huisarts" in the CVRM chain-care trajectory (cardiovascular risk management).
import type { FormDefinition } from '../definition.js';
import { defineForm, q, t, whenCode, yesNo } from './build.js';
import {
  bloodPressure,
  bmi,
  cholesterolTotal,
  conclusion,
  datumConsult,
  followUp,
  ldl,
  loinc,
  smoking,
  somaticRoles,
  soortConsult,
  weight,
} from './common.js';

export const consultPohCvrmV1: FormDefinition = defineForm({
  key: 'consult-poh-cvrm',
  version: 1,
  title: t('Consult POH/huisarts', 'Consultation practice nurse/GP'),
  description: t(
    'Periodiek consult in het ketenzorgtraject cardiovasculair risicomanagement.',
    'Periodic consultation in the cardiovascular risk management chain-care trajectory.',
  ),
  recordType: 'somatic',
  trajectory: 'CVRM',
  startRoles: somaticRoles,
  activation: [{ kind: 'open-trajectory', programme: 'CVRM' }],
  onceOnly: false,
  measurements: [
    { linkId: 'gewicht', code: 'weight' },
    { linkId: 'bmi', code: 'bmi' },
    { linkId: 'bloeddruk-systolisch', code: 'bp-systolic' },
    { linkId: 'bloeddruk-diastolisch', code: 'bp-diastolic' },
    { linkId: 'ldl', code: 'ldl' },
    { linkId: 'cholesterol-totaal', code: 'cholesterol-total' },
  ],
  effects: [],
  measuredAtLinkId: 'datum',
  items: [
    datumConsult(),
    soortConsult(),
    q.group('anamnese', t('Anamnese', 'History'), [
      q.text('klachten', t('Klachten en bijzonderheden', 'Complaints and particulars'), { maxLength: 2000 }),
      q.choice(
        'klachten-inspanning',
        t('Pijn op de borst of kortademigheid bij inspanning?', 'Chest pain or breathlessness on exertion?'),
        yesNo(),
      ),
      q.choice('medicatie-trouw', t('Neemt de medicatie zoals voorgeschreven?', 'Takes the medication as prescribed?'), yesNo()),
      q.text('medicatie-toelichting', t('Toelichting medicatiegebruik', 'Notes on medication use'), {
        maxLength: 1000,
        enableWhen: [whenCode('medicatie-trouw', 'nee')],
      }),
    ]),
    q.group('metingen', t('Metingen', 'Measurements'), [
      weight(),
      bmi(),
      bloodPressure(),
      q.integer('hartfrequentie', t('Hartfrequentie', 'Heart rate'), { unit: '/min', min: 20, max: 250, loinc: loinc.heartRate }),
      ldl(),
      cholesterolTotal(),
    ]),
    q.group('leefstijl', t('Leefstijl', 'Lifestyle'), smoking()),
    conclusion(),
    followUp(),
  ],
});
