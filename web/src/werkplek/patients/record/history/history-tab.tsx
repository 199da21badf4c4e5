import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { currentLanguage } from '../../../../i18n';
import { formatDate, formatDateTime } from '../../../../ui/format';
import { EyeIcon } from '../../../../ui/icons';
import { ProblemAlert } from '../../../../ui/problem-alert';
import { patientPath } from '../../patient-paths';
import classes from '../../patients.module.css';
import {
  type HistoryEntry,
  type HistoryFilterOptions,
  type HistoryFilters,
  historyQuery,
  type LocalText,
  localText,
} from '../clinical-record-api';
import { HistoryEntryView } from './history-entry-view';
import { dateOrder, defaultPeriod, normaliseDate } from './history-period';

/**
 * What the task page hands to the Historie after "Publiceren" (docs/clinical-record.md §3: "after publishing back
 * to Historie"): the title of what was published, for the notice.
 */
export interface HistoryLocationState {
  published?: { title: string | LocalText; entryId?: string; version?: number };
}

/** The Historie's filters as the address holds them: `?van=01-01-2026&taak=dagcurve&pagina=2`. */
export const historySearchKeys = { from: 'van', to: 'tot', task: 'taak', author: 'auteur', role: 'rol', page: 'pagina' };

/** The address of the Historie, optionally filtered on one task (the Dagcurves tab links to it). */
export function historyPath(patientId: string, formKey?: string): string {
  const path = patientPath(patientId, 'historie');
  return formKey ? `${path}?${new URLSearchParams({ [historySearchKeys.task]: formKey })}` : path;
}

/** The address of one entry; `search` keeps the list's filters for the way back. */
export function historyEntryPath(patientId: string, entryId: string, search = ''): string {
  return `${patientPath(patientId, 'historie')}/${encodeURIComponent(entryId)}${search}`;
}

function filtersFrom(params: URLSearchParams, now = new Date()): Required<Omit<HistoryFilters, 'page'>> & { page: number } {
  const period = defaultPeriod(now);
  const page = Number(params.get(historySearchKeys.page));
  return {
    from: normaliseDate(params.get(historySearchKeys.from) ?? '') ?? period.from,
    to: normaliseDate(params.get(historySearchKeys.to) ?? '') ?? period.to,
    formKey: params.get(historySearchKeys.task) ?? '',
    authorAccountId: params.get(historySearchKeys.author) ?? '',
    role: params.get(historySearchKeys.role) ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/**
 * Historie (seed 001 §5.4, §6.3): everything recorded with tasks, newest first, by default the past year, with
 * filters on period, task, author and role. The "oogje" on the left opens an entry (its own address, so a reload
 * keeps it); "Bewerken" there goes to the task page. The server lists only what the viewer's role may read.
 */
export function HistoryTab({ patientId }: { patientId: string }) {
  const { entryId } = useParams();
  const [searchParams] = useSearchParams();
  if (entryId) {
    // The way back keeps the list's filters; the version picker's own parameter stays behind.
    const back = new URLSearchParams(searchParams);
    back.delete('versie');
    const backSearch = back.size > 0 ? `?${back}` : '';
    return (
      <HistoryEntryView patientId={patientId} entryId={entryId} backTo={`${patientPath(patientId, 'historie')}${backSearch}`} />
    );
  }
  return <HistoryList patientId={patientId} />;
}

function HistoryList({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const query = useQuery(historyQuery(patientId, filters));
  const published = usePublishedNotice();
  const language = currentLanguage();

  function apply(next: typeof filters) {
    const period = defaultPeriod();
    const params = new URLSearchParams();
    if (next.from !== period.from) params.set(historySearchKeys.from, next.from);
    if (next.to !== period.to) params.set(historySearchKeys.to, next.to);
    if (next.formKey) params.set(historySearchKeys.task, next.formKey);
    if (next.authorAccountId) params.set(historySearchKeys.author, next.authorAccountId);
    if (next.role) params.set(historySearchKeys.role, next.role);
    if (next.page > 1) params.set(historySearchKeys.page, String(next.page));
    setSearchParams(params);
  }

  return (
    <Stack gap="md">
      {published && (
        <Alert
          color="green"
          variant="light"
          role="status"
          title={t('werkplek.history.published', { title: localText(published.title, language) })}
        >
          {published.version && published.version > 1
            ? t('werkplek.history.publishedVersion', { version: published.version })
            : t('werkplek.history.publishedText')}
        </Alert>
      )}
      <Text c="dimmed" size="sm">
        {t('werkplek.history.intro')}
      </Text>
      <HistoryFilterForm
        key={searchParams.toString()}
        filters={filters}
        options={query.data?.filters}
        onApply={(next) => apply({ ...next, page: 1 })}
        onReset={() => setSearchParams(new URLSearchParams())}
      />
      {query.isPending ? (
        <Loader aria-label={t('werkplek.shell.loading')} />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : (
        <HistoryResults
          patientId={patientId}
          filters={filters}
          entries={query.data.entries}
          total={query.data.total}
          page={query.data.page}
          pageSize={query.data.pageSize}
          busy={query.isFetching}
          onPage={(page) => apply({ ...filters, page })}
        />
      )}
    </Stack>
  );
}

/** The notice after "Publiceren": shown once; the router state is dropped so a reload or "Terug" does not repeat it. */
function usePublishedNotice(): HistoryLocationState['published'] {
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as (HistoryLocationState & Record<string, unknown>) | null;
  const [published] = useState(state?.published);
  useEffect(() => {
    if (state?.published) {
      const { published: _shown, ...rest } = state;
      void navigate(`${location.pathname}${location.search}`, { replace: true, state: rest });
    }
  }, [state, navigate, location.pathname, location.search]);
  return published;
}

type FilterValues = Omit<ReturnType<typeof filtersFrom>, 'page'>;

function HistoryFilterForm({
  filters,
  options,
  onApply,
  onReset,
}: {
  filters: FilterValues;
  options: HistoryFilterOptions | undefined;
  onApply: (filters: FilterValues) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  const [formKey, setFormKey] = useState(filters.formKey);
  const [author, setAuthor] = useState(filters.authorAccountId);
  const [role, setRole] = useState(filters.role);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  const all = { value: '', label: t('werkplek.history.filters.all') };
  const roleName = (code: string) => {
    const found = options?.roles.find((each) => each.code === code);
    return found ? localText(found.name, language) : code;
  };
  // A filter from the address (e.g. the Dagcurves link) stays visible even when this period has no such entry.
  const withCurrent = (list: { value: string; label: string }[], current: string) =>
    current && !list.some((each) => each.value === current) ? [...list, { value: current, label: current }] : list;
  const taskOptions = withCurrent(
    (options?.tasks ?? []).map((task) => ({ value: task.formKey, label: localText(task.title, language) })),
    formKey,
  );
  const authorOptions = withCurrent(
    (options?.authors ?? []).map((each) => ({ value: each.accountId, label: `${each.name} (${roleName(each.role)})` })),
    author,
  );
  const roleOptions = withCurrent(
    (options?.roles ?? []).map((each) => ({ value: each.code, label: localText(each.name, language) })),
    role,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fromDate = normaliseDate(from);
    const toDate = normaliseDate(to);
    const next: typeof errors = {};
    if (!fromDate) next.from = t('werkplek.history.filters.invalidDate');
    if (!toDate) next.to = t('werkplek.history.filters.invalidDate');
    if (fromDate && toDate && dateOrder(fromDate) > dateOrder(toDate)) next.from = t('werkplek.history.filters.fromAfterTo');
    setErrors(next);
    if (!fromDate || !toDate || next.from || next.to) return;
    onApply({ from: fromDate, to: toDate, formKey, authorAccountId: author, role });
  }

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate aria-label={t('werkplek.history.filters.title')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <TextInput
              label={t('werkplek.history.filters.from')}
              description={t('werkplek.history.filters.datePlaceholder')}
              value={from}
              onChange={(event) => setFrom(event.currentTarget.value)}
              error={errors.from}
              inputMode="numeric"
              autoComplete="off"
            />
            <TextInput
              label={t('werkplek.history.filters.to')}
              description={t('werkplek.history.filters.datePlaceholder')}
              value={to}
              onChange={(event) => setTo(event.currentTarget.value)}
              error={errors.to}
              inputMode="numeric"
              autoComplete="off"
            />
            <Select
              label={t('werkplek.history.filters.task')}
              data={[all, ...taskOptions]}
              value={formKey}
              onChange={(value) => setFormKey(value ?? '')}
              allowDeselect={false}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('werkplek.history.filters.author')}
              data={[all, ...authorOptions]}
              value={author}
              onChange={(value) => setAuthor(value ?? '')}
              allowDeselect={false}
              searchable
            />
            <Select
              label={t('werkplek.history.filters.role')}
              data={[all, ...roleOptions]}
              value={role}
              onChange={(value) => setRole(value ?? '')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit">{t('werkplek.history.filters.apply')}</Button>
            <Button variant="subtle" onClick={onReset}>
              {t('werkplek.history.filters.reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function HistoryResults({
  patientId,
  filters,
  entries,
  total,
  page,
  pageSize,
  busy,
  onPage,
}: {
  patientId: string;
  filters: FilterValues;
  entries: HistoryEntry[];
  total: number;
  page: number;
  pageSize: number;
  busy: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  const period = { from: filters.from, to: filters.to };

  return (
    <Stack gap="sm">
      <Text role="status" fw={600}>
        {total === 0 ? t('werkplek.history.empty', period) : t('werkplek.history.count', { count: total, ...period })}
      </Text>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('werkplek.history.emptyHint')}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Box role="region" aria-labelledby={captionId} tabIndex={0} className={classes.scroller}>
            <Table striped highlightOnHover verticalSpacing="xs" className={classes.table} aria-busy={busy}>
              <Table.Caption id={captionId} className={classes.caption}>
                {t('werkplek.history.caption')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={56}>
                    <VisuallyHidden>{t('werkplek.history.columns.open')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th scope="col">{t('werkplek.history.columns.date')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.history.columns.task')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.history.columns.author')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.history.columns.role')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.history.columns.organisation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <HistoryRow key={entry.id} patientId={patientId} entry={entry} search={location.search} />
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </Paper>
      )}
      {pages > 1 && (
        <Group component="nav" aria-label={t('werkplek.history.pagination')} gap="sm" justify="flex-end">
          <Button variant="default" size="compact-md" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('werkplek.history.previous')}
          </Button>
          <Text size="sm" aria-current="page">
            {t('werkplek.history.page', { page, pages })}
          </Text>
          <Button variant="default" size="compact-md" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('werkplek.history.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function HistoryRow({ patientId, entry, search }: { patientId: string; entry: HistoryEntry; search: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const title = localText(entry.title, language);
  return (
    <Table.Tr>
      <Table.Td>
        <ActionIcon
          component={Link}
          to={historyEntryPath(patientId, entry.id, search)}
          variant="light"
          size="lg"
          aria-label={t('werkplek.history.open', { task: title, date: formatDate(entry.publishedAt) })}
          title={t('werkplek.history.openShort')}
        >
          <EyeIcon size={20} />
        </ActionIcon>
      </Table.Td>
      <Table.Td className={classes.nowrap}>{formatDateTime(entry.publishedAt)}</Table.Td>
      <Table.Td>
        <Text span fw={600} size="sm">
          {title}
        </Text>
        {entry.version > 1 && (
          <Text span size="xs" c="dimmed" ml="xs">
            {t('werkplek.history.versionHint', { version: entry.version })}
          </Text>
        )}
        {entry.kind === 'legacy-journal' && (
          <Badge ml="xs" variant="light" color="gray" tt="none" size="sm">
            {t('werkplek.history.migrated')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{entry.author.name}</Table.Td>
      <Table.Td>{localText(entry.author.roleName, language) || '—'}</Table.Td>
      <Table.Td>{entry.organisationName ?? '—'}</Table.Td>
    </Table.Tr>
  );
}
