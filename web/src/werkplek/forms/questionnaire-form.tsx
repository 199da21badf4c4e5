import {
  codingText,
  type FormProblem,
  isItemEnabled,
  itemText,
  type Language,
  problemMessage,
  answersOf as readAnswers,
  setAnswers,
} from '@keten/forms';
import {
  Autocomplete,
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  Input,
  Radio,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dateAnswer,
  dateText,
  dateTimeAnswer,
  dateTimeText,
  formatNumber,
  itemRange,
  itemUnit,
  numberAnswer,
  numberText,
  optionAnswer,
  optionKey,
  optionText,
  timeAnswer,
  timeText,
} from './answer-values';

type Answer = QuestionnaireResponseItemAnswer;

export interface QuestionnaireFormProps {
  questionnaire: Questionnaire;
  value: QuestionnaireResponse;
  onChange?: (next: QuestionnaireResponse) => void;
  /** From `validateResponse` or the server's 422: shown under the question they name. */
  problems?: readonly FormProblem[];
  /** Messages the server sent with a 422 (`errors: [{ field: linkId, message }]`), shown the same way. */
  fieldErrors?: readonly { field: string; message: string }[];
  readOnly?: boolean;
  language: Language;
}

/** Radio buttons up to this many options; a select list above it (seed 001 §6.1 forms stay short). */
const maxRadioOptions = 5;

/** The element id of a question, for the summary's links ("Ga naar de vraag"). */
export function questionAnchor(linkId: string): string {
  return `vraag-${linkId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Put the keyboard focus on a question's first input (the summary's links). */
export function focusQuestion(linkId: string): void {
  const element = document.getElementById(questionAnchor(linkId));
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  const input = element.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button');
  input?.focus();
}

interface Context {
  questionnaire: Questionnaire;
  value: QuestionnaireResponse;
  onChange: (next: QuestionnaireResponse) => void;
  problems: readonly FormProblem[];
  fieldErrors: readonly { field: string; message: string }[];
  readOnly: boolean;
  language: Language;
}

/**
 * A FHIR Questionnaire as a form (docs/clinical-record.md §3): Dutch or English labels, a red asterisk on required
 * questions, questions hidden while their enableWhen does not hold, the shared validation's messages under the
 * question. Controlled: every change gives the whole new response to `onChange`.
 */
export function QuestionnaireForm({
  questionnaire,
  value,
  onChange,
  problems = [],
  fieldErrors = [],
  readOnly = false,
  language,
}: QuestionnaireFormProps) {
  const context: Context = {
    questionnaire,
    value,
    onChange: onChange ?? (() => undefined),
    problems,
    fieldErrors,
    readOnly: readOnly || !onChange,
    language,
  };
  return (
    <Stack gap="lg">
      <Items items={questionnaire.item ?? []} context={context} />
    </Stack>
  );
}

function Items({ items, context }: { items: readonly QuestionnaireItem[]; context: Context }) {
  return items.map((item) => <ItemView key={item.linkId} item={item} context={context} />);
}

function ItemView({ item, context }: { item: QuestionnaireItem; context: Context }) {
  if (!isItemEnabled(context.questionnaire, context.value, item.linkId)) return null;
  const label = itemText(item, context.language);
  switch (item.type) {
    case 'group':
      return (
        <Fieldset
          legend={label}
          id={questionAnchor(item.linkId)}
          radius="md"
          styles={{ legend: { fontWeight: 700, paddingInline: 6 } }}
        >
          <Stack gap="md">
            <Items items={item.item ?? []} context={context} />
          </Stack>
        </Fieldset>
      );
    case 'display':
      return (
        <Text id={questionAnchor(item.linkId)} style={{ whiteSpace: 'pre-wrap' }}>
          {label}
        </Text>
      );
    default:
      return (
        <div id={questionAnchor(item.linkId)} data-question={item.linkId}>
          <Question item={item} label={label} context={context} />
          {item.item && item.item.length > 0 && (
            <Stack gap="md" mt="md" pl="md">
              <Items items={item.item} context={context} />
            </Stack>
          )}
        </div>
      );
  }
}

/** Everything one input needs to show itself. */
interface FieldProps {
  item: QuestionnaireItem;
  label: ReactNode;
  /** The accessible name when `label` is not shown (a repeated answer). */
  ariaLabel?: string;
  answer: Answer | undefined;
  onAnswer: (answer: Answer | undefined) => void;
  required: boolean;
  error: ReactNode;
  description: ReactNode;
  readOnly: boolean;
  language: Language;
}

function Question({ item, label, context }: { item: QuestionnaireItem; label: string; context: Context }) {
  const answers = readAnswers(context.value, item.linkId);
  const set = (next: Answer[]) => context.onChange(setAnswers(context.value, item.linkId, next, context.questionnaire));
  const messages = context.problems
    .filter((problem) => problem.linkId === item.linkId)
    .map((problem) => problemMessage(context.questionnaire, problem, context.language))
    .concat(context.fieldErrors.filter((each) => each.field === item.linkId).map((each) => each.message));
  const error = messages.length > 0 ? messages.join(' ') : undefined;
  const required = item.required === true;
  const readOnly = context.readOnly || item.readOnly === true;
  const description = useRangeDescription(item, context.language);

  if (item.type === 'choice' || item.type === 'open-choice') {
    return (
      <ChoiceQuestion
        item={item}
        label={label}
        answers={answers}
        onAnswers={set}
        required={required}
        error={error}
        description={description}
        readOnly={readOnly}
        language={context.language}
      />
    );
  }
  if (item.repeats && item.type !== 'boolean') {
    return (
      <RepeatedQuestion
        item={item}
        label={label}
        answers={answers}
        onAnswers={set}
        required={required}
        error={error}
        description={description}
        readOnly={readOnly}
        language={context.language}
      />
    );
  }
  return (
    <SingleField
      item={item}
      label={label}
      answer={answers[0]}
      onAnswer={(answer) => set(answer ? [answer] : [])}
      required={required}
      error={error}
      description={description}
      readOnly={readOnly}
      language={context.language}
    />
  );
}

/** "Tussen 3 en 20": the bounds of a number question, so nobody has to guess them. */
function useRangeDescription(item: QuestionnaireItem, language: Language): string | undefined {
  const { t } = useTranslation();
  const { min, max } = itemRange(item);
  const low = min === undefined ? undefined : formatNumber(min, language);
  const high = max === undefined ? undefined : formatNumber(max, language);
  if (low !== undefined && high !== undefined) return t('werkplek.forms.between', { min: low, max: high });
  if (low !== undefined) return t('werkplek.forms.atLeast', { min: low });
  if (high !== undefined) return t('werkplek.forms.atMost', { max: high });
  return undefined;
}

/** One answer of a string, text, number, date, dateTime, time, quantity or boolean question. */
function SingleField(props: FieldProps) {
  const { t } = useTranslation();
  const { item, label, ariaLabel, answer, onAnswer, required, error, description, readOnly } = props;
  const common = {
    label,
    'aria-label': ariaLabel,
    withAsterisk: required,
    'aria-required': required || undefined,
    error,
    description,
    readOnly,
  };
  switch (item.type) {
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={item.maxLength}
          value={answer?.valueString ?? ''}
          onChange={(event) => {
            const text = event.currentTarget.value;
            onAnswer(text === '' ? undefined : { valueString: text });
          }}
        />
      );
    case 'integer':
    case 'decimal':
    case 'quantity':
      return <NumberField {...props} />;
    case 'date':
      return (
        <TypedField
          {...props}
          placeholder={t('werkplek.forms.datePlaceholder')}
          toText={dateText}
          toAnswer={dateAnswer}
          width={160}
        />
      );
    case 'dateTime':
      return (
        <TypedField
          {...props}
          placeholder={t('werkplek.forms.dateTimePlaceholder')}
          toText={dateTimeText}
          toAnswer={dateTimeAnswer}
          width={200}
        />
      );
    case 'time':
      return (
        <TypedField
          {...props}
          placeholder={t('werkplek.forms.timePlaceholder')}
          toText={timeText}
          toAnswer={timeAnswer}
          width={110}
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          label={label}
          aria-label={ariaLabel}
          withAsterisk={required}
          error={error}
          description={description}
          readOnly={readOnly}
          value={answer?.valueBoolean === undefined ? null : String(answer.valueBoolean)}
          onChange={(value) => onAnswer({ valueBoolean: value === 'true' })}
        >
          <Group gap="lg" mt={6}>
            <Radio value="true" label={t('werkplek.forms.yes')} required={required} disabled={readOnly} />
            <Radio value="false" label={t('werkplek.forms.no')} required={required} disabled={readOnly} />
          </Group>
        </Radio.Group>
      );
    default:
      return (
        <TextInput
          {...common}
          maxLength={item.maxLength}
          value={answer?.valueString ?? ''}
          onChange={(event) => {
            const text = event.currentTarget.value;
            onAnswer(text === '' ? undefined : { valueString: text });
          }}
        />
      );
  }
}

/**
 * A text input whose text is not the stored value (a number with a comma, a date as dd-mm-jjjj): the typed text
 * stays on screen while typing; a value from outside (a draft, "Opnieuw beginnen") replaces it.
 */
function useTypedText(answer: Answer | undefined, toText: (answer: Answer | undefined) => string) {
  const [text, setText] = useState(() => toText(answer));
  const own = useRef(JSON.stringify(answer ?? null));
  useEffect(() => {
    const incoming = JSON.stringify(answer ?? null);
    if (incoming !== own.current) {
      own.current = incoming;
      setText(toText(answer));
    }
  }, [answer, toText]);
  return {
    text,
    change(next: string, answerOf: (text: string) => Answer | undefined): Answer | undefined {
      setText(next);
      const parsed = answerOf(next);
      own.current = JSON.stringify(parsed ?? null);
      return parsed;
    },
  };
}

function TypedField({
  item,
  label,
  ariaLabel,
  answer,
  onAnswer,
  required,
  error,
  description,
  readOnly,
  placeholder,
  toText,
  toAnswer,
  width,
}: FieldProps & {
  placeholder: string;
  toText: (answer: Answer | undefined) => string;
  toAnswer: (text: string) => Answer | undefined;
  width: number;
}) {
  const typed = useTypedText(answer, toText);
  return (
    <TextInput
      label={label}
      aria-label={ariaLabel}
      withAsterisk={required}
      aria-required={required || undefined}
      error={error}
      description={description}
      readOnly={readOnly}
      placeholder={placeholder}
      inputMode="numeric"
      autoComplete="off"
      maxLength={item.maxLength ?? 20}
      styles={{ input: { maxWidth: width } }}
      value={typed.text}
      onChange={(event) => onAnswer(typed.change(event.currentTarget.value, toAnswer))}
    />
  );
}

function NumberField({ item, label, ariaLabel, answer, onAnswer, required, error, description, readOnly, language }: FieldProps) {
  const toText = (value: Answer | undefined) => numberText(value, language);
  const typed = useTypedText(answer, toText);
  const unit = itemUnit(item);
  const unitText = unit ? codingText(unit, language) : undefined;
  const toAnswer = (text: string): Answer | undefined => {
    const parsed = numberAnswer(text, item.type === 'integer' ? 'integer' : 'decimal');
    if (item.type !== 'quantity' || parsed?.valueDecimal === undefined) return parsed;
    return {
      valueQuantity: { value: parsed.valueDecimal, unit: unitText, system: unit?.system, code: unit?.code },
    };
  };
  return (
    <TextInput
      label={label}
      aria-label={ariaLabel}
      withAsterisk={required}
      aria-required={required || undefined}
      error={error}
      description={description}
      readOnly={readOnly}
      inputMode={item.type === 'integer' ? 'numeric' : 'decimal'}
      autoComplete="off"
      // The unit right after the input, not at the far end of the line.
      inputContainer={(input) => (
        <Group gap="xs" wrap="nowrap" align="center">
          <div style={{ width: 180, maxWidth: '100%' }}>{input}</div>
          {unitText && (
            <Text size="sm" c="dimmed" aria-hidden>
              {unitText}
            </Text>
          )}
        </Group>
      )}
      // The unit belongs to what a screen reader reads: "HbA1c, mmol/mol".
      aria-description={unitText}
      value={typed.text}
      onChange={(event) => onAnswer(typed.change(event.currentTarget.value, toAnswer))}
    />
  );
}

interface ManyProps {
  item: QuestionnaireItem;
  label: string;
  answers: Answer[];
  onAnswers: (answers: Answer[]) => void;
  required: boolean;
  error: string | undefined;
  description: string | undefined;
  readOnly: boolean;
  language: Language;
}

let slotCounter = 0;
const newSlot = (answer: Answer | undefined) => ({ id: ++slotCounter, answer });

/** A question that takes several answers (`repeats`): one input per answer, "Antwoord toevoegen", remove. */
function RepeatedQuestion({ item, label, answers, onAnswers, required, error, description, readOnly, language }: ManyProps) {
  const { t } = useTranslation();
  const [slots, setSlots] = useState(() => (answers.length > 0 ? answers : [undefined]).map(newSlot));
  const own = useRef(JSON.stringify(answers));
  useEffect(() => {
    const incoming = JSON.stringify(answers);
    if (incoming !== own.current) {
      own.current = incoming;
      setSlots((answers.length > 0 ? answers : [undefined]).map(newSlot));
    }
  }, [answers]);

  function update(next: { id: number; answer: Answer | undefined }[]) {
    setSlots(next);
    const values = next.flatMap((slot) => (slot.answer ? [slot.answer] : []));
    own.current = JSON.stringify(values);
    onAnswers(values);
  }

  return (
    <Input.Wrapper
      label={
        <>
          {label}
          {required && <VisuallyHidden> ({t('werkplek.forms.required')})</VisuallyHidden>}
        </>
      }
      labelElement="div"
      withAsterisk={required}
      error={error}
      description={description}
    >
      <Stack gap="xs" mt={4}>
        {slots.map((slot, index) => {
          const name = t('werkplek.forms.answerNumber', { question: label, number: index + 1 });
          return (
            <Group key={slot.id} gap="xs" wrap="nowrap" align="flex-start">
              <div style={{ flex: 1 }}>
                <SingleField
                  item={item}
                  label={undefined}
                  ariaLabel={name}
                  answer={slot.answer}
                  onAnswer={(answer) => update(slots.map((each) => (each.id === slot.id ? { ...each, answer } : each)))}
                  required={required && index === 0}
                  error={error ? true : undefined}
                  description={undefined}
                  readOnly={readOnly}
                  language={language}
                />
              </div>
              {!readOnly && slots.length > 1 && (
                <CloseButton
                  mt={6}
                  aria-label={t('werkplek.forms.removeAnswer', { question: label, number: index + 1 })}
                  onClick={() => update(slots.filter((each) => each.id !== slot.id))}
                />
              )}
            </Group>
          );
        })}
        {!readOnly && (
          <Button
            variant="subtle"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setSlots([...slots, newSlot(undefined)])}
          >
            {t('werkplek.forms.addAnswer', { question: label })}
          </Button>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

/** choice / open-choice: radio buttons (≤ 5 options), a select list (more), checkboxes (repeats), free text (open). */
function ChoiceQuestion({ item, label, answers, onAnswers, required, error, description, readOnly, language }: ManyProps) {
  const { t } = useTranslation();
  const options = item.answerOption ?? [];
  const data = options.map((option) => ({ value: optionKey(option), label: optionText(option, language) }));
  const byKey = new Map(options.map((option) => [optionKey(option), option]));
  const chosen = answers.map(optionKey);
  const fromKey = (key: string): Answer | undefined => {
    const option = byKey.get(key);
    return option ? optionAnswer(option) : undefined;
  };
  const srRequired = required ? <VisuallyHidden> ({t('werkplek.forms.required')})</VisuallyHidden> : null;

  if (item.type === 'open-choice') {
    // Free text with the options as suggestions: a chosen option is stored as its coding, other text as a string.
    const toAnswer = (text: string): Answer | undefined => {
      const trimmed = text.trim();
      if (trimmed === '') return undefined;
      const option = options.find((each) => optionText(each, language).toLowerCase() === trimmed.toLowerCase());
      return option ? optionAnswer(option) : { valueString: text };
    };
    const labels = [...new Set(data.map((each) => each.label))];
    if (item.repeats) {
      return (
        <TagsInput
          label={label}
          withAsterisk={required}
          aria-required={required || undefined}
          error={error}
          description={description ?? t('werkplek.forms.tagsHint')}
          readOnly={readOnly}
          data={labels}
          value={answers.map((answer) => optionText(answer, language))}
          onChange={(values) => onAnswers(values.flatMap((value) => toAnswer(value) ?? []))}
        />
      );
    }
    return (
      <Autocomplete
        label={label}
        withAsterisk={required}
        aria-required={required || undefined}
        error={error}
        description={description}
        readOnly={readOnly}
        data={labels}
        value={answers[0] ? optionText(answers[0], language) : ''}
        onChange={(text) => {
          const answer = toAnswer(text);
          onAnswers(answer ? [answer] : []);
        }}
      />
    );
  }

  if (item.repeats) {
    return (
      <Checkbox.Group
        label={
          <>
            {label}
            {srRequired}
          </>
        }
        withAsterisk={required}
        error={error}
        description={description}
        readOnly={readOnly}
        value={chosen}
        onChange={(keys) => onAnswers(data.flatMap((each) => (keys.includes(each.value) ? (fromKey(each.value) ?? []) : [])))}
      >
        <Stack gap={6} mt={6}>
          {data.map((each) => (
            <Checkbox key={each.value} value={each.value} label={each.label} disabled={readOnly} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }

  if (options.length <= maxRadioOptions) {
    return (
      <Radio.Group
        label={label}
        withAsterisk={required}
        error={error}
        description={description}
        readOnly={readOnly}
        value={chosen[0] ?? null}
        onChange={(key) => {
          const answer = fromKey(key);
          onAnswers(answer ? [answer] : []);
        }}
      >
        <Stack gap={6} mt={6}>
          {data.map((each) => (
            <Radio key={each.value} value={each.value} label={each.label} required={required} disabled={readOnly} />
          ))}
        </Stack>
      </Radio.Group>
    );
  }

  return (
    <Select
      label={label}
      withAsterisk={required}
      aria-required={required || undefined}
      error={error}
      description={description}
      readOnly={readOnly}
      placeholder={t('werkplek.forms.choose')}
      data={data}
      searchable
      clearable={!required}
      maw={420}
      value={chosen[0] ?? null}
      onChange={(key) => {
        const answer = key ? fromKey(key) : undefined;
        onAnswers(answer ? [answer] : []);
      }}
    />
  );
}
