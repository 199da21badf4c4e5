import { LineChart } from '@mantine/charts';
import { ActionIcon, Alert, Anchor, Box, Checkbox, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isProblemError } from '../../../../api/client';
import { currentLanguage } from '../../../../i18n';
import { formatDate } from '../../../../ui/format';
import { EyeIcon } from '../../../../ui/icons';
import { ProblemAlert } from '../../../../ui/problem-alert';
import classes from '../../patients.module.css';
import {
  type DayCurve,
  dayCurvesQuery,
  formatDecimal,
  formatNumber,
  type LocalText,
  localText,
  toNumber,
} from '../clinical-record-api';
import { historyEntryPath, historyPath } from '../history/history-tab';
import { chartColors } from '../monitoring/monitoring-tab';

/** The dagcurve task (docs/clinical-record.md §1: form key `dagcurve`, effect `day-curve`). */
export const dayCurveFormKey = 'dagcurve';

/** The moments of all curves, in the order they first appear (Nuchter, Na ontbijt, …). */
function momentsOf(curves: DayCurve[]): { moment: string; label: LocalText }[] {
  const seen = new Map<string, LocalText>();
  for (const curve of curves) for (const point of curve.points) if (!seen.has(point.moment)) seen.set(point.moment, point.label);
  return [...seen].map(([moment, label]) => ({ moment, label }));
}

/**
 * Dagcurves (seed 001 §5.5): the glucose day curves entered, newest first, as a table (a column per moment) and
 * a chart of the chosen curves. Only for patients with DM2 recorded; a curve is changed through the Historie.
 */
export function DayCurvesTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useQuery(dayCurvesQuery(patientId));

  const hint = (
    <Alert color="keten" variant="light">
      <Text size="sm">
        {t('werkplek.dayCurves.editHint')}{' '}
        <Anchor component={Link} to={historyPath(patientId, dayCurveFormKey)} fw={600}>
          {t('werkplek.dayCurves.toHistory')}
        </Anchor>
      </Text>
    </Alert>
  );

  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) {
    if (isProblemError(query.error) && query.error.status === 404) {
      return (
        <Alert color="gray" variant="light" title={t('werkplek.dayCurves.unavailableTitle')}>
          {t('werkplek.dayCurves.unavailable')}
        </Alert>
      );
    }
    return <ProblemAlert error={query.error} />;
  }
  const curves = [...query.data.curves].sort((a, b) => b.date.localeCompare(a.date));
  if (curves.length === 0) {
    return (
      <Stack gap="md">
        <Text>{t('werkplek.dayCurves.empty')}</Text>
        {hint}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t('werkplek.dayCurves.intro')}
      </Text>
      {hint}
      <DayCurves patientId={patientId} curves={curves} />
    </Stack>
  );
}

function DayCurves({ patientId, curves }: { patientId: string; curves: DayCurve[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const captionId = useId();
  const tableId = useId();
  const moments = momentsOf(curves);
  // The newest curve is in the chart to begin with; more can be added to compare.
  const [chosen, setChosen] = useState<string[]>(() => (curves[0] ? [curves[0].entryId] : []));
  const shown = curves.filter((curve) => chosen.includes(curve.entryId));
  const keyOf = (curve: DayCurve) => `c${curve.entryId}`;
  const data = moments.map(({ moment, label }) => {
    const row: Record<string, string | number | null> = { moment: localText(label, language) };
    for (const curve of shown) row[keyOf(curve)] = toNumber(curve.points.find((point) => point.moment === moment)?.value);
    return row;
  });

  return (
    <Stack gap="md">
      {shown.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('werkplek.dayCurves.noneChosen')}
        </Alert>
      ) : (
        <Paper withBorder radius="md" p="md" component="figure" m={0} aria-labelledby={captionId} aria-describedby={tableId}>
          <Stack gap="xs">
            <Text component="figcaption" id={captionId} fw={600}>
              {t('werkplek.dayCurves.chartCaption', { dates: shown.map((curve) => formatDate(curve.date)).join(', ') })}
            </Text>
            <div aria-hidden="true">
              <LineChart
                h={280}
                data={data}
                dataKey="moment"
                series={shown.map((curve) => ({
                  name: keyOf(curve),
                  label: formatDate(curve.date),
                  color: (chartColors[curves.indexOf(curve) % chartColors.length] ?? chartColors[0]).name,
                }))}
                curveType="linear"
                connectNulls
                withLegend
                accessibilityLayer={false}
                unit=" mmol/l"
                valueFormatter={(value) => formatNumber(value, language)}
                yAxisProps={{ width: 90, domain: [0, 'auto'] }}
              />
            </div>
          </Stack>
        </Paper>
      )}

      <Paper withBorder radius="md">
        <Box role="region" aria-labelledby={tableId} tabIndex={0} className={classes.scroller}>
          <Table striped highlightOnHover verticalSpacing="xs" className={classes.table}>
            <Table.Caption id={tableId} className={classes.caption}>
              {t('werkplek.dayCurves.caption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={48}>
                  <VisuallyHidden>{t('werkplek.dayCurves.columns.open')}</VisuallyHidden>
                </Table.Th>
                <Table.Th scope="col" w={64}>
                  {t('werkplek.dayCurves.columns.show')}
                </Table.Th>
                <Table.Th scope="col">{t('werkplek.dayCurves.columns.date')}</Table.Th>
                {moments.map(({ moment, label }) => (
                  <Table.Th key={moment} scope="col" ta="right">
                    {localText(label, language)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {curves.map((curve) => {
                const date = formatDate(curve.date);
                return (
                  <Table.Tr key={curve.entryId}>
                    <Table.Td>
                      <ActionIcon
                        component={Link}
                        to={historyEntryPath(patientId, curve.entryId)}
                        variant="subtle"
                        aria-label={t('werkplek.dayCurves.open', { date })}
                        title={t('werkplek.history.openShort')}
                      >
                        <EyeIcon size={18} />
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('werkplek.dayCurves.show', { date })}
                        checked={chosen.includes(curve.entryId)}
                        onChange={(event) => {
                          const on = event.currentTarget.checked;
                          setChosen((current) =>
                            on ? [...current, curve.entryId] : current.filter((each) => each !== curve.entryId),
                          );
                        }}
                      />
                    </Table.Td>
                    <Table.Th scope="row" className={classes.nowrap}>
                      {date}
                    </Table.Th>
                    {moments.map(({ moment }) => {
                      const point = curve.points.find((each) => each.moment === moment);
                      return (
                        <Table.Td key={moment} ta="right" className={classes.nowrap}>
                          {point && point.value !== null && point.value !== '' ? formatDecimal(point.value, language) : '—'}
                          {point?.time && (
                            <Text span size="xs" c="dimmed" display="block">
                              {point.time}
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Box>
      </Paper>
    </Stack>
  );
}
