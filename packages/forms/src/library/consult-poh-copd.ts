// "Consult POH/huisarts" in the COPD chain-care trajectory.
import type { FormDefinition } from '../definition.js';
import { defineForm, option, q, t, whenCode, whenInteger, yesNo } from './build.js';
import {
  bloodPressure,
  bmi,
  conclusion,
  datumConsult,
  followUp,
  loinc,
  mrcDyspnea,
  smoking,
  somaticRoles,
  soortConsult,
  weight,
} from './common.js';

export const consultPohCopdV1: FormDefinition = defineForm({
  key: 'consult-poh-copd',
  version: 1,
  title: t('Consult POH/huisarts', 'Consultation practice nurse/GP'),
  description: t('Periodiek consult in het ketenzorgtraject COPD.', 'Periodic consultation in the COPD chain-care trajectory.'),
  recordType: 'somatic',
  trajectory: 'COPD',
  startRoles: somaticRoles,
  activation: [{ kind: 'open-trajectory', programme: 'COPD' }],
  onceOnly: false,
  measurements: [
    { linkId: 'gewicht', code: 'weight' },
    { linkId: 'bmi', code: 'bmi' },
    { linkId: 'bloeddruk-systolisch', code: 'bp-systolic' },
    { linkId: 'bloeddruk-diastolisch', code: 'bp-diastolic' },
    { linkId: 'fev1-voorspeld', code: 'fev1-predicted' },
    { linkId: 'mrc-dyspneu', code: 'mrc-dyspnea' },
  ],
  effects: [],
  measuredAtLinkId: 'datum',
  items: [
    datumConsult(),
    soortConsult(),
    q.group('anamnese', t('Anamnese', 'History'), [
      q.text('klachten', t('Klachten en bijzonderheden', 'Complaints and particulars'), { maxLength: 2000 }),
      q.integer('exacerbaties', t('Aantal exacerbaties sinds het vorige consult', 'Exacerbations since the last consultation'), {
        min: 0,
        max: 50,
      }),
      q.choice(
        'exacerbaties-behandeling',
        t('Behandeld met prednison en/of antibiotica?', 'Treated with prednisolone and/or antibiotics?'),
        [
          option('prednison', 'Prednison', 'Prednisolone'),
          option('antibiotica', 'Antibiotica', 'Antibiotics'),
          option('beide', 'Beide', 'Both'),
          option('geen', 'Geen van beide', 'Neither'),
        ],
        { enableWhen: [whenInteger('exacerbaties', '>', 0)] },
      ),
      q.choice('ziekenhuisopname', t('Ziekenhuisopname voor COPD?', 'Hospital admission for COPD?'), yesNo(), {
        enableWhen: [whenInteger('exacerbaties', '>', 0)],
      }),
      q.choice('inhalatietechniek-gecontroleerd', t('Inhalatietechniek gecontroleerd?', 'Inhaler technique checked?'), yesNo()),
      q.choice('inhalatietechniek-correct', t('Inhalatietechniek correct?', 'Inhaler technique correct?'), yesNo(), {
        required: true,
        enableWhen: [whenCode('inhalatietechniek-gecontroleerd', 'ja')],
      }),
    ]),
    q.group('metingen', t('Metingen', 'Measurements'), [
      weight(),
      bmi(),
      bloodPressure(),
      q.integer('fev1-voorspeld', t('FEV1 (% van voorspeld)', 'FEV1 (% predicted)'), {
        unit: '%',
        min: 5,
        max: 200,
        loinc: loinc.fev1Predicted,
      }),
      mrcDyspnea(),
    ]),
    q.group('leefstijl', t('Leefstijl', 'Lifestyle'), smoking()),
    conclusion(),
    followUp(),
  ],
});
