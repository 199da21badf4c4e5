// Small builders that write the library's FHIR R4 Questionnaire JSON: Dutch `text`, English through the
// translation extension on `_text`/`_display`/`_title`, units through `questionnaire-unit`, bounds through
// `minValue`/`maxValue`, LOINC codes on measured items. The output is plain FHIR JSON (what the server stores).
import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireItemEnableWhen,
} from '@medplum/fhirtypes';
import type { FormDefinition, LocalText } from '../definition.js';
import {
  MAX_VALUE_EXTENSION,
  MIN_VALUE_EXTENSION,
  type PrimitiveElement,
  translationExtension,
  UNIT_EXTENSION,
} from '../item-text.js';

export const QUESTIONNAIRE_BASE_URL = 'https://keten.dev/fhir/Questionnaire/';
/** The code system of Keten's own answer options (ja/nee, soort consult, …). */
export const ANSWER_SYSTEM = 'https://keten.dev/fhir/CodeSystem/answers';
export const LOINC_SYSTEM = 'http://loinc.org';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/** Keten unit text → UCUM code. */
const ucumCodes: Record<string, string> = {
  kg: 'kg',
  cm: 'cm',
  'kg/m2': 'kg/m2',
  'mmol/mol': 'mmol/mol',
  'mmol/l': 'mmol/L',
  mmHg: 'mm[Hg]',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'mg/mmol': 'mg/mmol',
  'µmol/l': 'umol/L',
  '%': '%',
  '/min': '/min',
};

export function t(nl: string, en: string): LocalText {
  return { nl, en };
}

type Translated<T> = T & { _text?: PrimitiveElement };

interface Common {
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  enableWhen?: QuestionnaireItemEnableWhen[];
  enableBehavior?: 'all' | 'any';
  /** LOINC code and display of what the item measures */
  loinc?: readonly [code: string, display: string];
}

interface NumberOptions extends Common {
  unit?: string;
  min?: number;
  max?: number;
}

interface TextOptions extends Common {
  maxLength?: number;
}

interface DateOptions extends Common {
  min?: string;
  max?: string;
}

function item(linkId: string, type: QuestionnaireItem['type'], label: LocalText, options: Common): QuestionnaireItem {
  const out: Translated<QuestionnaireItem> = {
    linkId,
    ...(options.loinc ? { code: [{ system: LOINC_SYSTEM, code: options.loinc[0], display: options.loinc[1] }] } : {}),
    text: label.nl,
    _text: { extension: [translationExtension('en', label.en)] },
    type,
    ...(options.enableWhen && options.enableWhen.length > 0 ? { enableWhen: options.enableWhen } : {}),
    ...(options.enableWhen && options.enableWhen.length > 1 ? { enableBehavior: options.enableBehavior ?? 'all' } : {}),
    ...(options.required ? { required: true } : {}),
    ...(options.repeats ? { repeats: true } : {}),
    ...(options.readOnly ? { readOnly: true } : {}),
  };
  return out;
}

function numeric(linkId: string, type: 'integer' | 'decimal', label: LocalText, options: NumberOptions): QuestionnaireItem {
  const out = item(linkId, type, label, options);
  const extension = [
    ...(options.unit
      ? [
          {
            url: UNIT_EXTENSION,
            valueCoding: { system: UCUM_SYSTEM, code: ucumCodes[options.unit] ?? options.unit, display: options.unit },
          },
        ]
      : []),
    ...(options.min !== undefined
      ? [{ url: MIN_VALUE_EXTENSION, ...(type === 'integer' ? { valueInteger: options.min } : { valueDecimal: options.min }) }]
      : []),
    ...(options.max !== undefined
      ? [{ url: MAX_VALUE_EXTENSION, ...(type === 'integer' ? { valueInteger: options.max } : { valueDecimal: options.max }) }]
      : []),
  ];
  return extension.length > 0 ? { ...out, extension } : out;
}

/** An answer option with a Dutch display and its English translation. */
export function option(code: string, nl: string, en: string, system: string = ANSWER_SYSTEM): QuestionnaireItemAnswerOption {
  const coding: Coding & { _display?: PrimitiveElement } = {
    system,
    code,
    display: nl,
    _display: { extension: [translationExtension('en', en)] },
  };
  return { valueCoding: coding };
}

export const yes = () => option('ja', 'Ja', 'Yes');
export const no = () => option('nee', 'Nee', 'No');
export const yesNo = () => [yes(), no()];

/** The item builders: `q.decimal('gewicht', t('Gewicht', 'Weight'), { unit: 'kg', min: 20, max: 300 })`. */
export const q = {
  decimal: (linkId: string, label: LocalText, options: NumberOptions = {}) => numeric(linkId, 'decimal', label, options),
  integer: (linkId: string, label: LocalText, options: NumberOptions = {}) => numeric(linkId, 'integer', label, options),
  date(linkId: string, label: LocalText, options: DateOptions = {}): QuestionnaireItem {
    const out = item(linkId, 'date', label, options);
    const extension = [
      ...(options.min ? [{ url: MIN_VALUE_EXTENSION, valueDate: options.min }] : []),
      ...(options.max ? [{ url: MAX_VALUE_EXTENSION, valueDate: options.max }] : []),
    ];
    return extension.length > 0 ? { ...out, extension } : out;
  },
  time: (linkId: string, label: LocalText, options: Common = {}) => item(linkId, 'time', label, options),
  boolean: (linkId: string, label: LocalText, options: Common = {}) => item(linkId, 'boolean', label, options),
  string(linkId: string, label: LocalText, options: TextOptions = {}): QuestionnaireItem {
    return { ...item(linkId, 'string', label, options), maxLength: options.maxLength ?? 200 };
  },
  text(linkId: string, label: LocalText, options: TextOptions = {}): QuestionnaireItem {
    return { ...item(linkId, 'text', label, options), maxLength: options.maxLength ?? 4000 };
  },
  choice(
    linkId: string,
    label: LocalText,
    answerOption: QuestionnaireItemAnswerOption[],
    options: Common & { initial?: string } = {},
  ): QuestionnaireItem {
    const answers = answerOption.map((entry) =>
      options.initial !== undefined && entry.valueCoding?.code === options.initial ? { ...entry, initialSelected: true } : entry,
    );
    return { ...item(linkId, 'choice', label, options), answerOption: answers };
  },
  group(linkId: string, label: LocalText, items: QuestionnaireItem[], options: Common = {}): QuestionnaireItem {
    return { ...item(linkId, 'group', label, options), item: items };
  },
  display: (linkId: string, label: LocalText, options: Common = {}) => item(linkId, 'display', label, options),
};

/** enableWhen: the choice question has this option code (or, with '!=', not). */
export function whenCode(
  question: string,
  code: string,
  operator: '=' | '!=' = '=',
  system = ANSWER_SYSTEM,
): QuestionnaireItemEnableWhen {
  return { question, operator, answerCoding: { system, code } };
}

/** enableWhen on an integer question. */
export function whenInteger(
  question: string,
  operator: QuestionnaireItemEnableWhen['operator'],
  value: number,
): QuestionnaireItemEnableWhen {
  return { question, operator, answerInteger: value };
}

/** enableWhen on a decimal question. */
export function whenDecimal(
  question: string,
  operator: QuestionnaireItemEnableWhen['operator'],
  value: number,
): QuestionnaireItemEnableWhen {
  return { question, operator, answerDecimal: value };
}

/** enableWhen: the question has (or has no) answer. */
export function whenExists(question: string, exists = true): QuestionnaireItemEnableWhen {
  return { question, operator: 'exists', answerBoolean: exists };
}

/** enableWhen on a boolean question. */
export function whenBoolean(question: string, value: boolean): QuestionnaireItemEnableWhen {
  return { question, operator: '=', answerBoolean: value };
}

function pascalCase(key: string): string {
  return key
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export type FormSpec = Omit<FormDefinition, 'questionnaire'> & {
  description?: LocalText;
  items: QuestionnaireItem[];
};

/** A form definition with its Questionnaire: id `key-vN`, canonical url + version, Dutch title with translation. */
export function defineForm(spec: FormSpec): FormDefinition {
  const { items, description, ...definition } = spec;
  const questionnaire: Questionnaire & { _title?: PrimitiveElement; _description?: PrimitiveElement } = {
    resourceType: 'Questionnaire',
    id: `${spec.key}-v${spec.version}`,
    url: `${QUESTIONNAIRE_BASE_URL}${spec.key}`,
    version: String(spec.version),
    name: pascalCase(spec.key),
    title: spec.title.nl,
    _title: { extension: [translationExtension('en', spec.title.en)] },
    status: 'active',
    language: 'nl',
    subjectType: ['Patient'],
    ...(description
      ? { description: description.nl, _description: { extension: [translationExtension('en', description.en)] } }
      : {}),
    item: items,
  };
  return { ...definition, questionnaire };
}
