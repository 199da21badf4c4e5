import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';
import type { ResultSignal } from './results-api';

const pieter = { patientId: '3', patientDisplayId: 'P0000000003', patientName: 'Pieter Bakker', birthDate: '1948-11-23' };
const results: ResultSignal[] = [
  {
    id: 'document:7',
    ...pieter,
    kind: 'microbiology',
    what: { nl: 'Sputumkweek', en: 'Sputumkweek' },
    createdAt: '2026-11-28T10:00:00.000Z',
  },
  {
    id: 'measurement:12',
    ...pieter,
    kind: 'measurement',
    what: { nl: 'CRP', en: 'CRP' },
    createdAt: '2026-11-28T06:30:00.000Z',
  },
];

describe('Signalen: Uitslagen', { timeout: 15_000 }, () => {
  it('lists the new results per patient (what and when, no values), opens Monitoring, and "Gezien" clears them', async () => {
    let seen = false;
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/messages/unread-count': json({ unread: 0 }),
      'GET /api/werkplek/signals/count': () => json({ total: 0, referrals: 0, messages: 0, results: seen ? 0 : 2 }),
      'GET /api/werkplek/signals': () =>
        json({
          total: 0,
          referrals: 0,
          messages: 0,
          referralItems: [],
          results: seen ? 0 : 2,
          resultItems: seen ? [] : results,
        }),
      'POST /api/werkplek/signals/results/seen': () => {
        seen = true;
        return json({ seenAt: '2026-11-29T09:00:00.000Z', results: 0 });
      },
    });
    renderRoute('/werkplek/signalen');
    const section = await screen.findByRole('region', { name: 'Uitslagen' });
    const link = await within(section).findByRole('link', { name: 'Pieter Bakker' });
    expect(link.getAttribute('href')).toBe('/werkplek/patienten/3/monitoring');
    expect(within(section).getByText('Sputumkweek')).toBeTruthy();
    expect(within(section).getByText('CRP')).toBeTruthy();
    expect(within(section).getByText(/Microbiologie/)).toBeTruthy();
    expect(within(section).getByTestId('signals-results-count').textContent).toBe('2');

    fireEvent.click(within(section).getByRole('button', { name: 'Gezien' }));
    expect(await within(section).findByText('Geen nieuwe uitslagen.')).toBeTruthy();
    await waitFor(() => expect(within(section).getByTestId('signals-results-count').textContent).toBe('0'));
    expect(api.calls('POST /api/werkplek/signals/results/seen')).toHaveLength(1);
  });
});
