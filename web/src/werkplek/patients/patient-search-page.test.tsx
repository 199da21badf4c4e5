import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, type MockRequest, mockApi } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { dietitianFixture, sessionFixture } from '../session-fixture';
import type { PatientSearchHit, PatientSearchResult } from './patients-api';

const anna: PatientSearchHit = {
  id: '1',
  displayId: 'P0000000001',
  legacyId: null,
  roepnaam: 'Anna',
  initials: 'A.',
  familyNamePrefix: 'de',
  familyName: 'Jong',
  birthDate: '1961-03-12',
  gender: 'female',
  bsnMasked: '******019',
  practiceName: 'Huisartsenpraktijk Zonnehof',
};

const sem: PatientSearchHit = {
  ...anna,
  id: '2',
  displayId: 'P0000000002',
  legacyId: '3000123',
  roepnaam: 'Sem',
  birthDate: '2016-05-04',
  gender: 'male',
  bsnMasked: '******032',
};

function result(hits: PatientSearchHit[], extra: Partial<PatientSearchResult> = {}): PatientSearchResult {
  return { hits, hasMore: false, page: 1, scope: 'within-grounds', ...extra };
}

function searchBox() {
  return screen.getByRole('searchbox', { name: 'Zoekterm' });
}

describe('Patiënt zoeken', { timeout: 15_000 }, () => {
  it('one box explains what to type; Enter searches, the search goes in the address, results in a table', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients': ({ query }: MockRequest) => json(result(query.get('q') === 'jong' ? [anna, sem] : [])),
    });
    const { router } = renderRoute('/werkplek/patienten');

    expect(await screen.findByRole('heading', { level: 1, name: 'Patiënt zoeken' })).toBeTruthy();
    const box = searchBox();
    expect(box.getAttribute('placeholder')).toBe('Patiëntnummer, BSN, geboortedatum (dd-mm-jjjj) of achternaam');
    expect(document.activeElement).toBe(box);

    fireEvent.change(box, { target: { value: '  jong ' } });
    fireEvent.submit(box.closest('form') as HTMLFormElement);

    const table = await screen.findByRole('table', { name: 'Zoekresultaten' });
    expect(router.state.location.search).toBe('?q=jong');
    expect(api.calls('GET /api/werkplek/patients')[0]?.query.get('q')).toBe('jong');
    expect(screen.getByRole('status').textContent).toBe('2 patiënten gevonden');

    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Openen', 'Patiënt-ID', 'Naam', 'Geboortedatum', 'BSN', 'Praktijk']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const cells = within(rows[0] as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(1)).toEqual(['P0000000001', 'Anna de Jong', '12-03-1961', '******019', 'Huisartsenpraktijk Zonnehof']);
    expect(within(rows[1] as HTMLElement).getByText('Oud nummer 3000123')).toBeTruthy();

    // The eye is a real link: Tab reaches it, Enter opens the record.
    const eye = within(rows[0] as HTMLElement).getByRole('link', { name: 'Open dossier van Anna de Jong' });
    expect(eye.getAttribute('href')).toBe('/werkplek/patienten/1');
  });

  it('opens the record with the eye; "Terug naar zoeken" returns to the same search', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients': json(result([anna])),
      'GET /api/werkplek/patients/1': json({
        status: 'confirm-relationship',
        id: '1',
        displayId: 'P0000000001',
        name: 'Anna de Jong',
        birthDate: '1961-03-12',
      }),
    });
    const { router } = renderRoute('/werkplek/patienten?q=999990019');

    fireEvent.click(await screen.findByRole('link', { name: 'Open dossier van Anna de Jong' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Behandelrelatie bevestigen' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/patienten/1');

    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(await screen.findByRole('table', { name: 'Zoekresultaten' })).toBeTruthy();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/werkplek/patienten?q=999990019');
    expect((searchBox() as HTMLInputElement).value).toBe('999990019');
  });

  it('nothing found: hints at BSN and birth date, and offers "Patiënt toevoegen" to a practice', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients': json(result([])),
    });
    renderRoute('/werkplek/patienten?q=onbekend');

    expect(await screen.findByText('Geen patiënten gevonden voor "onbekend"')).toBeTruthy();
    expect(screen.getByText('Niet gevonden? Zoek op BSN én geboortedatum.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nieuwe patiënt toevoegen' }).getAttribute('href')).toBe('/werkplek/patienten/nieuw');
  });

  it('a chain partner gets the hint but no "Patiënt toevoegen"; an exact BSN + birth date search says so', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(dietitianFixture()),
      'GET /api/werkplek/patients': ({ query }: MockRequest) =>
        json(query.get('q') === 'jong' ? result([]) : result([anna], { scope: 'any-patient' })),
    });
    const { router } = renderRoute('/werkplek/patienten?q=jong');

    expect(await screen.findByText('Niet gevonden? Zoek op BSN én geboortedatum.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Nieuwe patiënt toevoegen' })).toBeNull();

    fireEvent.change(searchBox(), { target: { value: '999990019 12-03-1961' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(await screen.findByText(/Gevonden op BSN en geboortedatum/)).toBeTruthy();
    expect(router.state.location.search).toBe('?q=999990019+12-03-1961');
  });

  it('pages through the results with "Volgende" and "Vorige"', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients': ({ query }: MockRequest) =>
        query.get('page') === '2' ? json(result([sem], { page: 2 })) : json(result([anna], { hasMore: true })),
    });
    const { router } = renderRoute('/werkplek/patienten?q=jong');

    await screen.findByText('Anna de Jong');
    const paging = screen.getByRole('navigation', { name: 'Bladeren door de resultaten' });
    expect((within(paging).getByRole('button', { name: 'Vorige' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(paging).getByRole('button', { name: 'Volgende' }));

    expect(await screen.findByText('Sem de Jong')).toBeTruthy();
    expect(router.state.location.search).toBe('?q=jong&page=2');
    expect(api.calls('GET /api/werkplek/patients').at(-1)?.query.get('page')).toBe('2');
    expect(screen.getByRole('status').textContent).toBe('Pagina 2: 1 patiënt');
  });

  it('an empty search asks for a term without asking the server', async () => {
    const api = mockApi({ 'GET /api/werkplek/auth/session': json(sessionFixture()) });
    renderRoute('/werkplek/patienten');
    await screen.findByRole('heading', { level: 1, name: 'Patiënt zoeken' });

    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));

    expect(await screen.findByText('Vul een zoekterm in')).toBeTruthy();
    expect(api.calls('GET /api/werkplek/patients')).toHaveLength(0);
  });
});
