import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem } from '../../../../test/mock-api';
import { renderRoute } from '../../../../test/render';
import { sessionFixture } from '../../../session-fixture';
import { annaCard } from '../../patient-fixtures';
import type { DayCurve } from '../clinical-record-api';

const slow = { timeout: 10_000 };

const session = { 'GET /api/werkplek/auth/session': json(sessionFixture()) };
const base = { ...session, 'GET /api/werkplek/patients/1': json({ status: 'open', card: annaCard }) };

const moment = (code: string, nl: string, value: string, time: string | null = null) => ({
  moment: code,
  label: { nl, en: nl },
  time,
  value,
});

const curves: DayCurve[] = [
  {
    entryId: '50',
    date: '2026-01-10',
    points: [moment('nuchter', 'Nuchter', '8.1', '07:30'), moment('na-ontbijt', 'Na ontbijt', '11.4')],
  },
  {
    entryId: '51',
    date: '2026-03-02',
    points: [
      moment('nuchter', 'Nuchter', '7.2', '07:15'),
      moment('na-ontbijt', 'Na ontbijt', '9.8'),
      moment('voor-slapen', 'Voor het slapen', '8'),
    ],
  },
];

describe('Dagcurves', { timeout: 20_000 }, () => {
  it('shows the curves newest first, a column per moment, and how to change one', async () => {
    mockApi({ ...base, 'GET /api/werkplek/patients/1/day-curves': json({ curves }) });
    renderRoute('/werkplek/patienten/1/dagcurves');

    const table = await screen.findByRole('table', { name: 'Dagcurves, waarden in mmol/l' }, slow);
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Openen', 'Tonen', 'Datum', 'Nuchter', 'Na ontbijt', 'Voor het slapen']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['02-03-2026', '10-01-2026']);
    expect(within(rows[0] as HTMLElement).getByText('7,2')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('07:15')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getAllByText('—')).toHaveLength(1);

    // The newest curve is in the chart; another one can be added.
    expect(screen.getByRole('figure', { name: /Glucose in mmol\/l per moment van de dag: 02-03-2026\./ })).toBeTruthy();
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Dagcurve van 10-01-2026 in de grafiek' }));
    expect(screen.getByRole('figure', { name: /02-03-2026, 10-01-2026/ })).toBeTruthy();

    expect(screen.getByText(/Een dagcurve wijzig je via de Historie/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Dagcurves in de Historie' }).getAttribute('href')).toBe(
      '/werkplek/patienten/1/historie?taak=dagcurve',
    );
    expect(within(table).getByRole('link', { name: 'Bekijk dagcurve van 02-03-2026' }).getAttribute('href')).toBe(
      '/werkplek/patienten/1/historie/51',
    );
  });

  it('has no Dagcurves tab when DM2 is not recorded', async () => {
    mockApi({
      ...session,
      'GET /api/werkplek/patients/1': json({ status: 'open', card: { ...annaCard, dayCurvesAvailable: false } }),
      'GET /api/werkplek/patients/1/day-curves': problem(404, { title: 'Niet gevonden' }),
    });
    renderRoute('/werkplek/patienten/1/dagcurves');
    expect(await screen.findByText('Dagcurves zijn er alleen als bij de patiënt DM2 is vastgelegd.', {}, slow)).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Historie' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Dagcurves' })).toBeNull();
  });
});
