import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, type MockRequest, mockApi } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';
import type { HisSettings } from './his-api';

const practiceAdmin = sessionFixture({
  account: { id: '41', username: 'beheer.hapz', name: 'Henk Smits', role: 'praktijkbeheerder', roleName: 'Praktijkbeheerder' },
});

const settings: HisSettings = {
  practice: { id: '2', name: 'Huisartsenpraktijk Zonnehof' },
  configured: true,
  organisatienummer: 1001,
  praktijknummer: 201,
  passwordSet: true,
  passwordChangedAt: '2025-01-10T08:00:00Z',
  signingSecretSet: false,
  signingSecretCreatedAt: null,
  launchUrl: 'http://localhost:3000/his/launch?',
  signedLaunchUrl: 'http://localhost:3000/his/launch/signed?',
  accounts: [
    {
      id: '1',
      username: 'huisarts.hapz',
      name: 'Jeroen de Vries',
      roleName: 'Huisarts',
      gebruikersnummer: 11,
      linkCreatedAt: null,
    },
  ],
};

describe('Instellingen → HIS-koppeling', { timeout: 15_000 }, () => {
  it('only the praktijkbeheerder of a GP practice has the tab', async () => {
    mockApi({ 'GET /api/werkplek/auth/session': json(sessionFixture()) });
    const { router } = renderRoute('/werkplek/instellingen/his-koppeling');

    expect(await screen.findByRole('tab', { name: 'Accountgegevens' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'HIS-koppeling' })).toBeNull();
    expect(router.state.location.pathname).toBe('/werkplek/instellingen');
  });

  it('shows the numbers and addresses, sets the practice password, makes a personal link shown once', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(practiceAdmin),
      'GET /api/werkplek/his/settings': json(settings),
      'PUT /api/werkplek/his/settings/password': ({ body }: MockRequest) =>
        json({ ...settings, passwordChangedAt: '2025-03-05T10:00:00Z', _body: body }),
      'POST /api/werkplek/his/settings/accounts/1/link': json({
        accountId: '1',
        username: 'huisarts.hapz',
        gebruikersnummer: 11,
        link: 'http://localhost:3000/his/launch?organisatienummer=1001&praktijknummer=201&gebruikersnummer=11&koppeltoken=geheim',
        createdAt: '2025-03-05T10:00:00Z',
      }),
    });
    renderRoute('/werkplek/instellingen/his-koppeling');

    const panel = await screen.findByRole('tabpanel');
    expect(await within(panel).findByText('1001')).toBeTruthy();
    expect(within(panel).getByText('201')).toBeTruthy();
    expect(within(panel).getByText('http://localhost:3000/his/launch?')).toBeTruthy();
    expect(within(panel).getByText('Ingesteld op 10-01-2025.')).toBeTruthy();

    fireEvent.change(within(panel).getByLabelText(/^Nieuw praktijkwachtwoord/), {
      target: { value: 'een lange zin als wachtwoord' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Praktijkwachtwoord opslaan' }));
    expect(await within(panel).findByText('Praktijkwachtwoord gewijzigd')).toBeTruthy();
    expect(api.calls('PUT /api/werkplek/his/settings/password')[0]?.body).toEqual({
      newPassword: 'een lange zin als wachtwoord',
    });

    fireEvent.click(within(panel).getByRole('button', { name: 'Nieuwe MiraHIS-link voor Jeroen de Vries' }));
    const dialog = await screen.findByRole('dialog', { name: 'MiraHIS-link voor huisarts.hapz' });
    expect(within(dialog).getByText('Wordt maar één keer getoond')).toBeTruthy();
    expect(within(dialog).getByText(/koppeltoken=geheim/)).toBeTruthy();
  });
});
