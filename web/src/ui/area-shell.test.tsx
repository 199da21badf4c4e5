import { render, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../app/providers';
import { werkplekNavigation } from '../werkplek/navigation';
import { AreaShell } from './area-shell';

// What the server gives a GP (server/src/access/role-functions.ts).
const huisartsFunctions = [
  'dashboard',
  'patient-search',
  'signals',
  'messages',
  'reports',
  'patient-add',
  'helpdesk',
  'settings',
  'zio-dashboard',
  'audit-practice',
];

function WerkplekWithMenu() {
  const { t } = useTranslation();
  return (
    <AreaShell face="werkplek" navItems={werkplekNavigation(t, huisartsFunctions, { signals: 3 })}>
      <h1>Dashboard</h1>
    </AreaShell>
  );
}

describe('AreaShell', () => {
  it('shows the Werkplek menu in the order of the manual, with the signal count', async () => {
    const router = createMemoryRouter([{ path: '*', element: <WerkplekWithMenu /> }], {
      initialEntries: ['/werkplek/dashboard'],
    });
    render(
      <AppProviders queryClient={createQueryClient()}>
        <RouterProvider router={router} />
      </AppProviders>,
    );

    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    const labels = Array.from(nav.querySelectorAll('a')).map((a) => a.textContent);
    expect(labels).toEqual([
      'Dashboard',
      'Patiënt zoeken',
      'Signalen3',
      'Berichten',
      'Rapportages',
      'Patiënt toevoegen',
      'Helpdesk',
      'ZIO dashboard',
      'Audit',
      'Startpagina',
      'Werkplek',
      'Mijn Keten',
      'Verwijzersportaal',
    ]);
    expect(screen.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'Menu openen' }).getAttribute('aria-expanded')).toBe('false');
  });
});
