import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../../../../test/mock-api';
import { renderRoute } from '../../../../test/render';
import type { Activities, Task } from '../../../forms/tasks-api';
import { sessionFixture } from '../../../session-fixture';
import { annaCard } from '../../patient-fixtures';

const base = {
  'GET /api/werkplek/auth/session': json(sessionFixture()),
  'GET /api/werkplek/patients/1': json({ status: 'open', card: annaCard }),
};

function task(formKey: string, nl: string, overrides: Partial<Task> = {}): Task {
  return {
    formKey,
    version: 1,
    title: { nl, en: `${nl} (en)` },
    active: true,
    unmet: [],
    usedOnce: false,
    draft: null,
    ...overrides,
  };
}

const activities: Activities = {
  groups: [
    {
      programme: 'DM2',
      trajectory: { id: '5', startedOn: '2023-03-12', organisationName: 'Huisartsenpraktijk Zonnehof' },
      tasks: [
        task('consult-poh-dm2', 'Consult POH/huisarts', { draft: { savedAt: '2025-03-05T13:32:00Z' } }),
        task('jaarcontrole-dm2', 'Jaarcontrole DM2'),
        task('dagcurve', 'Dagcurve', {
          active: false,
          unmet: [
            { kind: 'trajectory-recorded', text: { nl: 'Vereist dat DM2 is vastgelegd', en: 'Requires DM2 recorded' } },
            { kind: 'referral-received', text: { nl: 'Alleen na een verwijzing', en: 'Only after a referral' } },
          ],
        }),
      ],
    },
    {
      programme: null,
      trajectory: null,
      tasks: [task('start-traject-dm2', 'Start traject DM2', { usedOnce: true })],
    },
  ],
};

describe('Activiteiten', { timeout: 15_000 }, () => {
  it('groups the tasks per trajectory with their start date, "Algemeen" for the rest', async () => {
    mockApi({ ...base, 'GET /api/werkplek/patients/1/activities': json(activities) });
    renderRoute('/werkplek/patienten/1');

    const dm2 = await screen.findByRole('region', { name: 'Ketenzorg DM2 (sinds 12-03-2023)' });
    expect(within(dm2).getByText('Traject bij Huisartsenpraktijk Zonnehof')).toBeTruthy();
    expect(within(dm2).getAllByRole('listitem')).toHaveLength(3);
    const general = screen.getByRole('region', { name: 'Algemeen' });
    expect(within(general).getByRole('button', { name: /Start traject DM2/ })).toBeTruthy();
  });

  it('opens a task; a task with a draft says "Concept"', async () => {
    mockApi({ ...base, 'GET /api/werkplek/patients/1/activities': json(activities) });
    const { router } = renderRoute('/werkplek/patienten/1');

    const consult = await screen.findByRole('link', { name: 'Consult POH/huisarts, Concept' });
    expect(screen.getByRole('link', { name: 'Jaarcontrole DM2' })).toBeTruthy();
    fireEvent.click(consult);
    await waitFor(() => expect(router.state.location.pathname).toBe('/werkplek/patienten/1/taak/consult-poh-dm2'));
  });

  it('an inactive task stays focusable, does nothing, and shows its criteria on focus and to screen readers', async () => {
    mockApi({ ...base, 'GET /api/werkplek/patients/1/activities': json(activities) });
    const { router } = renderRoute('/werkplek/patienten/1');

    const dagcurve = await screen.findByRole('button', { name: 'Dagcurve' });
    expect(dagcurve.getAttribute('aria-disabled')).toBe('true');
    expect(dagcurve.hasAttribute('disabled')).toBe(false);
    // The criteria belong to the button's description.
    const description = document.getElementById(dagcurve.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
    expect(description?.textContent).toContain('Vereist dat DM2 is vastgelegd');
    expect(description?.textContent).toContain('Alleen na een verwijzing');

    dagcurve.focus();
    fireEvent.focus(dagcurve);
    const tooltip = await screen.findByRole('tooltip');
    expect(within(tooltip).getByText('Vereist dat DM2 is vastgelegd')).toBeTruthy();
    expect(within(tooltip).getByText('Nog niet aan de criteria voldaan:')).toBeTruthy();

    fireEvent.click(dagcurve);
    expect(router.state.location.pathname).toBe('/werkplek/patienten/1');
  });

  it('a once-only task that was done is disabled with "Al eenmaal vastgelegd"', async () => {
    mockApi({ ...base, 'GET /api/werkplek/patients/1/activities': json(activities) });
    renderRoute('/werkplek/patienten/1');

    const start = await screen.findByRole('button', { name: 'Start traject DM2' });
    expect(start.getAttribute('aria-disabled')).toBe('true');
    const description = document.getElementById(start.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
    expect(description?.textContent).toBe('Al eenmaal vastgelegd');
    fireEvent.mouseEnter(start);
    expect(within(await screen.findByRole('tooltip')).getByText('Al eenmaal vastgelegd')).toBeTruthy();
  });

  it('says so when the role can start no task', async () => {
    mockApi({ ...base, 'GET /api/werkplek/patients/1/activities': json({ groups: [] }) });
    renderRoute('/werkplek/patienten/1');
    expect(await screen.findByText('Er zijn geen taken die je met je rol voor deze patiënt kunt starten.')).toBeTruthy();
  });
});
