import { LineChart } from '@mantine/charts';
import { Alert, Badge, Box, Checkbox, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentLanguage } from '../../../../i18n';
import { formatDate, formatDateTime } from '../../../../ui/format';
import { ProblemAlert } from '../../../../ui/problem-alert';
import classes from '../../patients.module.css';
import {
  formatDecimal,
  formatNumber,
  localText,
  type MeasurePoint,
  type MonitoringMeasure,
  monitoringQuery,
  seriesQuery,
  toNumber,
} from '../clinical-record-api';

/** The measures on screen, as the address holds them: `?metingen=hba1c,bp-systolic`. */
const chosenKey = 'metingen';
const defaultCode = 'hba1c';

/** Line colours: the theme's colour as Mantine names it and as CSS, for the custom dots. */
export const chartColors = [
  { name: 'keten.7', css: 'var(--mantine-color-keten-7)' },
  { name: 'orange.8', css: 'var(--mantine-color-orange-8)' },
  { name: 'grape.7', css: 'var(--mantine-color-grape-7)' },
  { name: 'teal.8', css: 'var(--mantine-color-teal-8)' },
  { name: 'indigo.7', css: 'var(--mantine-color-indigo-7)' },
  { name: 'pink.7', css: 'var(--mantine-color-pink-7)' },
] as const;

const outsideColor = 'var(--mantine-color-red-8)';

function isOutside(measure: MonitoringMeasure, value: number | null): boolean {
  if (value === null) return false;
  const low = toNumber(measure.normalLow);
  const high = toNumber(measure.normalHigh);
  return (low !== null && value < low) || (high !== null && value > high);
}

/**
 * Monitoring (seed 001 §5.3): every measured value over time, as chart and as table. Pick one or more measures
 * (HbA1c first when there is one); one chart per unit, the normal range as reference lines, values outside it
 * marked, and the values in a table below (the chart's text alternative).
 */
export function MonitoringTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [searchParams, setSearchParams] = useSearchParams();
  const measuresQuery = useQuery(monitoringQuery(patientId));
  const measures = measuresQuery.data?.measures ?? [];

  const asked = searchParams.get(chosenKey);
  const chosen =
    asked !== null
      ? asked.split(',').filter((code) => measures.some((measure) => measure.code === code))
      : measures.length === 0
        ? []
        : [measures.find((measure) => measure.code === defaultCode)?.code ?? measures[0]?.code ?? ''];
  const seriesAnswer = useQuery(seriesQuery(patientId, chosen));

  function toggle(code: string, on: boolean) {
    const next = on ? [...chosen, code] : chosen.filter((each) => each !== code);
    // Keep the list's order, so the charts do not jump around.
    const ordered = measures.map((measure) => measure.code).filter((each) => next.includes(each));
    const params = new URLSearchParams(searchParams);
    params.set(chosenKey, ordered.join(','));
    setSearchParams(params, { replace: true });
  }

  if (measuresQuery.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (measuresQuery.isError) return <ProblemAlert error={measuresQuery.error} />;
  if (measures.length === 0) {
    return (
      <Alert color="gray" variant="light">
        {t('werkplek.monitoring.empty')}
      </Alert>
    );
  }

  const chosenMeasures = measures.filter((measure) => chosen.includes(measure.code));
  const pointsOf = (code: string) =>
    [...(seriesAnswer.data?.series.find((series) => series.code === code)?.points ?? [])].sort(
      (a, b) => Date.parse(a.measuredAt) - Date.parse(b.measuredAt),
    );
  // One chart per unit: mmHg with mmHg, never mmol/mol against mmHg on one axis.
  const groups = new Map<string, MonitoringMeasure[]>();
  for (const measure of chosenMeasures) groups.set(measure.unit, [...(groups.get(measure.unit) ?? []), measure]);

  return (
    <Stack gap="lg">
      <Text c="dimmed" size="sm">
        {t('werkplek.monitoring.intro')}
      </Text>
      <MeasurePicker measures={measures} chosen={chosen} onToggle={toggle} />

      {chosenMeasures.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('werkplek.monitoring.noneChosen')}
        </Alert>
      ) : seriesAnswer.isPending ? (
        <Loader aria-label={t('werkplek.shell.loading')} />
      ) : seriesAnswer.isError ? (
        <ProblemAlert error={seriesAnswer.error} />
      ) : (
        <MeasureResults
          groups={[...groups.values()]}
          colorOf={(code) => chartColors[chosen.indexOf(code) % chartColors.length] ?? chartColors[0]}
          pointsOf={pointsOf}
          language={language}
          busy={seriesAnswer.isFetching}
        />
      )}
    </Stack>
  );
}

function MeasurePicker({
  measures,
  chosen,
  onToggle,
}: {
  measures: MonitoringMeasure[];
  chosen: string[];
  onToggle: (code: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const captionId = useId();
  return (
    <Paper withBorder radius="md">
      <Box role="region" aria-labelledby={captionId} tabIndex={0} className={classes.scroller} mah={360}>
        <Table highlightOnHover verticalSpacing={6} className={classes.table} stickyHeader>
          <Table.Caption id={captionId} className={classes.caption}>
            {t('werkplek.monitoring.measuresCaption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={64}>
                {t('werkplek.monitoring.columns.pick')}
              </Table.Th>
              <Table.Th scope="col">{t('werkplek.monitoring.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('werkplek.monitoring.columns.latest')}</Table.Th>
              <Table.Th scope="col">{t('werkplek.monitoring.columns.date')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('werkplek.monitoring.columns.count')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {measures.map((measure) => {
              const name = localText(measure.name, language);
              const latest = measure.latest ? toNumber(measure.latest.value) : null;
              return (
                <Table.Tr key={measure.code}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('werkplek.monitoring.pick', { name })}
                      checked={chosen.includes(measure.code)}
                      onChange={(event) => onToggle(measure.code, event.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td fw={600}>{name}</Table.Td>
                  <Table.Td className={classes.nowrap} c={isOutside(measure, latest) ? 'red.9' : undefined}>
                    {measure.latest ? `${formatDecimal(measure.latest.value, language)} ${measure.unit}` : '—'}
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>{measure.latest ? formatDate(measure.latest.measuredAt) : '—'}</Table.Td>
                  <Table.Td ta="right">{measure.count}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Box>
    </Paper>
  );
}

type ChartColor = (typeof chartColors)[number];

function MeasureResults({
  groups,
  colorOf,
  pointsOf,
  language,
  busy,
}: {
  groups: MonitoringMeasure[][];
  colorOf: (code: string) => ChartColor;
  pointsOf: (code: string) => MeasurePoint[];
  language: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const tableId = useId();
  const measures = groups.flat();
  const names = measures.map((measure) => localText(measure.name, language)).join(', ');
  const rows = measures
    .flatMap((measure) => pointsOf(measure.code).map((point) => ({ measure, point })))
    .sort((a, b) => Date.parse(b.point.measuredAt) - Date.parse(a.point.measuredAt));

  return (
    <Stack gap="lg" aria-busy={busy}>
      {groups.map((group) => (
        <MeasureChart
          key={group.map((measure) => measure.code).join(',')}
          measures={group}
          colorOf={colorOf}
          pointsOf={pointsOf}
          language={language}
          tableId={tableId}
        />
      ))}
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('werkplek.monitoring.valuesTitle')}
        </Title>
        <Paper withBorder radius="md">
          <Box className={classes.scroller} role="region" aria-labelledby={tableId} tabIndex={0} mah={480}>
            <Table striped verticalSpacing={6} className={classes.table} stickyHeader>
              <Table.Caption id={tableId} className={classes.caption}>
                {t('werkplek.monitoring.valuesCaption', { names })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('werkplek.monitoring.values.date')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.monitoring.values.measure')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('werkplek.monitoring.values.value')}
                  </Table.Th>
                  <Table.Th scope="col">{t('werkplek.monitoring.values.unit')}</Table.Th>
                  <Table.Th scope="col">{t('werkplek.monitoring.values.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ measure, point }) => {
                  const outside = isOutside(measure, toNumber(point.value));
                  return (
                    <Table.Tr key={`${measure.code}-${point.measuredAt}-${point.entryId ?? point.source}`}>
                      <Table.Td className={classes.nowrap}>{formatDateTime(point.measuredAt)}</Table.Td>
                      <Table.Td>{localText(measure.name, language)}</Table.Td>
                      <Table.Td
                        ta="right"
                        className={classes.nowrap}
                        fw={outside ? 700 : undefined}
                        c={outside ? 'red.9' : undefined}
                      >
                        {formatDecimal(point.value, language)}
                        {outside && (
                          <Badge ml="xs" size="xs" color="red" variant="light" tt="none">
                            {t('werkplek.monitoring.outside')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td className={classes.nowrap}>{measure.unit}</Table.Td>
                      <Table.Td>
                        {(() => {
                          const key = sourceKey(point.source);
                          return key ? t(key) : point.source;
                        })()}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Box>
        </Paper>
      </Stack>
    </Stack>
  );
}

const sourceKeys = {
  registration: 'werkplek.monitoring.sources.registration',
  lab: 'werkplek.monitoring.sources.lab',
  'hospital-lab': 'werkplek.monitoring.sources.hospitalLab',
  patient: 'werkplek.monitoring.sources.patient',
} as const;

function sourceKey(source: string): (typeof sourceKeys)[keyof typeof sourceKeys] | undefined {
  return Object.hasOwn(sourceKeys, source) ? sourceKeys[source as keyof typeof sourceKeys] : undefined;
}

type Row = { t: number } & Record<string, number | null>;

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: Row;
}

/** One chart for the chosen measures of one unit: time on the x axis, the normal range as reference lines. */
function MeasureChart({
  measures,
  colorOf,
  pointsOf,
  language,
  tableId,
}: {
  measures: MonitoringMeasure[];
  colorOf: (code: string) => ChartColor;
  pointsOf: (code: string) => MeasurePoint[];
  language: string;
  tableId: string;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const unit = measures[0]?.unit ?? '';
  const byTime = new Map<number, Row>();
  for (const measure of measures) {
    for (const point of pointsOf(measure.code)) {
      const time = Date.parse(point.measuredAt);
      const row = byTime.get(time) ?? ({ t: time } as Row);
      row[measure.code] = toNumber(point.value);
      byTime.set(time, row);
    }
  }
  const data = [...byTime.values()].sort((a, b) => a.t - b.t);
  const first = data[0]?.t;
  const last = data.at(-1)?.t;

  const values = data.flatMap((row) => measures.map((measure) => row[measure.code])).filter((v): v is number => v != null);
  const limits = measures
    .flatMap((measure) => [toNumber(measure.normalLow), toNumber(measure.normalHigh)])
    .filter((v): v is number => v !== null);
  const all = [...values, ...limits];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const pad = Math.max((max - min) * 0.1, Math.abs(max) * 0.02, 0.5);
  const domain: [number, number] = all.length > 0 ? [Math.max(0, Math.floor(min - pad)), Math.ceil(max + pad)] : [0, 1];

  // One measure: the limits are labelled on the chart. Several: labels would overlap (90 mmHg is both the systolic
  // lower and the diastolic upper limit); the coloured dashed lines and the ranges in words below the chart say it.
  const single = measures.length === 1;
  const referenceLines = measures.flatMap((measure) => {
    const color = colorOf(measure.code).name;
    const lines = [];
    const low = toNumber(measure.normalLow);
    const high = toNumber(measure.normalHigh);
    if (low !== null)
      lines.push({
        y: low,
        color,
        strokeDasharray: '6 4',
        label: single ? `${t('werkplek.monitoring.low')} ${formatNumber(low, language)}` : undefined,
        labelPosition: 'insideBottomRight' as const,
      });
    if (high !== null)
      lines.push({
        y: high,
        color,
        strokeDasharray: '6 4',
        label: single ? `${t('werkplek.monitoring.high')} ${formatNumber(high, language)}` : undefined,
        labelPosition: 'insideTopRight' as const,
      });
    return lines;
  });

  const names = measures.map((measure) => localText(measure.name, language)).join(', ');

  return (
    <Paper withBorder radius="md" p="md" component="figure" m={0} aria-labelledby={captionId} aria-describedby={tableId}>
      <Stack gap="xs">
        <Text component="figcaption" id={captionId} fw={600}>
          {first !== undefined && last !== undefined
            ? t('werkplek.monitoring.chartCaption', { names, unit, from: formatDate(first), to: formatDate(last) })
            : names}
        </Text>
        <div aria-hidden="true">
          <LineChart
            h={280}
            data={data}
            dataKey="t"
            series={measures.map((measure) => ({
              name: measure.code,
              label: localText(measure.name, language),
              color: colorOf(measure.code).name,
            }))}
            curveType="linear"
            connectNulls
            withLegend={measures.length > 1}
            accessibilityLayer={false}
            referenceLines={referenceLines}
            valueFormatter={(value) => formatNumber(value, language)}
            xAxisProps={{
              type: 'number',
              scale: 'time',
              domain: ['dataMin', 'dataMax'],
              tickFormatter: (value: number) => (Number.isFinite(value) ? formatDate(value) : ''),
              minTickGap: 24,
            }}
            yAxisProps={{ domain, width: 56 }}
            tooltipProps={{
              // Recharts also asks without an active point: no label then, never a crash.
              labelFormatter: (value: unknown) =>
                Number.isFinite(Number(value)) && value !== null && value !== '' ? formatDateTime(Number(value)) : '',
            }}
            lineProps={(series) => {
              const measure = measures.find((each) => each.code === series.name);
              const color = colorOf(series.name).css;
              return {
                dot: (props: DotProps) => {
                  const value = props.payload?.[series.name] ?? null;
                  const key = `${series.name}-${props.index ?? 0}`;
                  if (value === null || props.cx == null || props.cy == null) return <g key={key} />;
                  const outside = measure ? isOutside(measure, value) : false;
                  return (
                    <circle
                      key={key}
                      cx={props.cx}
                      cy={props.cy}
                      r={outside ? 5 : 3.5}
                      fill={outside ? outsideColor : color}
                      stroke={outside ? 'white' : color}
                      strokeWidth={1.5}
                    />
                  );
                },
              };
            }}
          />
        </div>
        {measures.map((measure) => {
          const low = toNumber(measure.normalLow);
          const high = toNumber(measure.normalHigh);
          if (low === null && high === null && !measure.rangeNote) return null;
          const range =
            low !== null && high !== null
              ? `${formatNumber(low, language)}–${formatNumber(high, language)} ${measure.unit}`
              : low !== null
                ? `≥ ${formatNumber(low, language)} ${measure.unit}`
                : high !== null
                  ? `≤ ${formatNumber(high, language)} ${measure.unit}`
                  : '';
          return (
            <Text key={measure.code} size="sm" c="dimmed">
              {range && t('werkplek.monitoring.normalRange', { name: localText(measure.name, language), range })}
              {measure.rangeNote && `${range ? ' · ' : ''}${localText(measure.rangeNote, language)}`}
            </Text>
          );
        })}
        {values.length > 0 &&
          measures.some((measure) => toNumber(measure.normalLow) !== null || toNumber(measure.normalHigh) !== null) && (
            <Text size="sm" c="dimmed">
              {t('werkplek.monitoring.outsideLegend')}
            </Text>
          )}
      </Stack>
    </Paper>
  );
}
