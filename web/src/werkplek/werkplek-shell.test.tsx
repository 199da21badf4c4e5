import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, notLoggedIn } from '../test/mock-api';
import { renderRoute } from '../test/render';
import type { Session } from './auth/auth-api';
import { dietitianFixture, platformAdminFixture, sessionFixture } from './session-fixture';

function menuLabels(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
  // The side menu itself; the phone-only account and portal sections follow it.
  return Array.from(nav.querySelectorAll('a'))
    .map((link) => link.textContent ?? '')
    .filter((label) => !['Instellingen', 'Startpagina', 'Werkplek', 'Mijn Keten', 'Verwijzersportaal'].includes(label));
}

async function openDashboard(session: Session) {
  mockApi({ 'GET /api/werkplek/auth/session': json(session) });
  const result = renderRoute('/werkplek/dashboard');
  await screen.findByRole('heading', { level: 1, name: `Welkom, ${session.account.name}` });
  return result;
}

describe('Werkplek navigation follows session.navigation', () => {
  it('a GP sees the GP functions with Audit and ZIO dashboard, not the platform items', async () => {
    await openDashboard(sessionFixture());
    expect(menuLabels()).toEqual([
      'Dashboard',
      'Patiënt zoeken',
      'Signalen',
      'Berichten',
      'Rapportages',
      'Patiënt toevoegen',
      'Helpdesk',
      'ZIO dashboard',
      'Audit',
    ]);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Jeroen de Vries')).toBeTruthy();
    expect(within(banner).getByText('Huisarts · Huisartsenpraktijk Zonnehof')).toBeTruthy();
    expect(within(banner).getByRole('link', { name: 'Instellingen' }).getAttribute('href')).toBe('/werkplek/instellingen');
    expect(within(banner).getByRole('link', { name: 'Dashboard' })).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Uitloggen' })).toBeTruthy();
    expect(within(banner).queryByText('Niet persoonlijk account')).toBeNull();
  });

  it('the platform administrator sees Audit and Rollen en rechten, no patient functions', async () => {
    await openDashboard(platformAdminFixture());
    expect(menuLabels()).toEqual(['Dashboard', 'Rapportages', 'Helpdesk', 'Audit', 'Rollen en rechten']);
  });

  it('a dietitian has no "Patiënt toevoegen" and no Audit, and those addresses do not exist for her', async () => {
    const { router } = await openDashboard(dietitianFixture());
    expect(menuLabels()).toEqual(['Dashboard', 'Patiënt zoeken', 'Signalen', 'Berichten', 'Rapportages', 'Helpdesk']);

    await act(() => router.navigate('/werkplek/patienten/nieuw'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeTruthy();
    await act(() => router.navigate('/werkplek/audit'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeTruthy();
  });

  it('a generic account shows "Niet persoonlijk account"', async () => {
    await openDashboard(
      sessionFixture({
        account: { username: 'poh-somatiek.hapz', name: 'Algemeen account POH-somatiek Zonnehof', personal: false },
      }),
    );
    expect(within(screen.getByRole('banner')).getByText('Niet persoonlijk account')).toBeTruthy();
  });

  it('a function whose page comes later opens a page that says so, inside the shell', async () => {
    const { router } = await openDashboard(platformAdminFixture());
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).getByRole('link', { name: 'Rollen en rechten' }),
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Rollen en rechten' })).toBeTruthy();
    expect(screen.getByText(/komt in een volgende versie van Keten/)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/rollen-en-rechten');
    expect(screen.getByRole('link', { name: 'Rollen en rechten' }).getAttribute('aria-current')).toBe('page');
  });

  it('"Uitloggen" ends the session and shows the login page', async () => {
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'POST /api/werkplek/auth/logout': json({ status: 'ok' }),
    });
    const { router } = renderRoute('/werkplek/dashboard');
    await screen.findByRole('heading', { level: 1, name: 'Welkom, Jeroen de Vries' });

    fireEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Uitloggen' }));

    expect(await screen.findByText('Je bent uitgelogd')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/inloggen');
    expect(api.calls('POST /api/werkplek/auth/logout')).toHaveLength(1);
  });
});

// Fake: the clock, the once-a-second check and animation frames (the modal's transition).
// Testing Library keeps its real timeouts for findBy/waitFor.
function useFakeClock() {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame'] });
}

/** Jump the clock to `toMs`, let the idle check run, then let the screen settle (transitions). */
async function tick(toMs: number) {
  await act(() => {
    vi.setSystemTime(toMs);
    vi.advanceTimersByTime(1000);
  });
  for (let frame = 0; frame < 3; frame++) {
    await act(() => {
      vi.advanceTimersByTime(50);
    });
  }
}

describe('idle handling', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns 5 minutes before the end, "Ingelogd blijven" asks the server, and at the end shows the login page', async () => {
    useFakeClock();
    const start = new Date('2025-03-05T08:00:00Z').getTime();
    vi.setSystemTime(start);
    const api = mockApi({
      'GET /api/werkplek/auth/session': () => json(sessionFixture({}, Date.now())),
      'POST /api/werkplek/auth/logout': json({ status: 'ok' }),
    });
    const { router } = renderRoute('/werkplek/dashboard');
    await screen.findByRole('heading', { level: 1, name: 'Welkom, Jeroen de Vries' });

    await tick(start + (2 * 60 + 54) * 60_000);
    expect(screen.queryByRole('dialog')).toBeNull();

    await tick(start + (2 * 60 + 55) * 60_000 + 1000);
    const dialog = await screen.findByRole('dialog', { name: 'U wordt over 5 minuten uitgelogd wegens inactiviteit' });
    const sessionCalls = api.calls('GET /api/werkplek/auth/session').length;

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ingelogd blijven' }));
    await vi.waitFor(() => expect(api.calls('GET /api/werkplek/auth/session').length).toBe(sessionCalls + 1));
    await tick(Date.now());
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Three hours after "Ingelogd blijven", without activity: logged out.
    const stayedAt = Date.now();
    await tick(stayedAt + 3 * 3600_000 + 1000);

    expect(await screen.findByText('U bent uitgelogd wegens inactiviteit')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/inloggen');
    expect(api.calls('POST /api/werkplek/auth/logout')).toHaveLength(1);
  });

  it('"Uitloggen" in the warning logs out at once', async () => {
    useFakeClock();
    const start = new Date('2025-03-05T08:00:00Z').getTime();
    vi.setSystemTime(start);
    const api = mockApi({
      'GET /api/werkplek/auth/session': () => json(sessionFixture({}, Date.now())),
      'POST /api/werkplek/auth/logout': json({ status: 'ok' }),
    });
    renderRoute('/werkplek/dashboard');
    await screen.findByRole('heading', { level: 1, name: 'Welkom, Jeroen de Vries' });

    await tick(start + (2 * 60 + 56) * 60_000);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Uitloggen' }));

    expect(await screen.findByText('Je bent uitgelogd')).toBeTruthy();
    expect(api.calls('POST /api/werkplek/auth/logout')).toHaveLength(1);
  });

  it('navigating asks the server; a session it ended shows the login page with the notice', async () => {
    let alive = true;
    mockApi({ 'GET /api/werkplek/auth/session': () => (alive ? json(sessionFixture()) : notLoggedIn) });
    const { router } = renderRoute('/werkplek/dashboard');
    await screen.findByRole('heading', { level: 1, name: 'Welkom, Jeroen de Vries' });

    alive = false;
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).getByRole('link', { name: 'Berichten' }));

    expect(await screen.findByText('U bent uitgelogd wegens inactiviteit')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/inloggen');
  });
});
