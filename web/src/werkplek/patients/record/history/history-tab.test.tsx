import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, type MockRequest, mockApi, problem } from '../../../../test/mock-api';
import { renderRoute } from '../../../../test/render';
import { sessionFixture } from '../../../session-fixture';
import { annaCard } from '../../patient-fixtures';
import type { HistoryEntry, HistoryEntryDetail, HistoryPage } from '../clinical-record-api';
import { defaultPeriod } from './history-period';

const base = {
  'GET /api/werkplek/auth/session': json(sessionFixture()),
  'GET /api/werkplek/patients/1': json({ status: 'open', card: annaCard }),
};

const consult = { nl: 'Consult POH/huisarts', en: 'Consultation' };
const poh = { nl: 'POH-somatiek', en: 'Practice nurse' };

function entry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: '42',
    kind: 'form',
    formKey: 'consult-poh-dm2',
    title: consult,
    version: 2,
    publishedAt: '2026-03-14T09:12:00Z',
    author: { accountId: '5', name: 'J. Jansen', role: 'poh-somatiek', roleName: poh },
    organisationName: 'Huisartsenpraktijk Zonnehof',
    canEdit: true,
    ...overrides,
  };
}

function page(entries: HistoryEntry[], overrides: Partial<HistoryPage> = {}): HistoryPage {
  return {
    entries,
    total: entries.length,
    page: 1,
    pageSize: 25,
    filters: {
      tasks: [
        { formKey: 'consult-poh-dm2', title: consult },
        { formKey: 'dagcurve', title: { nl: 'Dagcurve', en: 'Day curve' } },
      ],
      authors: [{ accountId: '5', name: 'J. Jansen', role: 'poh-somatiek' }],
      roles: [{ code: 'poh-somatiek', name: poh }],
    },
    ...overrides,
  };
}

const questionnaire: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    { linkId: 'hba1c', text: 'HbA1c', type: 'decimal' },
    { linkId: 'beleid', text: 'Beleid', type: 'text' },
  ],
};

function response(hba1c: number, beleid: string): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    item: [
      { linkId: 'hba1c', answer: [{ valueDecimal: hba1c }] },
      { linkId: 'beleid', answer: [{ valueString: beleid }] },
    ],
  };
}

const versions = [
  { version: 1, publishedAt: '2026-03-10T08:00:00Z', authorName: 'J. Jansen' },
  { version: 2, publishedAt: '2026-03-14T09:12:00Z', authorName: 'J. Jansen' },
];

function detail(version: number, overrides: Partial<HistoryEntryDetail> = {}): HistoryEntryDetail {
  return {
    entry: entry(),
    questionnaire,
    response: version === 1 ? response(58, 'Metformine ophogen') : response(54, 'Zo doorgaan'),
    versions,
    ...overrides,
  };
}

/** The first screen of a test renders the whole app; a busy machine needs more than the default 3 s. */
const slow = { timeout: 10_000 };

afterEach(() => {
  vi.useRealTimers();
});

describe('Historie', { timeout: 20_000 }, () => {
  it('asks for the past year by default and lists the entries with the eye', async () => {
    const api = mockApi({ ...base, 'GET /api/werkplek/patients/1/history': json(page([entry()])) });
    renderRoute('/werkplek/patienten/1/historie');

    const table = await screen.findByRole('table', { name: 'Registraties in de Historie' }, slow);
    const period = defaultPeriod();
    const request = api.calls('GET /api/werkplek/patients/1/history')[0];
    expect(request?.query.get('from')).toBe(period.from);
    expect(request?.query.get('to')).toBe(period.to);
    expect((screen.getByLabelText('Van') as HTMLInputElement).value).toBe(period.from);

    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Openen', 'Datum', 'Taak', 'Auteur', 'Rol', 'Organisatie']);
    expect(within(table).getByText('14-03-2026 10:12')).toBeTruthy();
    expect(within(table).getByText('POH-somatiek')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Bekijk Consult POH/huisarts van 14-03-2026' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('1 registratie van');
  });

  it('sends the filters and keeps them in the address', async () => {
    const api = mockApi({ ...base, 'GET /api/werkplek/patients/1/history': json(page([entry()])) });
    const { router } = renderRoute('/werkplek/patienten/1/historie');
    await screen.findByRole('table', { name: 'Registraties in de Historie' }, slow);

    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '1-1-2020' } });
    fireEvent.change(screen.getByLabelText('Tot en met'), { target: { value: '31-12-2025' } });
    fireEvent.click(screen.getByRole('combobox', { name: 'Taak' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Dagcurve', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Filteren' }));

    await waitFor(() => {
      const last = api.calls('GET /api/werkplek/patients/1/history').at(-1);
      expect(last?.query.get('from')).toBe('01-01-2020');
      expect(last?.query.get('to')).toBe('31-12-2025');
      expect(last?.query.get('formKey')).toBe('dagcurve');
    });
    expect(router.state.location.search).toContain('taak=dagcurve');

    // A wrong date is said at the field and not sent.
    const before = api.calls('GET /api/werkplek/patients/1/history').length;
    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '31-02-2025' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filteren' }));
    expect(await screen.findByText('Vul een datum in als dd-mm-jjjj')).toBeTruthy();
    expect(api.calls('GET /api/werkplek/patients/1/history')).toHaveLength(before);
  });

  it('pages through the entries', async () => {
    const api = mockApi({
      ...base,
      'GET /api/werkplek/patients/1/history': ({ query }: MockRequest) =>
        json(page([entry({ id: query.get('page') === '2' ? '43' : '42' })], { total: 30, page: Number(query.get('page') ?? 1) })),
    });
    renderRoute('/werkplek/patienten/1/historie');
    await screen.findByText('Pagina 1 van 2', {}, slow);
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText('Pagina 2 van 2');
    expect(api.calls('GET /api/werkplek/patients/1/history').at(-1)?.query.get('page')).toBe('2');
  });

  it('opens an entry with the eye: the answers read-only, every version, Bewerken', async () => {
    const api = mockApi({
      ...base,
      'GET /api/werkplek/patients/1/history': json(page([entry()])),
      'GET /api/werkplek/patients/1/history/42': ({ query }: MockRequest) => json(detail(Number(query.get('version') ?? 2))),
    });
    const { router } = renderRoute('/werkplek/patienten/1/historie');
    fireEvent.click(await screen.findByRole('link', { name: 'Bekijk Consult POH/huisarts van 14-03-2026' }, slow));

    expect(await screen.findByRole('heading', { name: 'Consult POH/huisarts' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/patienten/1/historie/42');
    expect((screen.getByLabelText('Beleid') as HTMLTextAreaElement).value).toBe('Zo doorgaan');
    const picker = screen.getByRole('combobox', { name: 'Versie' }) as HTMLInputElement;
    expect(picker.value).toBe('Versie 2 van 2 — 14-03-2026 10:12, J. Jansen');

    fireEvent.click(picker);
    fireEvent.click(await screen.findByRole('option', { name: 'Versie 1 van 2 — 10-03-2026 09:00, J. Jansen', hidden: true }));
    await waitFor(() => expect((screen.getByLabelText('Beleid') as HTMLTextAreaElement).value).toBe('Metformine ophogen'));
    expect(api.calls('GET /api/werkplek/patients/1/history/42').at(-1)?.query.get('version')).toBe('1');
    expect(screen.getByText(/Je bekijkt een eerdere versie/)).toBeTruthy();

    const edit = screen.getByRole('link', { name: 'Bewerken' });
    expect(edit.getAttribute('href')).toBe('/werkplek/patienten/1/taak/consult-poh-dm2?entry=42');

    fireEvent.click(screen.getByRole('link', { name: /Terug naar de Historie/ }));
    await screen.findByRole('table', { name: 'Registraties in de Historie' }, slow);
  });

  it('shows no Bewerken without the right, and a migrated journal line as text', async () => {
    mockApi({
      ...base,
      'GET /api/werkplek/patients/1/history/7': json({
        entry: entry({
          id: '7',
          kind: 'legacy-journal',
          formKey: 'journaal',
          title: { nl: 'Journaal', en: 'Journal' },
          version: 1,
          canEdit: false,
          author: { accountId: null, name: 'Dr. Smit', role: null, roleName: null },
          organisationName: null,
        }),
        text: 'Controle bloeddruk, 142/88.',
        versions: [{ version: 1, publishedAt: '2019-05-01T10:00:00Z', authorName: 'Dr. Smit' }],
      }),
    });
    renderRoute('/werkplek/patienten/1/historie/7');
    expect(await screen.findByText('Controle bloeddruk, 142/88.', {}, slow)).toBeTruthy();
    expect(screen.getByText('Gemigreerd uit Medix 3')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Bewerken' })).toBeNull();
  });

  it('hides Bewerken when the role may only read', async () => {
    mockApi({
      ...base,
      'GET /api/werkplek/patients/1/history/42': json(detail(2, { entry: entry({ canEdit: false }) })),
    });
    renderRoute('/werkplek/patienten/1/historie/42');
    await screen.findByRole('heading', { name: 'Consult POH/huisarts' }, slow);
    expect(screen.queryByRole('link', { name: 'Bewerken' })).toBeNull();
  });

  it('says so when the entry is not there (or not for this role)', async () => {
    mockApi({ ...base, 'GET /api/werkplek/patients/1/history/99': problem(404, { title: 'Niet gevonden' }) });
    renderRoute('/werkplek/patienten/1/historie/99');
    expect(await screen.findByText('Registratie niet gevonden', {}, slow)).toBeTruthy();
  });

  it('tells that the form was published when the task page sends the user here', async () => {
    mockApi({ ...base, 'GET /api/werkplek/patients/1/history': json(page([entry()])) });
    const { router } = renderRoute('/werkplek/patienten/1');
    await screen.findByRole('tab', { name: 'Historie' }, slow);
    await act(() =>
      router.navigate('/werkplek/patienten/1/historie', {
        state: { published: { title: consult, entryId: '42', version: 2 } },
      }),
    );
    expect(await screen.findByText('Consult POH/huisarts is gepubliceerd')).toBeTruthy();
    expect(screen.getByText(/Versie 2 staat in de Historie/)).toBeTruthy();
  });
});
