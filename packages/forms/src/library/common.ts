// Questions several forms share, so the same thing is asked the same way (and measured with the same LOINC code).
import type { QuestionnaireItem } from '@medplum/fhirtypes';
import type { Programme } from '../definition.js';
import { option, q, t, whenCode } from './build.js';

/** Roles that may write somatic care (huisarts, POH-somatiek; migration 0003 role_right). */
export const somaticRoles = ['huisarts', 'poh-somatiek'] as const;
/** GP practice roles that write referrals (the praktijkassistent only reads them). */
export const referringRoles = ['huisarts', 'poh-somatiek', 'poh-ggz'] as const;

/** The record type a programme's registrations carry, and the roles working in it. */
export const programmeCare: Record<Programme, { recordType: string; roles: readonly string[] }> = {
  DM2: { recordType: 'somatic', roles: somaticRoles },
  CVRM: { recordType: 'somatic', roles: somaticRoles },
  COPD: { recordType: 'somatic', roles: somaticRoles },
  DIETETIEK: { recordType: 'dietetics', roles: ['dietist'] },
  GLI: { recordType: 'gli', roles: ['dietist', 'fysiotherapeut'] },
  GGZ: { recordType: 'ggz', roles: ['poh-ggz', 'huisarts'] },
  FYSIO: { recordType: 'physiotherapy', roles: ['fysiotherapeut'] },
  VOETZORG: { recordType: 'podotherapy', roles: ['podotherapeut'] },
};

export const loinc = {
  weight: ['29463-7', 'Body weight'],
  height: ['8302-2', 'Body height'],
  bmi: ['39156-5', 'Body mass index (BMI) [Ratio]'],
  waist: ['8280-0', 'Waist Circumference at umbilicus by Tape measure'],
  systolic: ['8480-6', 'Systolic blood pressure'],
  diastolic: ['8462-4', 'Diastolic blood pressure'],
  heartRate: ['8867-4', 'Heart rate'],
  hba1c: ['59261-8', 'Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol'],
  glucoseFasting: ['14771-0', 'Fasting glucose [Moles/volume] in Serum or Plasma'],
  glucoseCapillary: ['14743-9', 'Glucose [Moles/volume] in Capillary blood by Glucometer'],
  cholesterolTotal: ['14647-2', 'Cholesterol [Moles/volume] in Serum or Plasma'],
  ldl: ['22748-8', 'Cholesterol in LDL [Moles/volume] in Serum or Plasma'],
  hdl: ['14646-4', 'Cholesterol in HDL [Moles/volume] in Serum or Plasma'],
  creatinine: ['14682-9', 'Creatinine [Moles/volume] in Serum or Plasma'],
  egfr: [
    '62238-1',
    'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)',
  ],
  fev1Predicted: ['20150-9', 'FEV1 measured/predicted'],
  phq9: ['44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'],
  smokingStatus: ['72166-2', 'Tobacco smoking status'],
} as const satisfies Record<string, readonly [string, string]>;

export const datumConsult = () => q.date('datum', t('Datum consult', 'Consultation date'), { required: true });

export const soortConsult = () =>
  q.choice(
    'soort-consult',
    t('Soort consult', 'Type of consultation'),
    [
      option('spreekuur', 'Spreekuur', 'Surgery visit'),
      option('telefonisch', 'Telefonisch consult', 'Telephone consultation'),
      option('video', 'Videoconsult', 'Video consultation'),
      option('huisbezoek', 'Huisbezoek', 'Home visit'),
    ],
    { initial: 'spreekuur' },
  );

export const weight = () => q.decimal('gewicht', t('Gewicht', 'Weight'), { unit: 'kg', min: 20, max: 350, loinc: loinc.weight });
export const height = () => q.integer('lengte', t('Lengte', 'Height'), { unit: 'cm', min: 50, max: 250, loinc: loinc.height });
export const bmi = () => q.decimal('bmi', t('BMI', 'BMI'), { unit: 'kg/m2', min: 10, max: 90, loinc: loinc.bmi });
export const waist = () =>
  q.integer('buikomvang', t('Buikomvang', 'Waist circumference'), { unit: 'cm', min: 40, max: 250, loinc: loinc.waist });

export const bloodPressure = () =>
  q.group('bloeddruk', t('Bloeddruk', 'Blood pressure'), [
    q.integer('bloeddruk-systolisch', t('Systolische bloeddruk', 'Systolic blood pressure'), {
      unit: 'mmHg',
      min: 50,
      max: 300,
      loinc: loinc.systolic,
    }),
    q.integer('bloeddruk-diastolisch', t('Diastolische bloeddruk', 'Diastolic blood pressure'), {
      unit: 'mmHg',
      min: 20,
      max: 200,
      loinc: loinc.diastolic,
    }),
  ]);

export const hba1c = () => q.integer('hba1c', t('HbA1c', 'HbA1c'), { unit: 'mmol/mol', min: 15, max: 200, loinc: loinc.hba1c });
export const glucoseFasting = () =>
  q.decimal('glucose-nuchter', t('Glucose nuchter', 'Fasting glucose'), {
    unit: 'mmol/l',
    min: 1,
    max: 50,
    loinc: loinc.glucoseFasting,
  });
export const cholesterolTotal = () =>
  q.decimal('cholesterol-totaal', t('Totaal cholesterol', 'Total cholesterol'), {
    unit: 'mmol/l',
    min: 0.5,
    max: 20,
    loinc: loinc.cholesterolTotal,
  });
export const ldl = () =>
  q.decimal('ldl', t('LDL-cholesterol', 'LDL cholesterol'), { unit: 'mmol/l', min: 0.1, max: 15, loinc: loinc.ldl });
export const hdl = () =>
  q.decimal('hdl', t('HDL-cholesterol', 'HDL cholesterol'), { unit: 'mmol/l', min: 0.1, max: 5, loinc: loinc.hdl });

/** "Roken?" with the follow-up questions for smokers and ex-smokers. */
export const smoking = (): QuestionnaireItem[] => [
  q.choice(
    'roken',
    t('Roken?', 'Smoking?'),
    [option('ja', 'Ja', 'Yes'), option('nee', 'Nee, nooit gerookt', 'No, never smoked'), option('gestopt', 'Gestopt', 'Quit')],
    { loinc: loinc.smokingStatus },
  ),
  q.integer('sigaretten-per-dag', t('Aantal sigaretten per dag', 'Cigarettes per day'), {
    min: 1,
    max: 100,
    enableWhen: [whenCode('roken', 'ja')],
  }),
  q.choice(
    'stoppen-met-roken-advies',
    t('Stoppen-met-roken-advies gegeven?', 'Smoking cessation advice given?'),
    [
      option('ja', 'Ja', 'Yes'),
      option('nee', 'Nee', 'No'),
      option('eerder', 'Eerder gegeven, nu niet herhaald', 'Given before, not repeated now'),
    ],
    { enableWhen: [whenCode('roken', 'ja')] },
  ),
  q.integer('gestopt-sinds', t('Gestopt sinds (jaar)', 'Quit since (year)'), {
    min: 1930,
    max: 2100,
    enableWhen: [whenCode('roken', 'gestopt')],
  }),
];

export const conclusion = () => q.text('conclusie', t('Conclusie/beleid', 'Conclusion/plan'), { required: true });

export const followUp = () =>
  q.choice('vervolgafspraak', t('Vervolgafspraak', 'Follow-up appointment'), [
    option('1-maand', 'Over 1 maand', 'In 1 month'),
    option('3-maanden', 'Over 3 maanden', 'In 3 months'),
    option('6-maanden', 'Over 6 maanden', 'In 6 months'),
    option('12-maanden', 'Over 12 maanden (jaarcontrole)', 'In 12 months (annual review)'),
    option('geen', 'Geen vervolgafspraak', 'No follow-up'),
  ]);

/** Simm's risk classification of the diabetic foot (Zorgmodule Voeten; codes '0'…'3' are the measured value). */
export const SIMMS_SYSTEM = 'https://keten.dev/fhir/CodeSystem/simms-classificatie';
export const simmsClassification = (
  options: { required?: boolean; linkId?: string; enableWhen?: ReturnType<typeof whenCode>[] } = {},
) =>
  q.choice(
    options.linkId ?? 'simms-classificatie',
    t("Simm's classificatie", "Simm's classification"),
    [
      option(
        '0',
        '0 — geen verlies van protectieve sensibiliteit en geen perifeer arterieel vaatlijden: geen verhoogd risico',
        '0 — no loss of protective sensation and no peripheral arterial disease: no increased risk',
        SIMMS_SYSTEM,
      ),
      option(
        '1',
        '1 — verlies van protectieve sensibiliteit óf perifeer arterieel vaatlijden, zonder tekenen van lokaal verhoogde druk',
        '1 — loss of protective sensation or peripheral arterial disease, without signs of locally increased pressure',
        SIMMS_SYSTEM,
      ),
      option(
        '2',
        '2 — verlies van protectieve sensibiliteit of perifeer arterieel vaatlijden mét tekenen van lokaal verhoogde druk (eelt, deformiteit), of beide',
        '2 — loss of protective sensation or peripheral arterial disease with signs of locally increased pressure (callus, deformity), or both',
        SIMMS_SYSTEM,
      ),
      option('3', '3 — ulcus of amputatie in de voorgeschiedenis', '3 — history of ulceration or amputation', SIMMS_SYSTEM),
    ],
    { required: options.required ?? false, enableWhen: options.enableWhen ?? [] },
  );

/** MRC dyspnoea scale, grades 1–5 (the code is the measured value). */
export const MRC_SYSTEM = 'https://keten.dev/fhir/CodeSystem/mrc-dyspneu';
export const mrcDyspnea = () =>
  q.choice('mrc-dyspneu', t('MRC-dyspneuschaal', 'MRC dyspnoea scale'), [
    option('1', '1 — alleen kortademig bij zware inspanning', '1 — breathless only with strenuous exercise', MRC_SYSTEM),
    option(
      '2',
      '2 — kortademig bij haasten op vlak terrein of bij licht bergop lopen',
      '2 — short of breath when hurrying on the level or walking up a slight hill',
      MRC_SYSTEM,
    ),
    option(
      '3',
      '3 — loopt langzamer dan leeftijdgenoten door kortademigheid, of moet stoppen om op adem te komen bij eigen tempo',
      '3 — walks slower than people of the same age because of breathlessness, or stops for breath at own pace',
      MRC_SYSTEM,
    ),
    option(
      '4',
      '4 — moet na ongeveer 100 meter of enkele minuten lopen stoppen om op adem te komen',
      '4 — stops for breath after about 100 metres or a few minutes on the level',
      MRC_SYSTEM,
    ),
    option(
      '5',
      '5 — te kortademig om het huis te verlaten, of kortademig bij aan- en uitkleden',
      '5 — too breathless to leave the house, or breathless when dressing or undressing',
      MRC_SYSTEM,
    ),
  ]);
