import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';

// A small questionnaire with every kind of question the renderer knows, for component tests.

const unit = (code: string) => ({
  url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  valueCoding: { system: 'http://unitsofmeasure.org', code, display: code },
});
const min = (value: number) => ({ url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueDecimal: value });
const max = (value: number) => ({ url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueDecimal: value });
const english = (content: string) => ({
  extension: [
    {
      url: 'http://hl7.org/fhir/StructureDefinition/translation',
      extension: [
        { url: 'lang', valueCode: 'en' },
        { url: 'content', valueString: content },
      ],
    },
  ],
});
const coding = (code: string, display: string) => ({ valueCoding: { system: 'https://keten.test/cs', code, display } });

export const consultQuestionnaire: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  url: 'https://keten.test/Questionnaire/consult-poh-dm2',
  version: '1',
  title: 'Consult POH/huisarts',
  item: [
    { linkId: 'intro', type: 'display', text: 'Vul de metingen van vandaag in.' },
    { linkId: 'datum', type: 'date', text: 'Datum consult', required: true },
    {
      linkId: 'metingen',
      type: 'group',
      text: 'Metingen',
      item: [
        {
          linkId: 'hba1c',
          type: 'decimal',
          text: 'HbA1c',
          _text: english('HbA1c (en)'),
          required: true,
          extension: [unit('mmol/mol'), min(10), max(200)],
        } as QuestionnaireItem,
        { linkId: 'gewicht', type: 'quantity', text: 'Gewicht', extension: [unit('kg')] },
      ],
    },
    { linkId: 'roken', type: 'boolean', text: 'Rookt de patiënt?' },
    {
      linkId: 'sigaretten',
      type: 'integer',
      text: 'Sigaretten per dag',
      required: true,
      enableWhen: [{ question: 'roken', operator: '=', answerBoolean: true }],
    },
    {
      linkId: 'beweging',
      type: 'choice',
      text: 'Beweegt voldoende',
      answerOption: [coding('ja', 'Ja, elke dag'), coding('soms', 'Soms'), coding('nee', 'Nauwelijks')],
    },
    {
      linkId: 'voeten',
      type: 'choice',
      text: 'Voetonderzoek',
      answerOption: [
        coding('0', 'Sims 0'),
        coding('1', 'Sims 1'),
        coding('2', 'Sims 2'),
        coding('3', 'Sims 3'),
        coding('4', 'Sims 4'),
        coding('nvt', 'Niet onderzocht'),
      ],
    },
    {
      linkId: 'klachten',
      type: 'choice',
      text: 'Klachten',
      repeats: true,
      answerOption: [coding('dorst', 'Dorst'), coding('moe', 'Moeheid'), coding('tintelingen', 'Tintelingen')],
    },
    { linkId: 'tijd', type: 'time', text: 'Tijdstip meting' },
    { linkId: 'opmerking', type: 'text', text: 'Opmerking', maxLength: 2000 },
  ],
};
