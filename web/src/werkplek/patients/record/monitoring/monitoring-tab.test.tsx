import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, type MockRequest, mockApi } from '../../../../test/mock-api';
import { renderRoute } from '../../../../test/render';
import { sessionFixture } from '../../../session-fixture';
import { annaCard } from '../../patient-fixtures';
import type { MeasureSeries, MonitoringMeasure } from '../clinical-record-api';

const slow = { timeout: 10_000 };

const base = {
  'GET /api/werkplek/auth/session': json(sessionFixture()),
  'GET /api/werkplek/patients/1': json({ status: 'open', card: annaCard }),
};

const measures: MonitoringMeasure[] = [
  {
    code: 'weight',
    name: { nl: 'Gewicht', en: 'Weight' },
    unit: 'kg',
    normalLow: null,
    normalHigh: null,
    rangeNote: null,
    count: 1,
    latest: { value: '81.4', measuredAt: '2026-02-01T09:00:00Z' },
  },
  {
    code: 'hba1c',
    name: { nl: 'HbA1c', en: 'HbA1c' },
    unit: 'mmol/mol',
    normalLow: 20,
    normalHigh: 42,
    rangeNote: { nl: 'Streefwaarde bij DM2: ≤ 53 mmol/mol', en: 'Target in type 2 diabetes: ≤ 53 mmol/mol' },
    count: 2,
    latest: { value: '54', measuredAt: '2026-03-14T09:12:00Z' },
  },
  {
    code: 'glucose-fasting',
    name: { nl: 'Glucose nuchter', en: 'Fasting glucose' },
    unit: 'mmol/l',
    normalLow: 4,
    normalHigh: 6,
    rangeNote: null,
    count: 1,
    latest: { value: '7.25', measuredAt: '2026-03-01T07:30:00Z' },
  },
];

const series: MeasureSeries[] = [
  {
    code: 'hba1c',
    points: [
      { measuredAt: '2025-09-10T08:00:00Z', value: '41', source: 'lab', entryId: null },
      { measuredAt: '2026-03-14T09:12:00Z', value: '54', source: 'registration', entryId: '42' },
    ],
  },
  {
    code: 'glucose-fasting',
    points: [{ measuredAt: '2026-03-01T07:30:00Z', value: '7.25', source: 'hospital-lab', entryId: null }],
  },
  { code: 'weight', points: [{ measuredAt: '2026-02-01T09:00:00Z', value: '81.4', source: 'registration', entryId: '40' }] },
];

function seriesAnswer({ query }: MockRequest) {
  const codes = (query.get('codes') ?? '').split(',');
  return json({ series: series.filter((each) => codes.includes(each.code)) });
}

describe('Monitoring', { timeout: 20_000 }, () => {
  it('lists the measures, shows HbA1c first, and more measures on request, with Dutch decimals', async () => {
    const api = mockApi({
      ...base,
      'GET /api/werkplek/patients/1/monitoring': json({ measures }),
      'GET /api/werkplek/patients/1/monitoring/series': seriesAnswer,
    });
    const { router } = renderRoute('/werkplek/patienten/1/monitoring');

    const picker = await screen.findByRole('table', { name: 'Meetwaarden van de patiënt' }, slow);
    expect(within(picker).getByText('7,25 mmol/l')).toBeTruthy();
    expect(within(picker).getByText('81,4 kg')).toBeTruthy();
    const hba1c = within(picker).getByRole('checkbox', { name: 'HbA1c tonen' }) as HTMLInputElement;
    expect(hba1c.checked).toBe(true);
    expect(api.calls('GET /api/werkplek/patients/1/monitoring/series')[0]?.query.get('codes')).toBe('hba1c');

    const values = await screen.findByRole('table', { name: 'Waarden van HbA1c, nieuwste eerst' });
    const rows = within(values).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['14-03-2026 10:12', '10-09-2025 10:00']);
    expect(within(rows[0] as HTMLElement).getByText('Buiten normaalwaarden')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByText('Buiten normaalwaarden')).toBeNull();
    expect(within(rows[1] as HTMLElement).getByText('Laboratorium')).toBeTruthy();
    // The chart says what it shows; its values are the table.
    const figure = screen.getByRole('figure', { name: /HbA1c in mmol\/mol, van 10-09-2025 tot en met 14-03-2026/ });
    expect(document.getElementById(figure.getAttribute('aria-describedby') ?? '')?.closest('table')).toBe(values);
    expect(screen.getByText(/Normaalwaarden HbA1c: 20–42 mmol\/mol · Streefwaarde bij DM2/)).toBeTruthy();

    fireEvent.click(within(picker).getByRole('checkbox', { name: 'Glucose nuchter tonen' }));
    await waitFor(() =>
      expect(api.calls('GET /api/werkplek/patients/1/monitoring/series').at(-1)?.query.get('codes')).toBe(
        'glucose-fasting,hba1c',
      ),
    );
    const both = await screen.findByRole('table', { name: 'Waarden van HbA1c, Glucose nuchter, nieuwste eerst' });
    expect(within(both).getByText('7,25')).toBeTruthy();
    expect(within(both).getByText('Ziekenhuislaboratorium')).toBeTruthy();
    // Another unit, another chart.
    expect(screen.getAllByRole('figure')).toHaveLength(2);
    expect(router.state.location.search).toBe('?metingen=hba1c%2Cglucose-fasting');
  });

  it('takes the first measure when there is no HbA1c, and says when nothing was measured', async () => {
    mockApi({
      ...base,
      'GET /api/werkplek/patients/1/monitoring': json({ measures: measures.filter((each) => each.code !== 'hba1c') }),
      'GET /api/werkplek/patients/1/monitoring/series': seriesAnswer,
    });
    renderRoute('/werkplek/patienten/1/monitoring');
    expect(await screen.findByRole('table', { name: 'Waarden van Gewicht, nieuwste eerst' }, slow)).toBeTruthy();
  });

  it('says when nothing was measured', async () => {
    mockApi({ ...base, 'GET /api/werkplek/patients/1/monitoring': json({ measures: [] }) });
    renderRoute('/werkplek/patienten/1/monitoring');
    expect(await screen.findByText('Er zijn nog geen metingen vastgelegd.', {}, slow)).toBeTruthy();
  });
});
