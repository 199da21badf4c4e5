import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';
import { annaCard } from './patient-fixtures';
import type { PatientCardResponse } from './patients-api';

const pending: PatientCardResponse = {
  status: 'confirm-relationship',
  id: '1',
  displayId: 'P0000000001',
  name: 'Anna de Jong',
  birthDate: '1961-03-12',
};

describe('Behandelrelatie bevestigen', { timeout: 15_000 }, () => {
  it('shows who and the conditions; "Bevestigen" records it and opens the record', async () => {
    let confirmed = false;
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients/1': () => json(confirmed ? { status: 'open', card: annaCard } : pending),
      'POST /api/werkplek/patients/1/treatment-relationship': () => {
        confirmed = true;
        return json({ status: 'open', card: annaCard });
      },
    });
    renderRoute('/werkplek/patienten/1');

    const heading = await screen.findByRole('heading', { level: 1, name: 'Behandelrelatie bevestigen' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('Anna de Jong')).toBeTruthy();
    expect(screen.getByText('P0000000001 · geboren 12-03-1961')).toBeTruthy();
    expect(screen.getByText(/NEN 7513/)).toBeTruthy();
    expect(screen.getByText(/schending van het beroepsgeheim/)).toBeTruthy();
    // Nothing of the record before confirming.
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByText('Zilveren Kruis')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Anna de Jong' })).toBeTruthy();
    expect(api.calls('POST /api/werkplek/patients/1/treatment-relationship')).toHaveLength(1);
    expect(screen.getByRole('tablist', { name: 'Onderdelen van het dossier' })).toBeTruthy();
  });

  it('"Annuleren" goes back to Patiënt zoeken without opening the record', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients/1': json(pending),
    });
    const { router } = renderRoute('/werkplek/patienten/1');

    fireEvent.click(await screen.findByRole('button', { name: 'Annuleren' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Patiënt zoeken' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/patienten');
    expect(api.calls('POST /api/werkplek/patients/1/treatment-relationship')).toHaveLength(0);
  });
});

describe('Patient record', { timeout: 15_000 }, () => {
  it('the Infopaneel: name, gender, birth date and age, practice, pharmacy, last insurance check', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients/1': json({ status: 'open', card: annaCard }),
    });
    renderRoute('/werkplek/patienten/1');

    const panel = (await screen.findByRole('heading', { level: 1, name: 'Anna de Jong' })).closest('section') as HTMLElement;
    expect(within(panel).getByText('P0000000001')).toBeTruthy();
    expect(within(panel).getByText(/^Vrouw · 12-03-1961 \(\d+ jaar\)$/)).toBeTruthy();
    const fact = (label: string) => within(panel).getByText(label).nextElementSibling?.textContent;
    expect(fact('BSN')).toBe('999990019');
    expect(fact('Huisartsenpraktijk')).toBe('Huisartsenpraktijk Zonnehof');
    expect(fact('Apotheek')).toBe('Apotheek De Linde');
    expect(fact('Verzekering')).toBe('Zilveren KruisUZOVI 3311 · polis 3311990019Gecontroleerd op 03-02-2025');

    // "Persoonlijk bericht" opens a new message about this patient (the patient travels in router state, not the URL).
    fireEvent.click(within(panel).getByRole('link', { name: 'Persoonlijk bericht' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Nieuw bericht' })).toBeTruthy();
    expect(screen.getByText('Anna de Jong (P0000000001)')).toBeTruthy();
  });

  it('has real tabs, each with its own address', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients/1': json({ status: 'open', card: annaCard }),
      'GET /api/werkplek/patients/1/monitoring': json({ measures: [] }),
    });
    const { router } = renderRoute('/werkplek/patienten/1');

    const tabs = await screen.findByRole('tablist', { name: 'Onderdelen van het dossier' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Activiteiten', 'Monitoring', 'Historie', 'Dagcurves', 'Behandelteam', "Memo's", 'Personalia']);

    fireEvent.click(within(tabs).getByRole('tab', { name: 'Monitoring' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/werkplek/patienten/1/monitoring'));
    expect(await within(screen.getByRole('tabpanel')).findByText('Er zijn nog geen metingen vastgelegd.')).toBeTruthy();
  });

  it('a record out of reach: "Dossier niet gevonden" with the way back', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients/7': problem(404, { title: 'Niet gevonden', code: 'not-found' }),
    });
    renderRoute('/werkplek/patienten/7');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dossier niet gevonden' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Terug naar zoeken' }).getAttribute('href')).toBe('/werkplek/patienten');
  });

  it('a foreign-insured patient without BSN', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/patients/5': json({
        status: 'open',
        card: {
          ...annaCard,
          id: '5',
          displayId: 'P0000000005',
          bsn: null,
          insuranceCountry: 'DE',
          roepnaam: 'Lukas',
          familyNamePrefix: null,
          familyName: 'Schmidt',
          gender: 'male',
          pharmacy: null,
          lastInsuranceCheck: null,
        },
      }),
    });
    renderRoute('/werkplek/patienten/5');

    const panel = (await screen.findByRole('heading', { level: 1, name: 'Lukas Schmidt' })).closest('section') as HTMLElement;
    const fact = (label: string) => within(panel).getByText(label).nextElementSibling?.textContent;
    expect(fact('BSN')).toBe('Geen BSN');
    expect(fact('Apotheek')).toBe('Geen apotheek vastgelegd');
    expect(fact('Verzekering')).toBe('Verzekerd in Duitsland');
  });
});
