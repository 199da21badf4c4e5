import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { isProblemError } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatDate, parseDate } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { countryOptions } from './countries';
import {
  type AddPatientDraft,
  type AddPatientField,
  type AddPatientStep,
  type AddPatientValues,
  addPatientSteps,
  clearDraft,
  type FieldErrors,
  hasInput,
  insuranceKey,
  isDutchInsurance,
  loadDraft,
  newDraft,
  saveDraft,
  stepOfField,
  toNewPatient,
  validateStep,
  valuesFromPrefill,
} from './patient-add-form';
import { normaliseBsn } from './patient-format';
import { patientPath } from './patient-paths';
import { addPatient, checkInsurance, existingPatientOf, genders, type InsuranceCheck } from './patients-api';
import { pharmaciesQuery } from './record/record-api';

/** What the HIS launch page hands over: the add form prefilled (seed 000: "direct in het venster om de patiënt aan te maken"). */
export interface PatientAddLocationState {
  prefill?: unknown;
}

const formFields = new Set<string>(addPatientSteps.flatMap((step) => step.fields));

function initialDraft(state: unknown): { draft: AddPatientDraft; restored: boolean } {
  const prefill = (state as PatientAddLocationState | null)?.prefill;
  if (prefill !== undefined) return { draft: newDraft(valuesFromPrefill(prefill), true), restored: false };
  const stored = loadDraft();
  if (stored) return { draft: stored, restored: hasInput(stored.values) };
  return { draft: newDraft(), restored: false };
}

/**
 * Patiënt toevoegen (seed 001 §4; product.md §1 "Patients"): three steps. Dutch insurance needs a BSN that
 * passes the 11-proef and runs the insurance-right check (Vecozo COV) at "Volgende stap"; insurance abroad
 * needs a passport or ID-card number instead. The draft stays in this tab's sessionStorage until saved.
 */
export function PatientAddPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.nav.patientAdd'), 'werkplek');
  const location = useLocation();
  const navigate = useNavigate();
  const [{ draft: startDraft, restored }] = useState(() => initialDraft(location.state));
  const [draft, setDraft] = useState<AddPatientDraft>(startDraft);
  const [showRestored, setShowRestored] = useState(restored);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { step, values } = draft;
  const dutch = isDutchInsurance(values);
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  // Phones: the step numbers only; the heading of the step names it.
  const narrow = useMediaQuery('(max-width: 36em)');
  const [confirmClear, setConfirmClear] = useState(false);
  // Optional; left out when the list cannot be had.
  const pharmacies = useQuery({ ...pharmaciesQuery(), enabled: step === 2 });

  // Keep the draft on every change; the HIS prefill is taken once, so a reload shows the draft, not the launch again.
  useEffect(() => saveDraft(draft), [draft]);
  useEffect(() => {
    if ((location.state as PatientAddLocationState | null)?.prefill !== undefined) {
      void navigate(location.pathname, { replace: true, state: null });
    }
  }, [location.state, location.pathname, navigate]);

  // A new step: move the focus to its heading, so keyboard and screen-reader users start there.
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    setShowRestored(false);
    headingRef.current?.focus();
  }, [step]);

  const messages = {
    required: t('werkplek.patients.add.errors.required'),
    bsnElevenTest: t('werkplek.patients.add.errors.bsnElevenTest'),
    bsnDigits: t('werkplek.patients.add.errors.bsnDigits'),
    date: t('werkplek.patients.add.errors.date'),
    dateInFuture: t('werkplek.patients.add.errors.dateInFuture'),
    postcode: t('werkplek.patients.add.errors.postcode'),
    email: t('werkplek.patients.add.errors.email'),
  };

  const insurance = dutch && draft.insurance?.key === insuranceKey(values) ? draft.insurance.check : null;

  const check = useMutation({
    mutationFn: (input: { bsn: string; birthDate: string }) => checkInsurance(input),
  });
  const save = useMutation({ mutationFn: () => addPatient(toNewPatient(values, insurance?.id ?? null)) });

  function update(patch: Partial<AddPatientValues>) {
    setDraft((current) => {
      const next = { ...current.values, ...patch };
      const keepCheck = current.insurance?.key === insuranceKey(next) && isDutchInsurance(next);
      return {
        ...current,
        values: next,
        insurance: keepCheck ? current.insurance : null,
        continuedWithoutCheck: keepCheck ? current.continuedWithoutCheck : false,
      };
    });
    setErrors((current) => {
      const rest = { ...current };
      for (const key of Object.keys(patch)) delete rest[key as AddPatientField];
      return rest;
    });
  }

  function goTo(next: AddPatientStep) {
    setDraft((current) => ({ ...current, step: next }));
  }

  function serverFieldError(field: AddPatientField): string | undefined {
    return isProblemError(serverError) ? serverError.fieldError(field) : undefined;
  }

  function field(name: AddPatientField) {
    return {
      name,
      value: values[name],
      error: errors[name] ?? serverFieldError(name),
      onChange: (event: { currentTarget: { value: string } }) => update({ [name]: event.currentTarget.value }),
    };
  }

  function validate(current: AddPatientStep): boolean {
    const found = validateStep(current, values, messages);
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function nextFromInsurance() {
    if (!validate(0)) return;
    setServerError(null);
    if (!dutch || insurance?.outcome === 'insured' || (insurance && draft.continuedWithoutCheck)) {
      goTo(1);
      return;
    }
    if (insurance) return; // not insured or unavailable: the user decides below
    try {
      const bsn = normaliseBsn(values.bsn);
      const birthDate = parseDate(values.birthDate) ?? '';
      const result = await check.mutateAsync({ bsn, birthDate });
      const key = insuranceKey(values);
      setDraft((current) => ({
        ...current,
        values: { ...current.values, bsn },
        insurance: { check: result, key },
        continuedWithoutCheck: false,
        step: result.outcome === 'insured' ? 1 : current.step,
      }));
    } catch (error) {
      showServerError(error);
    }
  }

  function showServerError(error: unknown) {
    setServerError(error);
    if (isProblemError(error)) {
      const steps = error.errors.map((each) => stepOfField(each.field)).filter((each) => each !== undefined);
      if (steps.length > 0) goTo(Math.min(...steps) as AddPatientStep);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step === 0) {
      void nextFromInsurance();
      return;
    }
    if (step === 1) {
      if (validate(1)) goTo(2);
      return;
    }
    // Opslaan: every step once more, so nothing half-filled is sent.
    for (const each of [0, 1, 2] as const) {
      const found = validateStep(each, values, messages);
      if (Object.keys(found).length > 0) {
        setErrors(found);
        goTo(each);
        return;
      }
    }
    setServerError(null);
    save.mutate(undefined, {
      onSuccess: (created) => {
        clearDraft();
        void navigate(patientPath(created.id), { replace: true });
      },
      onError: showServerError,
    });
  }

  function startOver() {
    clearDraft();
    setDraft(newDraft());
    setErrors({});
    setServerError(null);
    setShowRestored(false);
    check.reset();
    save.reset();
  }

  const existing = isProblemError(serverError) && serverError.status === 409 ? existingPatientOf(serverError.extensions) : null;
  const stepTitle = t(`werkplek.patients.add.steps.${addPatientSteps[step].key}`);

  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1}>{t('werkplek.nav.patientAdd')}</Title>
        <Text c="dimmed">{t('werkplek.patients.add.intro')}</Text>
      </Stack>

      {draft.fromHis && (
        <Alert color="keten" variant="light" title={t('werkplek.patients.add.fromHisTitle')}>
          <Text size="sm">{t('werkplek.patients.add.fromHis')}</Text>
        </Alert>
      )}
      {showRestored && !draft.fromHis && (
        <Alert
          color="keten"
          variant="light"
          title={t('werkplek.patients.add.restoredTitle')}
          withCloseButton
          closeButtonLabel={t('werkplek.patients.add.dismiss')}
          onClose={() => setShowRestored(false)}
        >
          <Group gap="sm" justify="space-between">
            <Text size="sm">{t('werkplek.patients.add.restored')}</Text>
            <Button variant="default" size="compact-sm" onClick={() => setConfirmClear(true)}>
              {t('werkplek.patients.add.startOver')}
            </Button>
          </Group>
        </Alert>
      )}

      <Stepper
        active={step}
        onStepClick={(index) => {
          if (index < step) goTo(index as AddPatientStep);
        }}
        allowNextStepsSelect={false}
        size="sm"
        aria-label={t('werkplek.patients.add.stepsLabel')}
      >
        {addPatientSteps.map((each, index) => (
          <Stepper.Step
            key={each.key}
            label={narrow ? undefined : t('werkplek.patients.add.stepNumber', { number: index + 1 })}
            description={narrow ? undefined : t(`werkplek.patients.add.steps.${each.key}`)}
            aria-label={t('werkplek.patients.add.stepHeading', {
              number: index + 1,
              total: addPatientSteps.length,
              title: t(`werkplek.patients.add.steps.${each.key}`),
            })}
          />
        ))}
      </Stepper>

      {existing ? (
        <Alert color="yellow" variant="light" title={t('werkplek.patients.add.existsTitle')} styles={darkTitle}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('werkplek.patients.add.exists')}</Text>
            <Text size="sm" fw={600}>
              {t('werkplek.patients.add.existsPatient', {
                name: existing.name,
                id: existing.displayId,
                birthDate: existing.birthDate ? formatDate(existing.birthDate) : '',
              })}
            </Text>
            <Button component={Link} to={patientPath(existing.id)} onClick={() => clearDraft()} size="sm">
              {t('werkplek.patients.add.openExisting')}
            </Button>
          </Stack>
        </Alert>
      ) : isProblemError(serverError) && serverError.status === 409 ? (
        <Alert color="yellow" variant="light" title={t('werkplek.patients.add.existsTitle')} styles={darkTitle}>
          <Text size="sm">{t('werkplek.patients.add.existsNoAccess')}</Text>
        </Alert>
      ) : (
        <ProblemAlert error={serverError} shownFields={[...formFields]} />
      )}

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <form onSubmit={onSubmit} noValidate aria-labelledby="add-step-title">
          <Stack gap="md">
            <Stack gap={2}>
              <Title order={2} size="h3" id="add-step-title" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
                {t('werkplek.patients.add.stepHeading', { number: step + 1, total: addPatientSteps.length, title: stepTitle })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('werkplek.patients.add.requiredNote')}
              </Text>
            </Stack>

            {step === 0 && (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <NativeSelect
                    label={t('werkplek.patients.add.fields.insuranceCountry')}
                    description={t('werkplek.patients.add.hints.insuranceCountry')}
                    withAsterisk
                    data={countries}
                    {...field('insuranceCountry')}
                  />
                  <NativeSelect
                    label={t('werkplek.patients.add.fields.nationality')}
                    description={t('werkplek.patients.add.hints.nationality')}
                    withAsterisk
                    data={countries}
                    {...field('nationality')}
                  />
                </SimpleGrid>
                {dutch ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                    <TextInput
                      label={t('werkplek.patients.add.fields.bsn')}
                      description={t('werkplek.patients.add.hints.bsn')}
                      withAsterisk
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={12}
                      {...field('bsn')}
                      onBlur={() => {
                        const bsn = normaliseBsn(values.bsn);
                        if (bsn !== values.bsn && /^\d{9}$/.test(bsn)) update({ bsn });
                      }}
                    />
                    <BirthDateInput field={field('birthDate')} onTidy={(birthDate) => update({ birthDate })} />
                  </SimpleGrid>
                ) : (
                  <>
                    <Radio.Group
                      label={t('werkplek.patients.add.fields.foreignIdType')}
                      withAsterisk
                      value={values.foreignIdType}
                      onChange={(value) => update({ foreignIdType: value === 'passport' || value === 'id-card' ? value : '' })}
                      error={errors.foreignIdType ?? serverFieldError('foreignIdType')}
                      name="foreignIdType"
                    >
                      <Group gap="lg" mt={6}>
                        <Radio value="passport" label={t('werkplek.patients.add.foreignIdTypes.passport')} />
                        <Radio value="id-card" label={t('werkplek.patients.add.foreignIdTypes.idCard')} />
                      </Group>
                    </Radio.Group>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                      <TextInput
                        label={t('werkplek.patients.add.fields.foreignIdNumber')}
                        description={t('werkplek.patients.add.hints.foreignIdNumber')}
                        withAsterisk
                        autoComplete="off"
                        maxLength={40}
                        {...field('foreignIdNumber')}
                      />
                      <BirthDateInput field={field('birthDate')} onTidy={(birthDate) => update({ birthDate })} />
                    </SimpleGrid>
                  </>
                )}
                {dutch ? (
                  <Text size="sm" c="dimmed">
                    {t('werkplek.patients.add.checkExplained')}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('werkplek.patients.add.noCheckAbroad')}
                  </Text>
                )}
                {insurance && (
                  <InsuranceResult
                    check={insurance}
                    continued={draft.continuedWithoutCheck}
                    onContinue={() => setDraft((current) => ({ ...current, continuedWithoutCheck: true, step: 1 }))}
                  />
                )}
              </>
            )}

            {step === 1 && (
              <>
                {insurance && <InsuranceResult check={insurance} continued={draft.continuedWithoutCheck} compact />}
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextInput
                    label={t('werkplek.patients.add.fields.initials')}
                    autoComplete="off"
                    maxLength={20}
                    {...field('initials')}
                  />
                  <TextInput
                    label={t('werkplek.patients.add.fields.givenNames')}
                    autoComplete="off"
                    maxLength={120}
                    {...field('givenNames')}
                  />
                  <TextInput
                    label={t('werkplek.patients.add.fields.roepnaam')}
                    description={t('werkplek.patients.add.hints.roepnaam')}
                    withAsterisk
                    autoComplete="off"
                    maxLength={60}
                    {...field('roepnaam')}
                  />
                  <TextInput
                    label={t('werkplek.patients.add.fields.familyNamePrefix')}
                    description={t('werkplek.patients.add.hints.familyNamePrefix')}
                    autoComplete="off"
                    maxLength={20}
                    {...field('familyNamePrefix')}
                  />
                  <TextInput
                    label={t('werkplek.patients.add.fields.familyName')}
                    withAsterisk
                    autoComplete="off"
                    maxLength={120}
                    {...field('familyName')}
                  />
                </SimpleGrid>
                <Radio.Group
                  label={t('werkplek.patients.add.fields.gender')}
                  withAsterisk
                  value={values.gender}
                  onChange={(value) => update({ gender: genders.find((each) => each === value) ?? '' })}
                  error={errors.gender ?? serverFieldError('gender')}
                  name="gender"
                >
                  <Group gap="lg" mt={6}>
                    {genders.map((gender) => (
                      <Radio key={gender} value={gender} label={t(`werkplek.patients.gender.${gender}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              </>
            )}

            {step === 2 && (
              <>
                {insurance && <InsuranceResult check={insurance} continued={draft.continuedWithoutCheck} compact />}
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
                  <TextInput
                    label={t('werkplek.patients.add.fields.postcode')}
                    description={t('werkplek.patients.add.hints.postcode')}
                    placeholder="1234 AB"
                    autoComplete="postal-code"
                    maxLength={10}
                    {...field('postcode')}
                    onBlur={() => {
                      const match = /^([1-9][0-9]{3}) ?([A-Za-z]{2})$/.exec(values.postcode.trim());
                      if (match && values.country === 'NL') update({ postcode: `${match[1]} ${match[2]?.toUpperCase()}` });
                    }}
                  />
                  <TextInput
                    label={t('werkplek.patients.add.fields.houseNumber')}
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={10}
                    {...field('houseNumber')}
                  />
                  <TextInput
                    label={t('werkplek.patients.add.fields.houseNumberSuffix')}
                    autoComplete="off"
                    maxLength={10}
                    {...field('houseNumberSuffix')}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextInput
                    label={t('werkplek.patients.add.fields.street')}
                    autoComplete="address-line1"
                    maxLength={120}
                    {...field('street')}
                  />
                  <TextInput
                    label={t('werkplek.patients.add.fields.city')}
                    autoComplete="address-level2"
                    maxLength={80}
                    {...field('city')}
                  />
                  <NativeSelect label={t('werkplek.patients.add.fields.country')} data={countries} {...field('country')} />
                  <TextInput
                    label={t('werkplek.patients.add.fields.phone')}
                    type="tel"
                    autoComplete="off"
                    maxLength={30}
                    {...field('phone')}
                  />
                  <TextInput
                    label={t('werkplek.patients.add.fields.email')}
                    type="email"
                    autoComplete="off"
                    maxLength={200}
                    {...field('email')}
                  />
                  {(pharmacies.data || values.pharmacyId !== '') && (
                    <NativeSelect
                      label={t('werkplek.patients.add.fields.pharmacyId')}
                      data={[
                        { value: '', label: t('werkplek.patients.add.noPharmacy') },
                        ...(pharmacies.data?.pharmacies ?? []).map((pharmacy) => ({
                          value: pharmacy.id,
                          label: pharmacy.city ? `${pharmacy.name} (${pharmacy.city})` : pharmacy.name,
                        })),
                      ]}
                      {...field('pharmacyId')}
                    />
                  )}
                </SimpleGrid>
              </>
            )}

            <Group gap="sm" justify="space-between" mt="sm">
              <Group gap="sm">
                {step > 0 && (
                  <Button variant="default" onClick={() => goTo((step - 1) as AddPatientStep)}>
                    {t('werkplek.patients.add.previous')}
                  </Button>
                )}
                <Button type="submit" loading={check.isPending || save.isPending}>
                  {step < 2 ? t('werkplek.patients.add.next') : t('werkplek.patients.add.save')}
                </Button>
              </Group>
              <Button variant="subtle" color="gray" c="gray.8" onClick={() => setConfirmClear(true)}>
                {t('werkplek.patients.add.clear')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Modal opened={confirmClear} onClose={() => setConfirmClear(false)} title={t('werkplek.patients.add.clearTitle')} centered>
        <Stack gap="md">
          <Text>{t('werkplek.patients.add.clearText')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmClear(false)}>
              {t('werkplek.patients.memos.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirmClear(false);
                startOver();
              }}
            >
              {t('werkplek.patients.add.clearConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

// Yellow title text on a light yellow background is unreadable (WCAG contrast): use the text colour.
const darkTitle = { title: { color: 'var(--mantine-color-text)' } };

function BirthDateInput({
  field,
  onTidy,
}: {
  field: {
    name: string;
    value: string;
    error: string | undefined;
    onChange: (event: { currentTarget: { value: string } }) => void;
  };
  onTidy: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('werkplek.patients.add.fields.birthDate')}
      description={t('werkplek.patients.add.hints.birthDate')}
      withAsterisk
      autoComplete="off"
      inputMode="numeric"
      maxLength={10}
      {...field}
      // Tidy what was typed (5-3-1961 → 05-03-1961) when leaving the field.
      onBlur={() => {
        const iso = parseDate(field.value);
        if (iso && formatDate(iso) !== field.value) onTidy(formatDate(iso));
      }}
    />
  );
}

/** The answer of the insurance-right check (Vecozo COV): insurer, UZOVI, policy and date; or a warning. */
function InsuranceResult({
  check,
  continued,
  compact = false,
  onContinue,
}: {
  check: InsuranceCheck;
  continued: boolean;
  compact?: boolean;
  onContinue?: () => void;
}) {
  const { t } = useTranslation();
  const date = formatDate(check.checkedAt);
  let body: ReactNode;
  if (check.outcome === 'insured') {
    body = (
      <Alert
        color="green"
        variant="light"
        title={t('werkplek.patients.add.insurance.insuredTitle')}
        role="status"
        styles={darkTitle}
      >
        <Text size="sm">
          {t('werkplek.patients.add.insurance.insured', {
            insurer: check.insurerName ?? '–',
            uzovi: check.uzoviCode ?? '–',
            policy: check.policyNumber ?? '–',
            date,
          })}
        </Text>
      </Alert>
    );
  } else {
    const key = check.outcome === 'not-insured' ? 'notInsured' : 'unavailable';
    body = (
      <Alert
        color={key === 'notInsured' ? 'red' : 'yellow'}
        variant="light"
        title={t(`werkplek.patients.add.insurance.${key}Title`)}
        role="alert"
        styles={darkTitle}
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t(`werkplek.patients.add.insurance.${key}`, { date })}</Text>
          {!compact && !continued && onContinue && (
            <Button variant="default" size="sm" onClick={onContinue}>
              {t(`werkplek.patients.add.insurance.${key}Continue`)}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  return body;
}
