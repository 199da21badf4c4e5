// "Voetonderzoek": the diabetic foot examination by the podiatrist, ending in Simm's risk classification
// (Zorgmodule Voeten bij diabetes), which is measured ('simms-class') so Monitoring shows its course.
import type { QuestionnaireItem } from '@medplum/fhirtypes';
import type { FormDefinition } from '../definition.js';
import { defineForm, option, q, t, whenCode, yesNo } from './build.js';
import { followUp, simmsClassification } from './common.js';

const monofilament = (side: 'links' | 'rechts', en: string): QuestionnaireItem =>
  q.choice(
    `monofilament-${side}`,
    t(`Monofilament (10 g) ${side}`, `Monofilament (10 g) ${en}`),
    [
      option('normaal', 'Normaal (alle punten gevoeld)', 'Normal (all sites felt)'),
      option('verminderd', 'Verminderd (1 of meer punten niet gevoeld)', 'Reduced (1 or more sites not felt)'),
      option('afwezig', 'Afwezig', 'Absent'),
    ],
    { required: true },
  );

const pulse = (linkId: string, nl: string, en: string): QuestionnaireItem =>
  q.choice(linkId, t(nl, en), [
    option('palpabel', 'Palpabel', 'Palpable'),
    option('niet-palpabel', 'Niet palpabel', 'Not palpable'),
  ]);

export const voetonderzoekV1: FormDefinition = defineForm({
  key: 'voetonderzoek',
  version: 1,
  title: t('Voetonderzoek', 'Foot examination'),
  description: t(
    "Onderzoek van de diabetische voet met risicoclassificatie volgens Simm's.",
    "Diabetic foot examination with Simm's risk classification.",
  ),
  recordType: 'podotherapy',
  trajectory: 'VOETZORG',
  startRoles: ['podotherapeut'],
  activation: [{ kind: 'open-trajectory', programme: 'VOETZORG' }],
  onceOnly: false,
  measurements: [{ linkId: 'simms-classificatie', code: 'simms-class' }],
  effects: [],
  measuredAtLinkId: 'datum',
  items: [
    q.date('datum', t('Datum onderzoek', 'Examination date'), { required: true }),
    q.group('sensibiliteit', t('Sensibiliteit', 'Sensation'), [
      monofilament('links', 'left'),
      monofilament('rechts', 'right'),
      q.choice('stemvork', t('Vibratiezin (stemvork 128 Hz)', 'Vibration sense (128 Hz tuning fork)'), [
        option('normaal', 'Normaal', 'Normal'),
        option('verminderd', 'Verminderd', 'Reduced'),
        option('niet-getest', 'Niet getest', 'Not tested'),
      ]),
    ]),
    q.group('pulsaties', t('Pulsaties', 'Pulses'), [
      pulse('dorsalis-pedis-links', 'A. dorsalis pedis links', 'Dorsalis pedis artery left'),
      pulse('dorsalis-pedis-rechts', 'A. dorsalis pedis rechts', 'Dorsalis pedis artery right'),
      pulse('tibialis-posterior-links', 'A. tibialis posterior links', 'Posterior tibial artery left'),
      pulse('tibialis-posterior-rechts', 'A. tibialis posterior rechts', 'Posterior tibial artery right'),
    ]),
    q.group('voetinspectie', t('Inspectie', 'Inspection'), [
      q.choice('deformiteiten', t('Deformiteiten aanwezig?', 'Deformities present?'), yesNo(), { required: true }),
      q.choice(
        'deformiteiten-welke',
        t('Welke deformiteiten?', 'Which deformities?'),
        [
          option('hallux-valgus', 'Hallux valgus', 'Hallux valgus'),
          option('klauwtenen', 'Klauw- of hamertenen', 'Claw or hammer toes'),
          option('holvoet', 'Holvoet', 'Pes cavus'),
          option('platvoet', 'Platvoet', 'Flat foot'),
          option('charcot', 'Charcot-voet', 'Charcot foot'),
          option('overig', 'Overig', 'Other'),
        ],
        { repeats: true, required: true, enableWhen: [whenCode('deformiteiten', 'ja')] },
      ),
      q.choice('eelt', t('Eelt of tekenen van verhoogde druk?', 'Callus or signs of increased pressure?'), yesNo()),
      q.choice('ulcus', t('Huidig ulcus?', 'Current ulcer?'), yesNo(), { required: true }),
      q.string('ulcus-locatie', t('Locatie ulcus', 'Location of the ulcer'), {
        required: true,
        enableWhen: [whenCode('ulcus', 'ja')],
      }),
      q.choice(
        'ulcus-voorgeschiedenis',
        t('Ulcus of amputatie in de voorgeschiedenis?', 'History of ulceration or amputation?'),
        yesNo(),
      ),
    ]),
    simmsClassification({ required: true }),
    q.text('behandeling', t('Behandeling en advies', 'Treatment and advice'), { required: true }),
    followUp(),
  ],
});
