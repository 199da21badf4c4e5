// "Consult POH/huisarts" in the DM2 chain-care trajectory (seed 001 §6.1). Version 2 adds the hypoglycaemia
// questions; entries made with version 1 keep showing version 1.
import type { FormDefinition } from '../definition.js';
import { defineForm, type FormSpec, option, q, t, whenCode, whenInteger, yesNo } from './build.js';
import {
  bloodPressure,
  bmi,
  conclusion,
  datumConsult,
  followUp,
  glucoseFasting,
  hba1c,
  smoking,
  somaticRoles,
  soortConsult,
  weight,
} from './common.js';

const common = {
  key: 'consult-poh-dm2',
  title: t('Consult POH/huisarts', 'Consultation practice nurse/GP'),
  description: t(
    'Periodiek consult in het ketenzorgtraject diabetes mellitus type 2.',
    'Periodic consultation in the type 2 diabetes chain-care trajectory.',
  ),
  recordType: 'somatic',
  trajectory: 'DM2',
  startRoles: somaticRoles,
  activation: [{ kind: 'open-trajectory', programme: 'DM2' }],
  onceOnly: false,
  measurements: [
    { linkId: 'gewicht', code: 'weight' },
    { linkId: 'bmi', code: 'bmi' },
    { linkId: 'bloeddruk-systolisch', code: 'bp-systolic' },
    { linkId: 'bloeddruk-diastolisch', code: 'bp-diastolic' },
    { linkId: 'hba1c', code: 'hba1c' },
    { linkId: 'glucose-nuchter', code: 'glucose-fasting' },
  ],
  effects: [],
  measuredAtLinkId: 'datum',
} as const satisfies Partial<FormSpec>;

const complaints = () => q.text('klachten', t('Klachten en bijzonderheden', 'Complaints and particulars'), { maxLength: 2000 });

const selfMonitoring = () =>
  q.choice('zelfcontrole', t('Zelfcontrole glucose', 'Glucose self-monitoring'), [
    option('ja', 'Ja, volgens afspraak', 'Yes, as agreed'),
    option('soms', 'Soms', 'Sometimes'),
    option('nee', 'Nee', 'No'),
  ]);

const measurementsGroup = () =>
  q.group('metingen', t('Metingen', 'Measurements'), [weight(), bmi(), bloodPressure(), hba1c(), glucoseFasting()]);

export const consultPohDm2V1: FormDefinition = defineForm({
  ...common,
  version: 1,
  items: [
    datumConsult(),
    soortConsult(),
    q.group('anamnese', t('Anamnese', 'History'), [complaints(), selfMonitoring()]),
    measurementsGroup(),
    q.group('leefstijl', t('Leefstijl', 'Lifestyle'), smoking()),
    conclusion(),
    followUp(),
  ],
});

export const consultPohDm2V2: FormDefinition = defineForm({
  ...common,
  version: 2,
  items: [
    datumConsult(),
    soortConsult(),
    q.group('anamnese', t('Anamnese', 'History'), [
      complaints(),
      selfMonitoring(),
      q.choice('hypoglykemie', t("Hypo's sinds het vorige consult?", 'Hypoglycaemia since the last consultation?'), yesNo()),
      q.integer('hypoglykemie-aantal', t("Aantal hypo's", 'Number of hypoglycaemic episodes'), {
        min: 1,
        max: 500,
        required: true,
        enableWhen: [whenCode('hypoglykemie', 'ja')],
      }),
      q.choice(
        'hypoglykemie-ernstig',
        t('Ernstige hypo (hulp van anderen nodig)?', 'Severe hypoglycaemia (help from others needed)?'),
        yesNo(),
        { required: true, enableWhen: [whenInteger('hypoglykemie-aantal', '>=', 1)] },
      ),
    ]),
    measurementsGroup(),
    q.group('leefstijl', t('Leefstijl', 'Lifestyle'), smoking()),
    conclusion(),
    followUp(),
  ],
});
