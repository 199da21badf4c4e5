import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n';
import { renderRoute } from '../../test/render';

afterEach(async () => {
  await act(() => changeLanguage('nl'));
});

function problemResponse(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
  });
}

describe('Werkplek login page', () => {
  it('shows the Dutch labels by default', async () => {
    renderRoute('/werkplek/inloggen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Gebruikersnaam' })).toBeTruthy();
    expect(screen.getByLabelText(/^Wachtwoord/, { selector: 'input' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Wachtwoord vergeten?' }).getAttribute('href')).toBe('/werkplek/wachtwoord-vergeten');
    expect(within(screen.getByRole('banner')).getByText('Werkplek')).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');
    expect(document.title).toBe('Inloggen · Werkplek · Keten');
  });

  it('shows the English labels after switching language, and remembers the choice', async () => {
    renderRoute('/werkplek/inloggen');
    await screen.findByRole('heading', { level: 1, name: 'Inloggen' });

    await act(() => changeLanguage('en'));

    expect(screen.getByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Username' })).toBeTruthy();
    expect(screen.getByLabelText(/^Password/, { selector: 'input' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByText('Workspace')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('keten.language')).toBe('en');
  });

  it('asks for the missing fields without calling the server', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    renderRoute('/werkplek/inloggen');

    fireEvent.click(await screen.findByRole('button', { name: 'Inloggen' }));

    expect(await screen.findByText('Vul je gebruikersnaam in')).toBeTruthy();
    expect(screen.getByText('Vul je wachtwoord in')).toBeTruthy();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("shows the server's problem message in an alert", async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      problemResponse(501, {
        type: 'about:blank',
        title: 'Nog niet beschikbaar',
        status: 501,
        detail: 'Inloggen wordt in een volgende versie gebouwd.',
      }),
    );
    renderRoute('/werkplek/inloggen');

    fireEvent.change(await screen.findByRole('textbox', { name: 'Gebruikersnaam' }), {
      target: { value: ' jdevries.hapz ' },
    });
    fireEvent.change(screen.getByLabelText(/^Wachtwoord/, { selector: 'input' }), { target: { value: 'geheim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Nog niet beschikbaar')).toBeTruthy();
    expect(within(alert).getByText('Inloggen wordt in een volgende versie gebouwd.')).toBeTruthy();

    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(url).toBe('/api/werkplek/auth/login');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'jdevries.hapz', password: 'geheim' });
    expect(new Headers(init?.headers).get('Accept-Language')).toBe('nl');
  });

  it('puts field messages from the server beside the field', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      problemResponse(400, {
        title: 'Controleer de invoer',
        status: 400,
        errors: [{ field: 'username', message: 'Gebruikersnaam is te lang' }],
      }),
    );
    renderRoute('/werkplek/inloggen');

    fireEvent.change(await screen.findByRole('textbox', { name: 'Gebruikersnaam' }), {
      target: { value: 'x' },
    });
    fireEvent.change(screen.getByLabelText(/^Wachtwoord/, { selector: 'input' }), { target: { value: 'y' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));

    const input = await screen.findByRole('textbox', { name: 'Gebruikersnaam' });
    const message = await screen.findByText('Gebruikersnaam is te lang');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('says so when the server cannot be reached', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    renderRoute('/werkplek/inloggen');

    fireEvent.change(await screen.findByRole('textbox', { name: 'Gebruikersnaam' }), {
      target: { value: 'x' },
    });
    fireEvent.change(screen.getByLabelText(/^Wachtwoord/, { selector: 'input' }), { target: { value: 'y' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));

    expect(await screen.findByText('Geen verbinding met de server')).toBeTruthy();
  });
});
