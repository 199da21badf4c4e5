import {
  Box,
  Button,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatDateTime, parseDate } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import {
  type AuditEvent,
  type AuditFilters,
  type AuditPage as AuditPageData,
  auditActions,
  auditFiltersFrom,
  auditPageQuery,
  auditSearchParams,
  downloadAuditCsv,
} from './audit-api';
import { actionLabel, listedPatientsLabel, objectLabel, outcomeLabel, roleLabel } from './audit-labels';
import classes from './audit-page.module.css';

interface FormValues {
  patientId: string;
  accountId: string;
  organisationId: string;
  from: string;
  to: string;
  action: string;
}

type FormErrors = Partial<Record<keyof FormValues, string>>;

function formValuesOf(filters: AuditFilters): FormValues {
  return {
    patientId: filters.patientId ?? '',
    accountId: filters.accountId ?? '',
    organisationId: filters.organisationId ?? '',
    from: filters.from ? formatDate(filters.from) : '',
    to: filters.to ? formatDate(filters.to) : '',
    action: filters.action ?? '',
  };
}

const emptyForm: FormValues = { patientId: '', accountId: '', organisationId: '', from: '', to: '', action: '' };

/**
 * The filter form's values as API filters, or the messages for what is wrong. Dates are typed as
 * dd-mm-jjjj and sent as ISO dates; ids are digits.
 */
export function validateAuditForm(
  values: FormValues,
  messages: { number: string; date: string; order: string },
): { filters: AuditFilters } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const id = (name: 'patientId' | 'accountId' | 'organisationId') => {
    const value = values[name].trim();
    if (value && !/^\d+$/.test(value)) errors[name] = messages.number;
    return value || undefined;
  };
  const date = (name: 'from' | 'to') => {
    const value = values[name].trim();
    if (!value) return undefined;
    const iso = parseDate(value);
    if (!iso) errors[name] = messages.date;
    return iso;
  };
  const filters: AuditFilters = {
    patientId: id('patientId'),
    accountId: id('accountId'),
    organisationId: id('organisationId'),
    from: date('from'),
    to: date('to'),
    action: values.action || undefined,
    page: 1,
  };
  if (filters.from && filters.to && filters.to < filters.from) errors.to = messages.order;
  return Object.keys(errors).length > 0 ? { errors } : { filters };
}

function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Audit (NEN 7513 control of the log): platform administrators see everything, a GP practice its own accounts. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.audit.title'), 'werkplek');
  const session = useCurrentSession();
  const platform = session.navigation.includes('audit-platform');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = auditFiltersFrom(searchParams);
  const [form, setForm] = useState<FormValues>(() => formValuesOf(filters));
  const [errors, setErrors] = useState<FormErrors>({});
  const query = useQuery(auditPageQuery(filters));
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  const messages = {
    number: t('werkplek.audit.invalidNumber'),
    date: t('werkplek.audit.invalidDate'),
    order: t('werkplek.audit.periodOrder'),
  };

  function apply(next: AuditFilters) {
    setSearchParams(auditSearchParams(next, { withPage: next.page > 1 }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateAuditForm(form, messages);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setForm(formValuesOf(result.filters));
    apply(result.filters);
  }

  function clear() {
    setForm(emptyForm);
    setErrors({});
    apply({ page: 1 });
  }

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      const file = await downloadAuditCsv(filters);
      saveFile(file.blob, file.filename ?? 'keten-auditlog.csv');
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  const field = (name: keyof FormValues) => ({
    name,
    value: form[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [name]: value }));
    },
  });
  const dateField = (name: 'from' | 'to') => ({
    ...field(name),
    placeholder: t('werkplek.audit.datePlaceholder'),
    autoComplete: 'off',
    // Tidy what was typed (5-3-2024 → 05-03-2024) when leaving the field.
    onBlur: () => {
      const iso = parseDate(form[name]);
      if (iso) setForm((current) => ({ ...current, [name]: formatDate(iso) }));
    },
  });

  const scope = query.data?.scope ?? (platform ? 'platform' : 'practice');

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('werkplek.audit.title')}</Title>
        <Text c="dimmed">{scope === 'platform' ? t('werkplek.audit.introPlatform') : t('werkplek.audit.introPractice')}</Text>
      </Stack>

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={onSubmit} noValidate>
          <Fieldset legend={t('werkplek.audit.filters')} variant="unstyled">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: platform ? 6 : 5 }} spacing="md" mt="xs">
              <TextInput label={t('werkplek.audit.patientId')} inputMode="numeric" {...field('patientId')} />
              <TextInput label={t('werkplek.audit.accountId')} inputMode="numeric" {...field('accountId')} />
              {platform && (
                <TextInput label={t('werkplek.audit.organisationId')} inputMode="numeric" {...field('organisationId')} />
              )}
              <TextInput label={t('werkplek.audit.from')} {...dateField('from')} />
              <TextInput label={t('werkplek.audit.to')} {...dateField('to')} />
              <NativeSelect
                label={t('werkplek.audit.action')}
                {...field('action')}
                data={[
                  { value: '', label: t('werkplek.audit.anyAction') },
                  ...auditActions.map((action) => ({ value: action, label: actionLabel(t, action) })),
                ]}
              />
            </SimpleGrid>
            <Group gap="sm" mt="md">
              <Button type="submit">{t('werkplek.audit.search')}</Button>
              <Button variant="default" onClick={clear}>
                {t('werkplek.audit.clear')}
              </Button>
              <Button variant="light" onClick={() => void exportCsv()} loading={exporting} ml={{ base: 0, sm: 'auto' }}>
                {t('werkplek.audit.export')}
              </Button>
            </Group>
          </Fieldset>
        </form>
      </Paper>

      <ProblemAlert error={exportError} />
      <AuditResults query={query} page={filters.page} onPage={(page) => apply({ ...filters, page })} />
    </Stack>
  );
}

function AuditResults({
  query,
  page,
  onPage,
}: {
  query: UseQueryResult<AuditPageData>;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { events, hasMore } = query.data;

  return (
    <Stack gap="sm">
      {events.length === 0 ? (
        <Text>{t('werkplek.audit.empty')}</Text>
      ) : (
        <Paper withBorder radius="md">
          {/* A focusable, named region: keyboard users can scroll the wide table sideways. */}
          <Box role="region" aria-labelledby={captionId} tabIndex={0} className={classes.scroller}>
            <Table
              striped
              highlightOnHover
              verticalSpacing="xs"
              horizontalSpacing="xs"
              fz="xs"
              className={classes.table}
              aria-busy={query.isFetching}
            >
              <Table.Caption id={captionId}>{t('werkplek.audit.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('werkplek.audit.columns.occurredAt')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.audit.columns.actor')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.audit.columns.role')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.audit.columns.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.audit.columns.patient')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.audit.columns.action')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.audit.columns.object')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.audit.columns.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.audit.columns.reason')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.audit.columns.ip')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.map((event) => (
                  <AuditRow key={event.id} event={event} />
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </Paper>
      )}
      <Group component="nav" aria-label={t('werkplek.audit.pagination')} gap="sm" justify="flex-end">
        <Button variant="default" size="compact-md" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('werkplek.audit.previous')}
        </Button>
        <Text size="sm" aria-current="page">
          {t('werkplek.audit.page', { page })}
        </Text>
        <Button variant="default" size="compact-md" disabled={!hasMore} onClick={() => onPage(page + 1)}>
          {t('werkplek.audit.next')}
        </Button>
      </Group>
    </Stack>
  );
}

function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  // Failures stand out; green text would not reach 4.5:1 on the striped rows.
  const outcomeColor = event.outcome === 'success' ? undefined : 'red.9';
  return (
    <Table.Tr>
      <Table.Td>{formatDateTime(event.occurredAt)}</Table.Td>
      <Table.Td className={classes.wrap}>
        {event.actorName ?? t('werkplek.audit.unknownActor')}
        {event.actorId && (
          <Text span size="xs" c="dimmed">
            {' '}
            #{event.actorId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{roleLabel(t, event.actorRole)}</Table.Td>
      <Table.Td className={classes.wrap}>{event.actorOrganisationName ?? ''}</Table.Td>
      <Table.Td>{event.patientId ?? listedPatientsLabel(t, event)}</Table.Td>
      <Table.Td className={classes.wrap}>{actionLabel(t, event.action)}</Table.Td>
      <Table.Td>
        {objectLabel(t, event.objectType)}
        {event.objectId ? ` ${event.objectId}` : ''}
      </Table.Td>
      <Table.Td>
        <Text span inherit fw={outcomeColor ? 700 : 400} c={outcomeColor}>
          {outcomeLabel(t, event.outcome)}
        </Text>
      </Table.Td>
      <Table.Td className={classes.wrap}>{event.reason ?? ''}</Table.Td>
      <Table.Td>{event.ip ?? ''}</Table.Td>
    </Table.Tr>
  );
}
