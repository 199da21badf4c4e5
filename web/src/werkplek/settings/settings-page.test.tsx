import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, type MockRequest, mockApi } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';
import { messageTypes, type NotificationSettings } from './settings-api';

function fakeNotificationServer(initial: Record<string, boolean>) {
  let stored = { ...initial };
  const view = (): NotificationSettings => ({
    preferences: messageTypes.map((type) => ({ type, sendEmail: stored[type] ?? false })),
  });
  return mockApi({
    'GET /api/werkplek/auth/session': json(sessionFixture({ termsAccepted: false })),
    'GET /api/werkplek/account/notifications': () => json(view()),
    'PUT /api/werkplek/account/notifications': ({ body }: MockRequest) => {
      stored = Object.fromEntries((body as NotificationSettings).preferences.map((p) => [p.type, p.sendEmail]));
      return json(view());
    },
  });
}

describe('Instellingen', () => {
  it('shows the account data', async () => {
    mockApi({ 'GET /api/werkplek/auth/session': json(sessionFixture()) });
    renderRoute('/werkplek/instellingen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Instellingen' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Accountgegevens' }).getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel');
    for (const text of [
      'Jeroen de Vries',
      'huisarts.hapz',
      '11',
      'Huisarts',
      'Huisartsenpraktijk Zonnehof',
      'huisarts.hapz@keten.test',
      'Persoonlijk account',
    ]) {
      expect(within(panel).getByText(text), text).toBeTruthy();
    }
  });

  it('"Meldingen per e-mail": one switch per message type, each change saved with PUT', async () => {
    const api = fakeNotificationServer({
      referral: true,
      message: true,
      consultation: true,
      result: true,
      'appointment-reminder': false,
    });
    renderRoute('/werkplek/instellingen/meldingen');

    const group = await screen.findByRole('group', { name: 'E-mail sturen bij' });
    const switches = await within(group).findAllByRole('switch');
    expect(switches).toHaveLength(5);
    const reminder = within(group).getByRole('switch', { name: 'Afspraakherinneringen' });
    const referral = within(group).getByRole('switch', { name: 'Verwijzingen' });
    expect((reminder as HTMLInputElement).checked).toBe(false);
    expect((referral as HTMLInputElement).checked).toBe(true);
    for (const name of ['Berichten', 'Consultatieberichten', 'Uitslagen']) {
      expect(within(group).getByRole('switch', { name })).toBeTruthy();
    }

    fireEvent.click(reminder);

    expect(await screen.findByText('Je keuze is opgeslagen.')).toBeTruthy();
    expect(api.calls('PUT /api/werkplek/account/notifications')[0]?.body).toEqual({
      preferences: [
        { type: 'referral', sendEmail: true },
        { type: 'message', sendEmail: true },
        { type: 'consultation', sendEmail: true },
        { type: 'result', sendEmail: true },
        { type: 'appointment-reminder', sendEmail: true },
      ],
    });
    expect((within(group).getByRole('switch', { name: 'Afspraakherinneringen' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(within(group).getByRole('switch', { name: 'Verwijzingen' }));
    await screen.findByText('Je keuze is opgeslagen.');
    await waitFor(() =>
      expect((within(group).getByRole('switch', { name: 'Verwijzingen' }) as HTMLInputElement).checked).toBe(false),
    );
    expect(api.calls('PUT /api/werkplek/account/notifications').at(-1)?.body).toMatchObject({
      preferences: expect.arrayContaining([
        { type: 'referral', sendEmail: false },
        { type: 'appointment-reminder', sendEmail: true },
      ]),
    });
  });

  it('"Gebruiksvoorwaarden": the terms, and "Akkoord" records the acceptance', async () => {
    let accepted = false;
    const api = mockApi({
      'GET /api/werkplek/auth/session': () => json(sessionFixture({ termsAccepted: accepted })),
      'POST /api/werkplek/account/terms': () => {
        accepted = true;
        return json({ status: 'ok' });
      },
    });
    renderRoute('/werkplek/instellingen/gebruiksvoorwaarden');

    expect(await screen.findByRole('heading', { name: '4. Alles wordt gelogd' })).toBeTruthy();
    expect(screen.getByText(/NEN 7513/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Akkoord' }));

    expect(await screen.findByText('Je hebt de gebruiksvoorwaarden geaccepteerd.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Akkoord' })).toBeNull();
    expect(api.calls('POST /api/werkplek/account/terms')).toHaveLength(1);
  });

  it('"Account afmelden" needs the explicit check, then logs out to the "Account afgemeld" page', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'POST /api/werkplek/account/deregister': json({ status: 'ok' }),
    });
    const { router } = renderRoute('/werkplek/instellingen/afmelden');

    fireEvent.click(await screen.findByRole('button', { name: 'Account afmelden' }));
    const dialog = await screen.findByRole('dialog', { name: 'Account afmelden?' });
    const submit = within(dialog).getByRole('button', { name: 'Account definitief afmelden' });
    expect(submit.hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Ik begrijp dat ik hierna niet meer kan inloggen' }));
    expect(submit.hasAttribute('disabled')).toBe(false);
    fireEvent.click(submit);

    expect(await screen.findByRole('heading', { level: 1, name: 'Account afgemeld' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/afgemeld');
    expect(api.calls('POST /api/werkplek/account/deregister')[0]?.body).toEqual({ confirm: true });
  });
});
