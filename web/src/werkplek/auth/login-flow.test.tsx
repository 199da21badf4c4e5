import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, type MockRequest, mockApi, notLoggedIn, problem } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';

const codeRequired = json({ status: 'code-required', maskedEmail: 'h…z@keten.test', codeExpiresAt: '2025-03-05T09:10:00Z' });

async function enterPassword(username = 'huisarts.hapz') {
  fireEvent.change(await screen.findByRole('textbox', { name: 'Gebruikersnaam' }), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(/^Wachtwoord/, { selector: 'input' }), { target: { value: 'keten-demo-wachtwoord' } });
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
}

describe('Werkplek login in two steps', () => {
  it('asks for the mailed code, shows the field message for a wrong one, and opens the dashboard after "Verifieer"', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': notLoggedIn,
      'POST /api/werkplek/auth/login': codeRequired,
      'POST /api/werkplek/auth/verify': ({ body }: MockRequest) =>
        (body as { code: string }).code === '123456'
          ? json({ status: 'logged-in', session: sessionFixture() })
          : problem(400, {
              code: 'code-wrong',
              title: 'De invoer is niet in orde',
              detail: 'De verificatiecode klopt niet. U kunt het nog 4 keer proberen.',
              errors: [{ field: 'code', message: 'De verificatiecode klopt niet. U kunt het nog 4 keer proberen.' }],
            }),
    });
    const { router } = renderRoute('/werkplek/inloggen');

    await enterPassword();

    expect(await screen.findByRole('heading', { level: 1, name: 'Verificatiecode' })).toBeTruthy();
    expect(screen.getByText('We hebben een code gestuurd naar h…z@keten.test')).toBeTruthy();
    const codeInput = screen.getByRole('textbox', { name: 'Verificatiecode' });
    expect(codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    expect(codeInput.getAttribute('inputmode')).toBe('numeric');
    expect(document.activeElement).toBe(codeInput);
    expect(api.calls('POST /api/werkplek/auth/login')[0]?.body).toEqual({
      username: 'huisarts.hapz',
      password: 'keten-demo-wachtwoord',
    });

    // Not six digits: said here, not sent.
    fireEvent.change(codeInput, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verifieer' }));
    expect(await screen.findByText('De verificatiecode bestaat uit 6 cijfers')).toBeTruthy();
    expect(api.calls('POST /api/werkplek/auth/verify')).toHaveLength(0);

    // Wrong: the server's message beside the field.
    fireEvent.change(codeInput, { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verifieer' }));
    const message = await screen.findByText('De verificatiecode klopt niet. U kunt het nog 4 keer proberen.');
    expect(codeInput.getAttribute('aria-invalid')).toBe('true');
    expect(codeInput.getAttribute('aria-describedby')).toContain(message.id);

    fireEvent.change(codeInput, { target: { value: ' 123456 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verifieer' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Welkom, Jeroen de Vries' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/dashboard');
    expect(api.calls('POST /api/werkplek/auth/verify').at(-1)?.body).toEqual({ code: '123456' });
  });

  it('"Opnieuw inloggen" goes back to username and password', async () => {
    mockApi({ 'GET /api/werkplek/auth/session': notLoggedIn, 'POST /api/werkplek/auth/login': codeRequired });
    renderRoute('/werkplek/inloggen');
    await enterPassword();
    await screen.findByRole('heading', { level: 1, name: 'Verificatiecode' });

    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw inloggen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Gebruikersnaam' })).toBeTruthy();
  });

  it('sends a logged-out user to the login page and, after login in a trusted browser, back to the page they wanted', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': notLoggedIn,
      'POST /api/werkplek/auth/login': json({ status: 'logged-in', session: sessionFixture() }),
      'GET /api/werkplek/account/notifications': json({ preferences: [] }),
    });
    const { router } = renderRoute('/werkplek/instellingen/meldingen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/inloggen');
    // Nobody was logged in: no "uitgelogd" notice.
    expect(screen.queryByText('U bent uitgelogd wegens inactiviteit')).toBeNull();

    await enterPassword();

    expect(await screen.findByRole('heading', { level: 1, name: 'Instellingen' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/instellingen/meldingen');
    expect(api.calls('POST /api/werkplek/auth/verify')).toHaveLength(0);
  });

  it('says "U bent uitgelogd wegens inactiviteit" when the server ended a session this tab had', async () => {
    mockApi({ 'GET /api/werkplek/auth/session': notLoggedIn });
    sessionStorage.setItem('keten.werkplek.active', '1');
    renderRoute('/werkplek/dashboard');

    const notice = await screen.findByRole('alert');
    expect(within(notice).getByText('U bent uitgelogd wegens inactiviteit')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
  });

  it('sends the user to the login page when any API call answers 401', async () => {
    let loggedIn = true;
    mockApi({
      'GET /api/werkplek/auth/session': () => (loggedIn ? json(sessionFixture()) : notLoggedIn),
      'GET /api/werkplek/account/notifications': () => {
        loggedIn = false;
        return notLoggedIn;
      },
    });
    const { router } = renderRoute('/werkplek/instellingen/meldingen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByText('U bent uitgelogd wegens inactiviteit')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/inloggen');
  });
});

describe('Nieuw wachtwoord kiezen', () => {
  it('is the only page while a new password is due, shows the rules and the server messages, then lets the user on', async () => {
    let mustChange = true;
    const api = mockApi({
      'GET /api/werkplek/auth/session': () => json(sessionFixture({ mustChangePassword: mustChange })),
      'POST /api/werkplek/account/password': ({ body }: MockRequest) => {
        if ((body as { newPassword: string }).newPassword === 'welkom123456') {
          return problem(400, {
            title: 'De invoer is niet in orde',
            errors: [{ field: 'newPassword', message: 'Nieuw wachtwoord is te bekend en daardoor makkelijk te raden.' }],
          });
        }
        mustChange = false;
        return json({ status: 'ok' });
      },
    });
    const { router } = renderRoute('/werkplek/audit');

    expect(await screen.findByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/nieuw-wachtwoord');
    expect(screen.queryByRole('link', { name: 'Patiënt zoeken' })).toBeNull();
    expect(screen.getByText(/Minstens 12 tekens en geen veelgebruikt wachtwoord/)).toBeTruthy();

    const fill = (label: RegExp, value: string) =>
      fireEvent.change(screen.getByLabelText(label, { selector: 'input' }), { target: { value } });
    fill(/^Huidig wachtwoord/, 'keten-demo-wachtwoord');
    fill(/^Nieuw wachtwoord/, 'welkom123456');
    fill(/^Herhaal nieuw wachtwoord/, 'welkom12345');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByText('De twee wachtwoorden zijn niet gelijk')).toBeTruthy();
    expect(api.calls('POST /api/werkplek/account/password')).toHaveLength(0);

    fill(/^Herhaal nieuw wachtwoord/, 'welkom123456');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByText('Nieuw wachtwoord is te bekend en daardoor makkelijk te raden.')).toBeTruthy();

    fill(/^Nieuw wachtwoord/, 'fietsen langs de dommel');
    fill(/^Herhaal nieuw wachtwoord/, 'fietsen langs de dommel');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit' }, { timeout: 3000 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/audit');
    expect(api.calls('POST /api/werkplek/account/password').at(-1)?.body).toEqual({
      currentPassword: 'keten-demo-wachtwoord',
      newPassword: 'fietsen langs de dommel',
    });
  });
});

describe('Wachtwoord instellen', () => {
  it('sets the password with the token from the link and links to the login page', async () => {
    const api = mockApi({ 'POST /api/werkplek/auth/password-reset': json({ status: 'ok' }) });
    renderRoute('/werkplek/wachtwoord-instellen?token=abcdefghijklmnopqrstuvwxyz');

    fireEvent.change(await screen.findByLabelText(/^Nieuw wachtwoord/, { selector: 'input' }), {
      target: { value: 'fietsen langs de dommel' },
    });
    fireEvent.change(screen.getByLabelText(/^Herhaal nieuw wachtwoord/, { selector: 'input' }), {
      target: { value: 'fietsen langs de dommel' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord instellen' }));

    expect(await screen.findByText('Je wachtwoord is ingesteld')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar inloggen' }).getAttribute('href')).toBe('/werkplek/inloggen');
    expect(api.calls('POST /api/werkplek/auth/password-reset')[0]?.body).toEqual({
      token: 'abcdefghijklmnopqrstuvwxyz',
      newPassword: 'fietsen langs de dommel',
    });
  });

  it("shows the server's message for a used or expired link", async () => {
    mockApi({
      'POST /api/werkplek/auth/password-reset': problem(400, {
        code: 'reset-invalid',
        title: 'De invoer is niet in orde',
        detail: 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan via "Wachtwoord vergeten?".',
      }),
    });
    renderRoute('/werkplek/wachtwoord-instellen?token=abcdefghijklmnopqrstuvwxyz');
    for (const label of [/^Nieuw wachtwoord/, /^Herhaal nieuw wachtwoord/]) {
      fireEvent.change(await screen.findByLabelText(label, { selector: 'input' }), {
        target: { value: 'fietsen langs de dommel' },
      });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord instellen' }));

    expect(await screen.findByText(/Deze link is ongeldig, al gebruikt of verlopen/)).toBeTruthy();
  });

  it('says so when the link has no token', async () => {
    renderRoute('/werkplek/wachtwoord-instellen');
    expect(await screen.findByText('Deze link werkt niet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nieuwe link aanvragen' }).getAttribute('href')).toBe(
      '/werkplek/wachtwoord-vergeten',
    );
  });
});
