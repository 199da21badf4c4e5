import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, type MockRequest, mockApi } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';

const patient = {
  patientId: '42',
  displayId: 'P0000000042',
  name: 'Fatima el Amrani',
  birthDate: '1968-04-12',
  bsnMasked: '******123',
  practiceName: 'Huisartsenpraktijk Zonnehof',
};

const indicator = {
  code: 'dm2-hba1c-measured',
  title: { nl: 'DM2-patiënten met HbA1c in de afgelopen 12 maanden', en: 'DM2 patients with HbA1c in the last 12 months' },
  description: { nl: 'Noemer: open traject DM2. Teller: HbA1c in 12 maanden.', en: 'Denominator: open DM2.' },
  programme: 'DM2',
  measureCode: 'hba1c',
  windowMonths: 12,
  threshold: null,
};

function fakeReportsServer() {
  return mockApi({
    'GET /api/werkplek/auth/session': json(sessionFixture()),
    'GET /api/werkplek/reports': json({
      organisationName: 'Huisartsenpraktijk Zonnehof',
      referenceDate: '2026-11-29',
      reports: [
        {
          code: 'linked-patients',
          title: { nl: 'Patiënten gekoppeld aan mijn organisatie', en: 'Linked' },
          description: { nl: 'Gekoppeld.', en: 'Linked.' },
        },
        {
          code: 'trajectories',
          title: { nl: 'Patiënten per traject', en: 'Per trajectory' },
          description: { nl: 'Trajecten.', en: '' },
        },
        {
          code: 'indicators',
          title: { nl: 'Kwaliteitsindicatoren', en: 'Indicators' },
          description: { nl: 'Indicatoren.', en: '' },
        },
      ],
      indicators: [indicator],
    }),
    'GET /api/werkplek/reports/linked-patients': ({ query }: MockRequest) =>
      json({
        referenceDate: query.get('referenceDate') ?? '2026-11-29',
        page: Number(query.get('page') ?? 1),
        pageSize: 50,
        total: 120,
        rows: [{ ...patient, links: ['enrolment', 'trajectory'], since: '2019-02-01' }],
      }),
    'GET /api/werkplek/reports/indicators': json({
      referenceDate: '2026-11-29',
      indicators: [{ ...indicator, numerator: 30, denominator: 40, percentage: 75 }],
    }),
    'GET /api/werkplek/reports/indicators/dm2-hba1c-measured/patients': ({ query }: MockRequest) =>
      json({
        referenceDate: '2026-11-29',
        page: 1,
        pageSize: 50,
        total: 1,
        filter: query.get('filter'),
        indicator: { ...indicator, numerator: 30, denominator: 40, percentage: 75 },
        rows: [{ ...patient, met: true, lastValue: 48, lastMeasuredOn: '2026-10-01' }],
      }),
    'GET /api/werkplek/reports/linked-patients/export/xlsx': {
      status: 200,
      body: 'PK',
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': 'attachment; filename="keten-patienten-gekoppeld.xlsx"',
      },
    },
  });
}

afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
  vi.restoreAllMocks();
});

describe('Rapportages', () => {
  it('shows the linked patients as a sortable, paged table with masked BSN and Dutch dates', async () => {
    const api = fakeReportsServer();
    renderRoute('/werkplek/rapportages');

    const table = await screen.findByRole('table', { name: /Patiënten gekoppeld aan uw organisatie op 29-11-2026/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent?.replace(/[▲▼↕]/g, '').trim()),
    ).toEqual(['P-ID', 'Naam', 'Geboortedatum', 'BSN', 'Huisartspraktijk', 'Koppeling', 'Sinds']);
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByRole('link', { name: 'Fatima el Amrani' }).getAttribute('href')).toBe('/werkplek/patienten/42');
    expect(row.textContent).toContain('12-04-1968');
    expect(row.textContent).toContain('******123');
    expect(row.textContent).toContain('Inschrijving, Traject');
    expect(screen.getByText('120 patiënten')).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: /Geboortedatum/ }));
    await waitFor(() =>
      expect(api.calls('GET /api/werkplek/reports/linked-patients').at(-1)?.query.get('sort')).toBe('birthDate'),
    );
    expect(api.calls('GET /api/werkplek/reports/linked-patients').at(-1)?.query.get('direction')).toBe('asc');

    fireEvent.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() => expect(api.calls('GET /api/werkplek/reports/linked-patients').at(-1)?.query.get('page')).toBe('2'));

    fireEvent.change(screen.getByLabelText(/Peildatum/), { target: { value: '1-1-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toepassen' }));
    await waitFor(() =>
      expect(api.calls('GET /api/werkplek/reports/linked-patients').at(-1)?.query.get('referenceDate')).toBe('2026-01-01'),
    );
  }, 20_000);

  it('downloads the report as Excel', async () => {
    const api = fakeReportsServer();
    const createObjectURL = vi.fn(() => 'blob:keten-rapport');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderRoute('/werkplek/rapportages?peildatum=2026-06-30');

    fireEvent.click(await screen.findByRole('button', { name: 'Exporteren naar Excel' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.calls('GET /api/werkplek/reports/linked-patients/export/xlsx')[0]?.url).toBe(
      '/api/werkplek/reports/linked-patients/export/xlsx?referenceDate=2026-06-30&sort=name&direction=asc',
    );
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('keten-patienten-gekoppeld.xlsx');
  });

  it('shows indicator cards with the percentage and opens the patients behind one', async () => {
    const api = fakeReportsServer();
    renderRoute('/werkplek/rapportages?rapport=indicators');

    const card = await screen.findByRole('article', { name: indicator.title.nl });
    expect(card.textContent).toContain('75%');
    expect(card.textContent).toContain('30 van 40 patiënten');
    expect(card.textContent).toContain('Noemer: open traject DM2.');

    fireEvent.click(within(card).getByRole('button', { name: 'Patiënten die voldoen' }));
    const table = await screen.findByRole('table', { name: /DM2-patiënten met HbA1c/ });
    expect(api.calls('GET /api/werkplek/reports/indicators/dm2-hba1c-measured/patients')[0]?.query.get('filter')).toBe('met');
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('48');
    expect(row.textContent).toContain('01-10-2026');
    expect(row.textContent).toContain('Ja');
  });
});

describe('Rapportages of the region (platformbeheerder)', () => {
  const count = (nl: string, en: string, key: string) => ({ key, header: { nl, en }, type: 'number' });
  function fakeRegionServer() {
    return mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/reports': json({
        organisationName: 'Zorggroep Dommelstreek',
        referenceDate: '2026-11-29',
        scope: 'region',
        organisations: [
          { id: '2', name: 'Huisartsenpraktijk Zonnehof', type: 'gp-practice' },
          { id: '6', name: 'Diëtistenpraktijk Vitaal', type: 'dietitian' },
        ],
        reports: [
          {
            code: 'linked-patients',
            title: { nl: 'Patiënten per organisatie', en: 'Patients per organisation' },
            description: { nl: 'Alleen aantallen.', en: 'Counts only.' },
            columns: [
              { key: 'organisation', header: { nl: 'Organisatie', en: 'Organisation' }, type: 'text' },
              count('Patiënten', 'Patients', 'patients'),
              count('Verwezen', 'Referred', 'referral'),
            ],
          },
        ],
        indicators: [indicator],
      }),
      'GET /api/werkplek/reports/region/linked-patients': ({ query }: MockRequest) =>
        json({
          referenceDate: '2026-11-29',
          report: 'linked-patients',
          organisation: query.get('organisation') ? { id: '6', name: 'Diëtistenpraktijk Vitaal' } : null,
          rows: query.get('organisation')
            ? [{ organisation: 'Diëtistenpraktijk Vitaal', patients: 12, referral: '<5' }]
            : [
                { organisation: 'Huisartsenpraktijk Zonnehof', patients: 1204, referral: 0 },
                { organisation: 'Diëtistenpraktijk Vitaal', patients: 12, referral: '<5' },
              ],
        }),
    });
  }

  it('shows counts per organisation with "<5", no patient links, and narrows to the organisation chosen', async () => {
    const api = fakeRegionServer();
    renderRoute('/werkplek/rapportages');

    const table = await screen.findByRole('table', {
      name: /Patiënten per organisatie: Alle organisaties, peildatum 29-11-2026/,
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Organisatie', 'Patiënten', 'Verwezen']);
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe('Huisartsenpraktijk Zonnehof1.2040');
    expect(within(table).getAllByRole('row')[2]?.textContent).toBe('Diëtistenpraktijk Vitaal12<5');
    expect(within(table).queryAllByRole('link')).toEqual([]);
    expect(screen.getByText(/Aantallen van 1 tot en met 4 staan als "<5"/)).toBeTruthy();

    fireEvent.click(screen.getByRole('combobox', { name: /Organisatie/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Diëtistenpraktijk Vitaal', hidden: true }));
    await waitFor(() =>
      expect(api.calls('GET /api/werkplek/reports/region/linked-patients').at(-1)?.query.get('organisation')).toBe('6'),
    );
    expect(await screen.findByRole('table', { name: /Diëtistenpraktijk Vitaal, peildatum/ })).toBeTruthy();
    expect(api.calls('GET /api/werkplek/reports/linked-patients')).toEqual([]);
  });
});
