import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Pagination,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, parseDate } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { werkplekPaths } from '../navigation';
import {
  downloadReport,
  type ExportFormat,
  type IndicatorFilter,
  type IndicatorPatientsPage,
  type IndicatorResult,
  type IndicatorsView,
  type LinkedPage,
  type LocalText,
  type RegionCell,
  type RegionView,
  type ReportCatalogue,
  type ReportCode,
  type ReportPatient,
  type ReportView,
  reportCatalogueQuery,
  reportDataQuery,
  reportViewFrom,
  reportViewParams,
  type TrajectoriesPage,
} from './reports-api';
import classes from './reports-page.module.css';

function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function useLocalText(): (text: LocalText) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.language.startsWith('en') ? text.en : text.nl);
}

/** Rapportages (seed 001 §3.5): standard reports of the organisation, each a table with Excel and CSV export. */
export function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.reports.title'), 'werkplek');
  const local = useLocalText();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = reportViewFrom(searchParams);
  const catalogue = useQuery(reportCatalogueQuery());
  const [dateText, setDateText] = useState(() => (view.referenceDate ? formatDate(view.referenceDate) : ''));
  const [dateError, setDateError] = useState<string | undefined>();
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  function show(next: Partial<ReportView>) {
    setSearchParams(reportViewParams({ ...view, page: 1, ...next }));
  }

  function onDate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = dateText.trim();
    if (!text) {
      setDateError(undefined);
      show({ referenceDate: undefined });
      return;
    }
    const iso = parseDate(text);
    if (!iso) {
      setDateError(t('werkplek.reports.invalidDate'));
      return;
    }
    setDateError(undefined);
    setDateText(formatDate(iso));
    show({ referenceDate: iso });
  }

  async function exportAs(format: ExportFormat) {
    setExporting(format);
    setExportError(null);
    try {
      const file = await downloadReport(view, format, undefined, scope);
      saveFile(file.blob, file.filename ?? `keten-rapport.${format}`);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  }

  const scope = catalogue.data?.scope ?? 'organisation';
  if (catalogue.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (catalogue.isError) return <ProblemAlert error={catalogue.error} />;
  const reports = catalogue.data.reports;
  const current = reports.find((report) => report.code === view.report);
  const region = scope === 'region';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('werkplek.reports.title')}</Title>
        <Text c="dimmed">
          {t(region ? 'werkplek.reports.region.intro' : 'werkplek.reports.intro', {
            organisation: catalogue.data.organisationName,
          })}
        </Text>
      </Stack>

      <Tabs
        value={view.report}
        onChange={(value) => value && show({ report: value as ReportCode, indicator: undefined, sort: 'name', direction: 'asc' })}
        keepMounted={false}
      >
        <Tabs.List>
          {reports.map((report) => (
            <Tabs.Tab key={report.code} value={report.code}>
              {local(report.title)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          {current && <Text>{local(current.description)}</Text>}
          <Group align="flex-end" gap="sm" wrap="wrap">
            {region && <OrganisationSelect catalogue={catalogue.data} view={view} show={show} />}
            <form onSubmit={onDate} noValidate className={classes.dateForm}>
              <Group align="flex-end" gap="sm">
                <TextInput
                  label={t('werkplek.reports.referenceDate')}
                  description={t('werkplek.reports.referenceDateHint', { today: formatDate(catalogue.data.referenceDate) })}
                  placeholder="dd-mm-jjjj"
                  autoComplete="off"
                  value={dateText}
                  error={dateError}
                  onChange={(event) => setDateText(event.currentTarget.value)}
                />
                <Button type="submit" variant="default">
                  {t('werkplek.reports.apply')}
                </Button>
              </Group>
            </form>
            <Group gap="sm" ml={{ base: 0, sm: 'auto' }}>
              <Button onClick={() => void exportAs('xlsx')} loading={exporting === 'xlsx'} disabled={exporting !== null}>
                {t('werkplek.reports.exportExcel')}
              </Button>
              <Button
                variant="light"
                onClick={() => void exportAs('csv')}
                loading={exporting === 'csv'}
                disabled={exporting !== null}
              >
                {t('werkplek.reports.exportCsv')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>

      <ProblemAlert error={exportError} />

      {region && current && <RegionReport view={view} report={current} />}
      {!region && view.report === 'linked-patients' && <LinkedReport view={view} show={show} />}
      {!region && view.report === 'trajectories' && <TrajectoriesReport view={view} show={show} />}
      {!region && view.report === 'indicators' && !view.indicator && <IndicatorCards view={view} show={show} />}
      {!region && view.report === 'indicators' && view.indicator && <IndicatorPatients view={view} show={show} />}
    </Stack>
  );
}

interface ReportProps {
  view: ReportView;
  show: (next: Partial<ReportView>) => void;
}

function SortHeader({ column, view, show, children }: { column: string; children: ReactNode } & ReportProps) {
  const active = view.sort === column;
  const ariaSort = active ? (view.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th scope="col" aria-sort={ariaSort}>
      <UnstyledButton
        className={classes.sort}
        onClick={() => show({ sort: column, direction: active && view.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {children}
        <span aria-hidden="true">{active ? (view.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

function ReportTable({
  caption,
  busy,
  total,
  view,
  show,
  pageSize,
  head,
  children,
  unit = 'patients',
}: {
  caption: string;
  busy: boolean;
  total: number;
  pageSize: number;
  head: ReactNode;
  children: ReactNode;
  /** What the rows are counted as (a patient may have several trajectories). */
  unit?: 'patients' | 'trajectories';
} & ReportProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Stack gap="sm">
      <Text size="sm" aria-live="polite">
        {unit === 'trajectories'
          ? t('werkplek.reports.totalTrajectories', { count: total })
          : t('werkplek.reports.total', { count: total })}
      </Text>
      {total === 0 ? (
        <Text>{t('werkplek.reports.empty')}</Text>
      ) : (
        <Paper withBorder radius="md">
          <Box role="region" aria-labelledby={captionId} tabIndex={0} className={classes.scroller}>
            <Table striped highlightOnHover verticalSpacing="xs" fz="sm" className={classes.table} aria-busy={busy}>
              <Table.Caption id={captionId}>{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>{head}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>{children}</Table.Tbody>
            </Table>
          </Box>
        </Paper>
      )}
      {pages > 1 && (
        <Group justify="flex-end">
          <Pagination
            total={pages}
            value={view.page}
            onChange={(page) => show({ page })}
            aria-label={t('werkplek.reports.pagination')}
            getControlProps={(control) =>
              control === 'previous'
                ? { 'aria-label': t('werkplek.reports.previous') }
                : control === 'next'
                  ? { 'aria-label': t('werkplek.reports.next') }
                  : {}
            }
          />
        </Group>
      )}
    </Stack>
  );
}

function PatientHead(props: ReportProps) {
  const { t } = useTranslation();
  return (
    <>
      <SortHeader column="patientId" {...props}>
        {t('werkplek.reports.columns.patientId')}
      </SortHeader>
      <SortHeader column="name" {...props}>
        {t('werkplek.reports.columns.name')}
      </SortHeader>
      <SortHeader column="birthDate" {...props}>
        {t('werkplek.reports.columns.birthDate')}
      </SortHeader>
      <Table.Th scope="col">{t('werkplek.reports.columns.bsn')}</Table.Th>
      <SortHeader column="practice" {...props}>
        {t('werkplek.reports.columns.practice')}
      </SortHeader>
    </>
  );
}

function PatientCells({ row }: { row: ReportPatient }) {
  return (
    <>
      <Table.Td>{row.displayId}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`${werkplekPaths.patientSearch}/${row.patientId}`}>
          {row.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{formatDate(row.birthDate)}</Table.Td>
      <Table.Td>{row.bsnMasked ?? ''}</Table.Td>
      <Table.Td className={classes.wrap}>{row.practiceName ?? ''}</Table.Td>
    </>
  );
}

function LinkedReport(props: ReportProps) {
  const { t } = useTranslation();
  const query = useQuery(reportDataQuery<LinkedPage>(props.view));
  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const data = query.data;
  return (
    <ReportTable
      {...props}
      caption={t('werkplek.reports.linkedCaption', { date: formatDate(data.referenceDate) })}
      busy={query.isFetching}
      total={data.total}
      pageSize={data.pageSize}
      head={
        <>
          <PatientHead {...props} />
          <Table.Th scope="col">{t('werkplek.reports.columns.links')}</Table.Th>
          <SortHeader column="since" {...props}>
            {t('werkplek.reports.columns.since')}
          </SortHeader>
        </>
      }
    >
      {data.rows.map((row) => (
        <Table.Tr key={row.patientId}>
          <PatientCells row={row} />
          <Table.Td className={classes.wrap}>{row.links.map((link) => t(`werkplek.reports.links.${link}`)).join(', ')}</Table.Td>
          <Table.Td>{row.since ? formatDate(row.since) : ''}</Table.Td>
        </Table.Tr>
      ))}
    </ReportTable>
  );
}

function TrajectoriesReport(props: ReportProps) {
  const { t } = useTranslation();
  const { view, show } = props;
  const query = useQuery(reportDataQuery<TrajectoriesPage>(view));
  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const data = query.data;
  const all = data.counts.reduce((sum, count) => sum + count.patients, 0);
  return (
    <Stack gap="md">
      <Group gap="xs" role="group" aria-label={t('werkplek.reports.programmeFilter')}>
        <Button
          size="compact-md"
          variant={view.programme ? 'default' : 'filled'}
          aria-pressed={!view.programme}
          onClick={() => show({ programme: undefined })}
        >
          {t('werkplek.reports.allProgrammes')} ({all})
        </Button>
        {data.counts.map((count) => (
          <Button
            key={count.programme}
            size="compact-md"
            variant={view.programme === count.programme ? 'filled' : 'default'}
            aria-pressed={view.programme === count.programme}
            onClick={() => show({ programme: count.programme })}
          >
            {count.programme} ({count.patients})
          </Button>
        ))}
      </Group>
      <ReportTable
        {...props}
        caption={t('werkplek.reports.trajectoriesCaption', { date: formatDate(data.referenceDate) })}
        unit="trajectories"
        busy={query.isFetching}
        total={data.total}
        pageSize={data.pageSize}
        head={
          <>
            <SortHeader column="programme" {...props}>
              {t('werkplek.reports.columns.programme')}
            </SortHeader>
            <PatientHead {...props} />
            <SortHeader column="startedOn" {...props}>
              {t('werkplek.reports.columns.startedOn')}
            </SortHeader>
          </>
        }
      >
        {data.rows.map((row) => (
          <Table.Tr key={`${row.patientId}-${row.programme}`}>
            <Table.Td>
              <Badge variant="light">{row.programme}</Badge>
            </Table.Td>
            <PatientCells row={row} />
            <Table.Td>{formatDate(row.startedOn)}</Table.Td>
          </Table.Tr>
        ))}
      </ReportTable>
    </Stack>
  );
}

function percentageText(indicator: IndicatorResult): string {
  return indicator.percentage === null ? '–' : `${indicator.percentage.toLocaleString('nl-NL')}%`;
}

function IndicatorCards({ view, show }: ReportProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const query = useQuery(reportDataQuery<IndicatorsView>(view));
  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {query.data.indicators.map((indicator) => (
        <Paper
          key={indicator.code}
          withBorder
          radius="md"
          p="md"
          component="article"
          aria-labelledby={`indicator-${indicator.code}`}
        >
          <Stack gap="xs" h="100%">
            <Title order={2} size="h4" id={`indicator-${indicator.code}`}>
              {local(indicator.title)}
            </Title>
            <Group align="baseline" gap="sm">
              <Text fz={32} fw={700} lh={1}>
                {percentageText(indicator)}
              </Text>
              <Text c="dimmed">
                {t('werkplek.reports.fraction', { numerator: indicator.numerator, denominator: indicator.denominator })}
              </Text>
            </Group>
            <Progress value={indicator.percentage ?? 0} aria-hidden="true" />
            <Text size="sm" c="dimmed" className={classes.grow}>
              {local(indicator.description)}
            </Text>
            <Group gap="sm">
              <Anchor component="button" type="button" onClick={() => show({ indicator: indicator.code, filter: 'met' })}>
                {t('werkplek.reports.showMet')}
              </Anchor>
              <Anchor component="button" type="button" onClick={() => show({ indicator: indicator.code, filter: 'not-met' })}>
                {t('werkplek.reports.showNotMet')}
              </Anchor>
            </Group>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function IndicatorPatients(props: ReportProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { view, show } = props;
  const query = useQuery(reportDataQuery<IndicatorPatientsPage>(view));
  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const data = query.data;
  const indicator = data.indicator;
  return (
    <Stack gap="md">
      <Anchor
        component="button"
        type="button"
        onClick={() => show({ indicator: undefined, filter: 'all' })}
        className={classes.back}
      >
        ← {t('werkplek.reports.backToIndicators')}
      </Anchor>
      <Stack gap={4}>
        <Title order={2} size="h3">
          {local(indicator.title)}
        </Title>
        <Text>
          <Text span fw={700}>
            {percentageText(indicator)}
          </Text>{' '}
          {t('werkplek.reports.fraction', { numerator: indicator.numerator, denominator: indicator.denominator })}
        </Text>
        <Text size="sm" c="dimmed">
          {local(indicator.description)}
        </Text>
      </Stack>
      <SegmentedControl
        value={view.filter}
        onChange={(value) => show({ filter: value as IndicatorFilter })}
        aria-label={t('werkplek.reports.selection')}
        data={[
          { value: 'met', label: t('werkplek.reports.filter.met') },
          { value: 'not-met', label: t('werkplek.reports.filter.notMet') },
          { value: 'all', label: t('werkplek.reports.filter.all') },
        ]}
        className={classes.segments}
      />
      <ReportTable
        {...props}
        caption={t('werkplek.reports.indicatorCaption', { title: local(indicator.title), date: formatDate(data.referenceDate) })}
        busy={query.isFetching}
        total={data.total}
        pageSize={data.pageSize}
        head={
          <>
            <PatientHead {...props} />
            <SortHeader column="lastValue" {...props}>
              {t('werkplek.reports.columns.lastValue')}
            </SortHeader>
            <SortHeader column="lastMeasuredOn" {...props}>
              {t('werkplek.reports.columns.lastMeasuredOn')}
            </SortHeader>
            <Table.Th scope="col">{t('werkplek.reports.columns.met')}</Table.Th>
          </>
        }
      >
        {data.rows.map((row) => (
          <Table.Tr key={row.patientId}>
            <PatientCells row={row} />
            <Table.Td>{row.lastValue === null ? '' : row.lastValue.toLocaleString('nl-NL')}</Table.Td>
            <Table.Td>{row.lastMeasuredOn ? formatDate(row.lastMeasuredOn) : ''}</Table.Td>
            <Table.Td>{row.met ? t('werkplek.reports.yes') : t('werkplek.reports.no')}</Table.Td>
          </Table.Tr>
        ))}
      </ReportTable>
    </Stack>
  );
}

// The region (platform administrator): counts per organisation, never patients ------------------------------------

const ALL = 'all';

function OrganisationSelect({ catalogue, view, show }: { catalogue: ReportCatalogue } & ReportProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('werkplek.reports.region.organisation')}
      description={t('werkplek.reports.region.organisationHint')}
      value={view.organisation ?? ALL}
      onChange={(value) => show({ organisation: value && value !== ALL ? value : undefined })}
      data={[
        { value: ALL, label: t('werkplek.reports.region.allOrganisations') },
        ...(catalogue.organisations ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name })),
      ]}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('werkplek.reports.region.noOrganisation')}
      className={classes.organisation}
    />
  );
}

function regionCellText(cell: RegionCell, type: string, local: (text: LocalText) => string): string {
  if (cell === null) return '–';
  if (typeof cell === 'object') return local(cell);
  if (typeof cell === 'number') return type === 'percentage' ? `${cell.toLocaleString('nl-NL')}%` : cell.toLocaleString('nl-NL');
  return cell;
}

function RegionReport({ view, report }: { view: ReportView; report: ReportCatalogue['reports'][number] }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const captionId = useId();
  const query = useQuery(reportDataQuery<RegionView>(view, undefined, 'region'));
  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const data = query.data;
  const columns = report.columns ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('werkplek.reports.region.smallCells')}
      </Text>
      {data.rows.length === 0 ? (
        <Text>{t('werkplek.reports.region.empty')}</Text>
      ) : (
        <Paper withBorder radius="md">
          <Box role="region" aria-labelledby={captionId} tabIndex={0} className={classes.scroller}>
            <Table striped highlightOnHover verticalSpacing="xs" fz="sm" className={classes.table} aria-busy={query.isFetching}>
              <Table.Caption id={captionId}>
                {t('werkplek.reports.region.caption', {
                  title: local(report.title),
                  organisation: data.organisation?.name ?? t('werkplek.reports.region.allOrganisations'),
                  date: formatDate(data.referenceDate),
                })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column.key} scope="col" ta={column.type === 'text' ? undefined : 'right'}>
                      {local(column.header)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row, index) => (
                  // Rows are counts without an identity of their own; their order is the server's.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <Table.Tr key={index}>
                    {columns.map((column) => (
                      <Table.Td
                        key={column.key}
                        ta={column.type === 'text' ? undefined : 'right'}
                        className={column.type === 'text' ? classes.wrap : undefined}
                      >
                        {regionCellText(row[column.key] ?? null, column.type, local)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </Paper>
      )}
    </Stack>
  );
}
