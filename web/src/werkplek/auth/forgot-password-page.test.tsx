import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderRoute } from '../../test/render';

describe('Werkplek "Wachtwoord vergeten"', () => {
  it('is reached from the login page', async () => {
    const { router } = renderRoute('/werkplek/inloggen');
    fireEvent.click(await screen.findByRole('link', { name: 'Wachtwoord vergeten?' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/wachtwoord-vergeten');
  });

  it('sends the username and shows the confirmation the server gives', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ status: 'accepted', message: 'Als de gebruikersnaam bestaat, is er een mail verstuurd.' }), {
        status: 202,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    renderRoute('/werkplek/wachtwoord-vergeten');

    fireEvent.change(await screen.findByRole('textbox', { name: 'Gebruikersnaam' }), { target: { value: 'jdevries.hapz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verstuur mail' }));

    const confirmation = await screen.findByRole('alert');
    expect(within(confirmation).getByText('Als de gebruikersnaam bestaat, is er een mail verstuurd.')).toBeTruthy();
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(url).toBe('/api/werkplek/auth/password-forgotten');
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'jdevries.hapz' });
  });
});
