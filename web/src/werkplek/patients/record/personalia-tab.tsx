import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../../../api/client';
import { currentLanguage } from '../../../i18n';
import { formatDate, parseDate } from '../../../ui/format';
import { PencilIcon } from '../../../ui/icons';
import { ProblemAlert } from '../../../ui/problem-alert';
import { countryName, countryOptions } from '../countries';
import { genderLabel } from '../info-panel';
import { todayInAmsterdam } from '../patient-format';
import classes from '../patients.module.css';
import { genders } from '../patients-api';
import {
  type Personalia,
  type PersonaliaGroup,
  personaliaGroups,
  personaliaQuery,
  pharmaciesQuery,
  useSavePersonaliaGroup,
} from './record-api';

type FieldKind = 'text' | 'date' | 'gender' | 'country' | 'idType' | 'pharmacy' | 'postcode' | 'email' | 'tel';

interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** Shown only when the insurance is abroad. */
  abroadOnly?: boolean;
}

/** The fields of each pencil, as the server's group bodies (modules/patient-record/schemas.ts). */
const groupFields: Record<PersonaliaGroup, FieldSpec[]> = {
  names: [
    { name: 'initials', kind: 'text' },
    { name: 'givenNames', kind: 'text' },
    { name: 'roepnaam', kind: 'text', required: true },
    { name: 'familyNamePrefix', kind: 'text' },
    { name: 'familyName', kind: 'text', required: true },
  ],
  birth: [
    { name: 'birthDate', kind: 'date', required: true },
    { name: 'gender', kind: 'gender', required: true },
    { name: 'nationality', kind: 'country', required: true },
  ],
  address: [
    { name: 'street', kind: 'text' },
    { name: 'houseNumber', kind: 'text' },
    { name: 'houseNumberSuffix', kind: 'text' },
    { name: 'postcode', kind: 'postcode' },
    { name: 'city', kind: 'text' },
    { name: 'country', kind: 'country', required: true },
  ],
  contact: [
    { name: 'phone', kind: 'tel' },
    { name: 'email', kind: 'email' },
  ],
  insurance: [
    { name: 'insuranceCountry', kind: 'country', required: true },
    { name: 'foreignIdType', kind: 'idType', required: true, abroadOnly: true },
    { name: 'foreignIdNumber', kind: 'text', required: true, abroadOnly: true },
  ],
  pharmacy: [{ name: 'pharmacyId', kind: 'pharmacy' }],
};

/** The stored values of a group as strings for the form. */
function groupValues(personalia: Personalia, group: PersonaliaGroup): Record<string, string> {
  const source: Record<string, unknown> = personalia[group];
  const values: Record<string, string> = {};
  for (const field of groupFields[group]) {
    const value = source[field.name];
    values[field.name] = typeof value === 'string' ? (field.kind === 'date' ? formatDate(value) : value) : '';
  }
  return values;
}

function isAbroad(values: Record<string, string>): boolean {
  return (values.insuranceCountry ?? 'NL') !== 'NL';
}

/** Personalia (seed 001 §5.8): the personal data per group; the pencil edits a group if the role may. */
export function PersonaliaTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useQuery(personaliaQuery(patientId));
  const [editing, setEditing] = useState<PersonaliaGroup | null>(null);

  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const personalia = query.data;
  const { identification } = personalia;

  return (
    <Stack gap="md">
      {personalia.editableGroups.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('werkplek.patients.personalia.readOnly')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <GroupCard title={t('werkplek.patients.personalia.groups.identification')}>
          <Facts
            rows={[
              [t('werkplek.patients.search.columns.id'), personalia.displayId],
              [
                t('werkplek.patients.info.bsn'),
                identification.bsn
                  ? `${identification.bsn}${identification.bsnMasked ? ` (${t('werkplek.patients.personalia.masked')})` : ''}`
                  : t('werkplek.patients.info.noBsn'),
              ],
              ...(identification.legacyId
                ? [[t('werkplek.patients.personalia.legacyId'), identification.legacyId] as [string, string]]
                : []),
            ]}
          />
          <Text size="xs" c="dimmed">
            {t('werkplek.patients.personalia.bsnNotEditable')}
          </Text>
        </GroupCard>
        {personaliaGroups.map((group) => (
          <PersonaliaGroupCard
            key={group}
            personalia={personalia}
            group={group}
            editable={personalia.editableGroups.includes(group)}
            editing={editing === group}
            onEdit={() => setEditing(group)}
            onDone={() => setEditing(null)}
          />
        ))}
        <GroupCard title={t('werkplek.patients.personalia.groups.enrolments')}>
          {personalia.enrolments.length === 0 ? (
            <Text>{t('werkplek.patients.info.noPractice')}</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {personalia.enrolments.map((enrolment) => (
                <li key={enrolment.id}>
                  <Group gap="xs">
                    <Text fw={600}>{enrolment.practice.name}</Text>
                    {enrolment.current && (
                      <Badge variant="light" size="sm">
                        {t('werkplek.patients.personalia.current')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {enrolment.validTo
                      ? t('werkplek.patients.personalia.period', {
                          from: formatDate(enrolment.validFrom),
                          to: formatDate(enrolment.validTo),
                        })
                      : t('werkplek.patients.personalia.since', { from: formatDate(enrolment.validFrom) })}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </GroupCard>
      </SimpleGrid>
    </Stack>
  );
}

function GroupCard({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h4">
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className={classes.facts}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function PersonaliaGroupCard({
  personalia,
  group,
  editable,
  editing,
  onEdit,
  onDone,
}: {
  personalia: Personalia;
  group: PersonaliaGroup;
  editable: boolean;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const title = t(`werkplek.patients.personalia.groups.${group}`);
  return (
    <GroupCard
      title={title}
      action={
        editable &&
        !editing && (
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={onEdit}
            aria-label={t('werkplek.patients.personalia.edit', { group: title })}
            title={t('werkplek.patients.personalia.edit', { group: title })}
          >
            <PencilIcon size={18} />
          </ActionIcon>
        )
      }
    >
      {editing ? (
        <GroupForm personalia={personalia} group={group} onDone={onDone} />
      ) : (
        <GroupView personalia={personalia} group={group} />
      )}
    </GroupCard>
  );
}

function useDisplay() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (field: FieldSpec, value: string, personalia: Personalia): string => {
    if (value === '') return '–';
    switch (field.kind) {
      case 'gender':
        return genderLabel(t, value);
      case 'country':
        return countryName(value, language);
      case 'idType':
        return value === 'passport'
          ? t('werkplek.patients.add.foreignIdTypes.passport')
          : t('werkplek.patients.add.foreignIdTypes.idCard');
      case 'pharmacy':
        return personalia.pharmacy.pharmacyName ?? value;
      default:
        return value;
    }
  };
}

function GroupView({ personalia, group }: { personalia: Personalia; group: PersonaliaGroup }) {
  const { t } = useTranslation();
  const display = useDisplay();
  const values = groupValues(personalia, group);
  const fields = groupFields[group].filter((field) => !field.abroadOnly || isAbroad(values));
  const check = personalia.insurance.lastInsuranceCheck;
  return (
    <>
      <Facts
        rows={fields.map((field) => [
          t(`werkplek.patients.personalia.fields.${field.name as PersonaliaFieldName}`),
          group === 'pharmacy' && values.pharmacyId === ''
            ? t('werkplek.patients.info.noPharmacy')
            : display(field, values[field.name] ?? '', personalia),
        ])}
      />
      {group === 'insurance' && !isAbroad(values) && (
        <Text size="sm">
          {check
            ? check.outcome === 'insured'
              ? t('werkplek.patients.add.insurance.insured', {
                  insurer: check.insurerName ?? '–',
                  uzovi: check.uzoviCode ?? '–',
                  policy: check.policyNumber ?? '–',
                  date: formatDate(check.checkedAt),
                })
              : `${check.outcome === 'not-insured' ? t('werkplek.patients.info.notInsured') : t('werkplek.patients.info.checkUnavailable')} · ${t('werkplek.patients.info.checkedOn', { date: formatDate(check.checkedAt) })}`
            : t('werkplek.patients.info.notChecked')}
        </Text>
      )}
    </>
  );
}

type PersonaliaFieldName =
  | 'initials'
  | 'givenNames'
  | 'roepnaam'
  | 'familyNamePrefix'
  | 'familyName'
  | 'birthDate'
  | 'gender'
  | 'nationality'
  | 'street'
  | 'houseNumber'
  | 'houseNumberSuffix'
  | 'postcode'
  | 'city'
  | 'country'
  | 'phone'
  | 'email'
  | 'insuranceCountry'
  | 'foreignIdType'
  | 'foreignIdNumber'
  | 'pharmacyId';

function GroupForm({ personalia, group, onDone }: { personalia: Personalia; group: PersonaliaGroup; onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  const save = useSavePersonaliaGroup(personalia.patientId);
  const pharmacies = useQuery({ ...pharmaciesQuery(), enabled: group === 'pharmacy' });
  const [values, setValues] = useState(() => groupValues(personalia, group));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fields = groupFields[group].filter((field) => !field.abroadOnly || isAbroad(values));
  const serverError = (name: string) => (isProblemError(save.error) ? save.error.fieldError(name) : undefined);

  function set(name: string, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      const { [name]: _removed, ...rest } = current;
      return rest;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const body: Record<string, string | null> = {};
    for (const field of groupFields[group]) {
      const raw = (values[field.name] ?? '').trim();
      const shown = !field.abroadOnly || isAbroad(values);
      if (!shown) {
        body[field.name] = null;
        continue;
      }
      if (field.required && raw === '') found[field.name] = t('werkplek.patients.add.errors.required');
      if (field.kind === 'date' && raw !== '') {
        const iso = parseDate(raw);
        if (!iso) found[field.name] = t('werkplek.patients.add.errors.date');
        else if (iso > todayInAmsterdam()) found[field.name] = t('werkplek.patients.add.errors.dateInFuture');
        body[field.name] = iso ?? raw;
        continue;
      }
      if (field.kind === 'postcode' && raw !== '' && values.country === 'NL' && !/^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(raw)) {
        found[field.name] = t('werkplek.patients.add.errors.postcode');
      }
      body[field.name] = raw === '' ? null : raw;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ group, values: body }, { onSuccess: onDone });
  }

  function input(field: FieldSpec): ReactNode {
    const label = t(`werkplek.patients.personalia.fields.${field.name as PersonaliaFieldName}`);
    const common = {
      label,
      withAsterisk: field.required,
      error: errors[field.name] ?? serverError(field.name),
    };
    const value = values[field.name] ?? '';
    switch (field.kind) {
      case 'gender':
      case 'idType': {
        const options =
          field.kind === 'gender'
            ? genders.map((gender) => ({ value: gender, label: t(`werkplek.patients.gender.${gender}`) }))
            : [
                { value: 'passport', label: t('werkplek.patients.add.foreignIdTypes.passport') },
                { value: 'id-card', label: t('werkplek.patients.add.foreignIdTypes.idCard') },
              ];
        return (
          <Radio.Group key={field.name} {...common} value={value} onChange={(next) => set(field.name, next)} name={field.name}>
            <Group gap="md" mt={6}>
              {options.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} />
              ))}
            </Group>
          </Radio.Group>
        );
      }
      case 'country':
        return (
          <NativeSelect
            key={field.name}
            {...common}
            data={countries}
            value={value || 'NL'}
            onChange={(event) => set(field.name, event.currentTarget.value)}
          />
        );
      case 'pharmacy':
        return (
          <NativeSelect
            key={field.name}
            {...common}
            disabled={pharmacies.isPending}
            data={[
              { value: '', label: t('werkplek.patients.info.noPharmacy') },
              ...(pharmacies.data?.pharmacies ?? []).map((pharmacy) => ({
                value: pharmacy.id,
                label: pharmacy.city ? `${pharmacy.name} (${pharmacy.city})` : pharmacy.name,
              })),
            ]}
            value={value}
            onChange={(event) => set(field.name, event.currentTarget.value)}
          />
        );
      default:
        return (
          <TextInput
            key={field.name}
            {...common}
            type={field.kind === 'email' ? 'email' : field.kind === 'tel' ? 'tel' : 'text'}
            placeholder={
              field.kind === 'date' ? t('werkplek.audit.datePlaceholder') : field.kind === 'postcode' ? '1234 AB' : undefined
            }
            description={field.kind === 'postcode' ? t('werkplek.patients.add.hints.postcode') : undefined}
            autoComplete="off"
            value={value}
            onChange={(event) => set(field.name, event.currentTarget.value)}
          />
        );
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={save.error ?? pharmacies.error} shownFields={groupFields[group].map((field) => field.name)} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {fields.map(input)}
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('werkplek.patients.personalia.save')}
          </Button>
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {t('werkplek.patients.memos.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
