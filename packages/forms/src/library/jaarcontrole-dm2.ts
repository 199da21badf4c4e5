// "Jaarcontrole DM2": the annual review of the DM2 chain-care trajectory (NHG-Standaard Diabetes mellitus type 2):
// physical examination, the annual lab, the foot check and the eye check. Done every year, so not once-only.
import type { FormDefinition } from '../definition.js';
import { defineForm, option, q, t, whenCode, yesNo } from './build.js';
import {
  bloodPressure,
  bmi,
  cholesterolTotal,
  conclusion,
  followUp,
  glucoseFasting,
  hba1c,
  hdl,
  height,
  ldl,
  loinc,
  simmsClassification,
  smoking,
  somaticRoles,
  waist,
  weight,
} from './common.js';

const sensibility = (linkId: string, nl: string, en: string) =>
  q.choice(
    linkId,
    t(nl, en),
    [
      option('normaal', 'Normaal', 'Normal'),
      option('verminderd', 'Verminderd', 'Reduced'),
      option('afwezig', 'Afwezig', 'Absent'),
    ],
    { enableWhen: [whenCode('voeten-onderzocht', 'ja')] },
  );

export const jaarcontroleDm2V1: FormDefinition = defineForm({
  key: 'jaarcontrole-dm2',
  version: 1,
  title: t('Jaarcontrole DM2', 'Annual review type 2 diabetes'),
  description: t(
    'Jaarlijkse controle in het ketenzorgtraject DM2: lichamelijk onderzoek, laboratorium, voeten en ogen.',
    'Annual review in the DM2 chain-care trajectory: physical examination, laboratory, feet and eyes.',
  ),
  recordType: 'somatic',
  trajectory: 'DM2',
  startRoles: somaticRoles,
  activation: [{ kind: 'open-trajectory', programme: 'DM2' }],
  onceOnly: false,
  measurements: [
    { linkId: 'gewicht', code: 'weight' },
    { linkId: 'lengte', code: 'height' },
    { linkId: 'bmi', code: 'bmi' },
    { linkId: 'buikomvang', code: 'waist' },
    { linkId: 'bloeddruk-systolisch', code: 'bp-systolic' },
    { linkId: 'bloeddruk-diastolisch', code: 'bp-diastolic' },
    { linkId: 'hba1c', code: 'hba1c' },
    { linkId: 'glucose-nuchter', code: 'glucose-fasting' },
    { linkId: 'egfr', code: 'egfr' },
    { linkId: 'kreatinine', code: 'creatinine' },
    { linkId: 'albumine-kreatinine-ratio', code: 'acr' },
    { linkId: 'cholesterol-totaal', code: 'cholesterol-total' },
    { linkId: 'ldl', code: 'ldl' },
    { linkId: 'hdl', code: 'hdl' },
    { linkId: 'simms-classificatie', code: 'simms-class' },
  ],
  effects: [],
  measuredAtLinkId: 'datum',
  items: [
    q.date('datum', t('Datum jaarcontrole', 'Date of annual review'), { required: true }),
    q.group('anamnese', t('Anamnese', 'History'), [
      q.text('klachten', t('Klachten en bijzonderheden', 'Complaints and particulars'), { maxLength: 2000 }),
      q.choice('hypoglykemie', t("Hypo's in het afgelopen jaar?", 'Hypoglycaemia in the past year?'), yesNo()),
      q.text('hypoglykemie-toelichting', t("Toelichting hypo's", 'Notes on hypoglycaemia'), {
        maxLength: 1000,
        enableWhen: [whenCode('hypoglykemie', 'ja')],
      }),
      q.text('medicatie', t('Huidige diabetesmedicatie', 'Current diabetes medication'), { maxLength: 1000 }),
    ]),
    q.group('lichamelijk-onderzoek', t('Lichamelijk onderzoek', 'Physical examination'), [
      weight(),
      height(),
      bmi(),
      waist(),
      bloodPressure(),
    ]),
    q.group('laboratorium', t('Laboratorium', 'Laboratory'), [
      hba1c(),
      glucoseFasting(),
      q.integer('egfr', t('eGFR (CKD-EPI)', 'eGFR (CKD-EPI)'), { unit: 'ml/min/1.73m2', min: 1, max: 200, loinc: loinc.egfr }),
      q.integer('kreatinine', t('Kreatinine', 'Creatinine'), { unit: 'µmol/l', min: 10, max: 2500, loinc: loinc.creatinine }),
      q.decimal('albumine-kreatinine-ratio', t('Albumine/kreatinine-ratio (urine)', 'Albumin/creatinine ratio (urine)'), {
        unit: 'mg/mmol',
        min: 0,
        max: 1000,
      }),
      cholesterolTotal(),
      ldl(),
      hdl(),
    ]),
    q.group('voetonderzoek', t('Voetonderzoek', 'Foot examination'), [
      q.choice('voeten-onderzocht', t('Voeten onderzocht?', 'Feet examined?'), yesNo(), { required: true }),
      sensibility('monofilament-links', 'Sensibiliteit links (monofilament)', 'Sensation left (monofilament)'),
      sensibility('monofilament-rechts', 'Sensibiliteit rechts (monofilament)', 'Sensation right (monofilament)'),
      q.choice(
        'voetpulsaties',
        t('Voetpulsaties', 'Foot pulses'),
        [
          option('palpabel', 'Beiderzijds palpabel', 'Palpable on both sides'),
          option('verminderd', 'Verminderd of afwezig', 'Reduced or absent'),
        ],
        { enableWhen: [whenCode('voeten-onderzocht', 'ja')] },
      ),
      simmsClassification({ required: true, enableWhen: [whenCode('voeten-onderzocht', 'ja')] }),
      q.choice(
        'verwijzing-voetzorg',
        t('Verwijzing podotherapeut/pedicure nodig?', 'Referral to podiatrist/pedicure needed?'),
        yesNo(),
        {
          enableWhen: [whenCode('voeten-onderzocht', 'ja')],
        },
      ),
    ]),
    q.group('oogcontrole', t('Oogcontrole', 'Eye check'), [
      q.date('oogcontrole-datum', t('Datum laatste oogcontrole (fundusfoto)', 'Date of the last eye check (fundus photo)')),
      q.choice(
        'retinopathie',
        t('Retinopathie', 'Retinopathy'),
        [
          option('geen', 'Geen retinopathie', 'No retinopathy'),
          option('wel', 'Retinopathie aanwezig', 'Retinopathy present'),
          option('onbekend', 'Onbekend', 'Unknown'),
        ],
        { enableWhen: [{ question: 'oogcontrole-datum', operator: 'exists', answerBoolean: true }] },
      ),
    ]),
    q.group('leefstijl', t('Leefstijl', 'Lifestyle'), [
      ...smoking(),
      q.integer('alcohol', t('Alcohol (glazen per week)', 'Alcohol (drinks per week)'), { min: 0, max: 300 }),
      q.choice(
        'beweegnorm',
        t('Beweegt minimaal 150 minuten per week matig intensief?', 'At least 150 minutes of moderate activity a week?'),
        yesNo(),
      ),
    ]),
    conclusion(),
    followUp(),
  ],
});
