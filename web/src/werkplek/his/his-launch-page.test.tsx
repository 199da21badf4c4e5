import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, notLoggedIn, problem } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { annaCard } from '../patients/patient-fixtures';
import { sessionFixture } from '../session-fixture';

const token = 'abcdefghijklmnopqrstuvwxyz012345';
const launchPath = `/werkplek/his?launch=${token}`;
const continuePath = `POST /api/werkplek/his/launch/${token}/continue`;

describe('HIS launch', { timeout: 15_000 }, () => {
  it('not logged in: the login page first, remembering the launch', async () => {
    mockApi({ 'GET /api/werkplek/auth/session': notLoggedIn });
    const { router } = renderRoute(launchPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/inloggen');
    expect((router.state.location.state as { from?: string }).from).toBe(launchPath);
  });

  it('a known patient: continues once and opens the card', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      [continuePath]: json({ action: 'open-patient', patientId: '1' }),
      'GET /api/werkplek/patients/1': json({ status: 'open', card: annaCard }),
    });
    const { router } = renderRoute(launchPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Anna de Jong' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/patienten/1');
    expect(api.calls(continuePath)).toHaveLength(1);
  });

  it('an unknown patient: "Patiënt toevoegen" prefilled from the HIS', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      [continuePath]: json({
        action: 'add-patient',
        prefill: {
          bsn: '100000009',
          birthDate: '1979-08-14',
          roepnaam: 'Emre',
          initials: 'E.',
          familyNamePrefix: null,
          familyName: 'Çelik',
          gender: 'male',
          street: 'Kerkstraat',
          houseNumber: '3',
          houseNumberSuffix: 'a',
          postcode: '5611 AB',
          city: 'Eindhoven',
        },
      }),
    });
    const { router } = renderRoute(launchPath);

    expect(await screen.findByRole('heading', { level: 1, name: 'Patiënt toevoegen' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/patienten/nieuw');
    expect(screen.getByText('Ingevuld vanuit het HIS')).toBeTruthy();
    expect((screen.getByLabelText(/^BSN/) as HTMLInputElement).value).toBe('100000009');
    expect((screen.getByLabelText(/^Geboortedatum/) as HTMLInputElement).value).toBe('14-08-1979');
    // The prefill is taken once: the address no longer carries it, the draft does.
    await waitFor(() => expect(router.state.location.state).toBeNull());
    expect(sessionStorage.getItem('keten.werkplek.patient-toevoegen')).toContain('Kerkstraat');
  });

  it('another user is logged in: the server’s explanation and "Uitloggen"', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      [continuePath]: problem(403, {
        code: 'his-launch-other-user',
        title: 'Deze koppeling is voor een andere gebruiker',
        detail: 'Het HIS opende Keten voor een andere gebruiker dan met wie u nu bent ingelogd.',
      }),
      'POST /api/werkplek/auth/logout': json({ status: 'ok' }),
    });
    renderRoute(launchPath);

    expect(await screen.findByText('Deze koppeling is voor een andere gebruiker')).toBeTruthy();
    expect(screen.getByText(/voor een andere gebruiker dan met wie u nu bent ingelogd/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('main')).getByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByText('Je bent uitgelogd')).toBeTruthy();
    expect(api.calls('POST /api/werkplek/auth/logout')).toHaveLength(1);
  });

  it('an expired or used link says so', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      [continuePath]: problem(410, {
        code: 'his-launch-used',
        title: 'Deze koppeling is al gebruikt',
        detail: 'Een koppeling vanuit het HIS werkt één keer. Open de patiënt opnieuw vanuit het HIS.',
      }),
    });
    renderRoute(launchPath);

    expect(await screen.findByText('Deze koppeling is al gebruikt')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar Patiënt zoeken' })).toBeTruthy();
  });

  it('a broken address asks nothing of the server', async () => {
    const api = mockApi({ 'GET /api/werkplek/auth/session': json(sessionFixture()) });
    renderRoute('/werkplek/his?launch=kort');

    expect(await screen.findByText('Deze link is niet compleet. Open de patiënt opnieuw vanuit het HIS.')).toBeTruthy();
    expect(api.requests.filter((request) => request.path.includes('/his/'))).toHaveLength(0);
  });
});
