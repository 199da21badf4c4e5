import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, notLoggedIn } from '../test/mock-api';
import { renderRoute } from '../test/render';

describe('routes', () => {
  it('shows the three faces on the landing page', async () => {
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welkom bij Keten' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Naar de Werkplek/ }).getAttribute('href')).toBe('/werkplek');
    expect(screen.getByRole('link', { name: /Naar Mijn Keten/ }).getAttribute('href')).toBe('/mijn');
    expect(screen.getByRole('link', { name: /Naar het Verwijzersportaal/ }).getAttribute('href')).toBe('/verwijzer');
  });

  it.each([
    ['/werkplek', '/werkplek/inloggen'],
    ['/mijn', '/mijn/inloggen'],
    ['/verwijzer', '/verwijzer/inloggen'],
  ])('sends %s to its login page', async (from, to) => {
    mockApi({ 'GET /api/werkplek/auth/session': notLoggedIn });
    const { router } = renderRoute(from);
    await screen.findByRole('heading', { level: 1 });
    expect(router.state.location.pathname).toBe(to);
  });

  it('links the patient login buttons to the national login providers', async () => {
    renderRoute('/mijn/inloggen');
    for (const [name, provider] of [
      ['Inloggen met DigiD', 'digid'],
      ['Inloggen met itsme', 'itsme'],
      ['Inloggen met eID', 'eid'],
    ]) {
      expect((await screen.findByRole('link', { name })).getAttribute('href')).toBe(`/api/mijn/auth/login?provider=${provider}`);
    }
  });

  it('links the referrer login to the UZI certificate login', async () => {
    renderRoute('/verwijzer/inloggen');
    expect(await screen.findByRole('heading', { level: 2, name: 'Inloggen met UZI-pas of Zorg-ID' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Inloggen met UZI-pas' }).getAttribute('href')).toBe('/api/verwijzer/auth/login');
  });

  it.each(['/bestaat-niet', '/werkplek/bestaat-niet', '/mijn/x/y'])('shows "Pagina niet gevonden" for %s', async (path) => {
    mockApi({ 'GET /api/werkplek/auth/session': notLoggedIn });
    renderRoute(path);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeTruthy();
  });
});
