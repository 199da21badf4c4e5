import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, type MockRequest, mockApi, problem } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';
import type { Directory, ThreadSummary } from './messages-api';

const threads: ThreadSummary[] = [
  {
    id: '7',
    kind: 'personal',
    subject: 'HbA1c herhalen',
    aboutPatient: true,
    createdAt: '2026-11-28T09:00:00Z',
    lastMessageAt: '2026-11-29T08:15:00Z',
    unread: true,
    archived: false,
    lastAuthor: 'Marieke Jansen',
    preview: '',
    participants: ['Marieke Jansen'],
    messageCount: 2,
  },
  {
    id: '5',
    kind: 'consultation',
    subject: 'Intervisie POH-GGZ',
    aboutPatient: false,
    createdAt: '2026-11-20T09:00:00Z',
    lastMessageAt: '2026-11-21T10:00:00Z',
    unread: false,
    archived: false,
    lastAuthor: 'Sevda Kaya',
    preview: 'Wie heeft er ruimte in januari?',
    participants: ['Sevda Kaya', 'Ilse Wouters'],
    messageCount: 1,
  },
];

const directory: Directory = {
  accounts: [
    {
      accountId: '21',
      name: 'Femke Kuipers',
      username: 'dietist.vitaal',
      role: { code: 'dietist', nl: 'Diëtist', en: 'Dietitian' },
      organisation: { id: '9', name: 'Diëtistenpraktijk Vitaal' },
    },
    {
      accountId: '3',
      name: 'Marieke Jansen',
      username: 'poh.hapz',
      role: { code: 'poh-somatiek', nl: 'POH-somatiek', en: 'Practice nurse' },
      organisation: { id: '1', name: 'Huisartsenpraktijk Zonnehof' },
    },
  ],
  groups: {
    roles: [{ code: 'poh-ggz', nl: 'POH-GGZ', en: 'Mental health practice nurse', members: 3 }],
    organisations: [{ id: '9', name: 'Diëtistenpraktijk Vitaal', members: 1 }],
  },
};

describe('Berichten', { timeout: 15_000 }, () => {
  it('the inbox lists threads newest first, unread in bold and marked, with no patient data in the list', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/messages': json({ threads }),
      'GET /api/werkplek/messages/unread-count': json({ unread: 1 }),
    });
    renderRoute('/werkplek/berichten');

    expect(await screen.findByRole('heading', { level: 1, name: 'Berichten' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Berichten' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const unread = within(rows[0] as HTMLElement).getByRole('link', { name: 'HbA1c herhalen' });
    expect(unread.style.fontWeight).toBe('700');
    expect(within(rows[0] as HTMLElement).getByText('Ongelezen')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Over een patiënt')).toBeTruthy();
    const read = within(rows[1] as HTMLElement).getByRole('link', { name: 'Intervisie POH-GGZ' });
    expect(read.style.fontWeight).toBe('400');
    expect(within(rows[1] as HTMLElement).getByText('Consultatie')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Wie heeft er ruimte in januari?')).toBeTruthy();
    // The unread count shows as a badge on Berichten in the menu.
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    await waitFor(() => expect(within(menu).getByRole('link', { name: /Berichten/ }).textContent).toContain('1'));
  });

  it('new message: picks a provider found by organisation and a group, sends, and names a refused recipient', async () => {
    let attempt = 0;
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/messages/unread-count': json({ unread: 0 }),
      'GET /api/werkplek/messages/directory': ({ query }: MockRequest) =>
        json({
          ...directory,
          accounts: directory.accounts.filter((entry) =>
            `${entry.name} ${entry.organisation.name}`.toLowerCase().includes((query.get('query') ?? '').toLowerCase()),
          ),
        }),
      'POST /api/werkplek/messages': () => {
        attempt++;
        return attempt === 1
          ? problem(422, {
              code: 'recipient-without-access',
              title: 'Niet alle ontvangers mogen deze patiënt zien',
              errors: [
                {
                  field: 'recipients',
                  message:
                    'Aan: een bericht over deze patiënt kan niet naar Femke Kuipers (Diëtistenpraktijk Vitaal), want zij hebben geen toegang tot deze patiënt.',
                },
              ],
            })
          : json({ threadId: '12', recipients: 4 }, 201);
      },
      'GET /api/werkplek/messages/12': json({
        id: '12',
        kind: 'consultation',
        subject: 'Voedingsadvies',
        createdAt: '2026-11-29T09:00:00Z',
        archived: false,
        patient: null,
        participants: [],
        messages: [],
      }),
    });
    renderRoute('/werkplek/berichten/nieuw');

    const form = await screen.findByRole('form', { name: 'Nieuw bericht' });
    fireEvent.click(within(form).getByRole('button', { name: 'Versturen' }));
    expect(await within(form).findByText('Aan: kies minstens één ontvanger of groep.')).toBeTruthy();
    expect(within(form).getByText('Onderwerp: vul een onderwerp in.')).toBeTruthy();
    expect(api.calls('POST /api/werkplek/messages')).toHaveLength(0);

    fireEvent.change(within(form).getByRole('textbox', { name: /^Aan/ }), { target: { value: 'vitaal' } });
    fireEvent.click(await within(form).findByRole('button', { name: 'Femke Kuipers toevoegen' }));
    expect(within(form).getByRole('list', { name: 'Gekozen ontvangers' }).textContent).toContain('Femke Kuipers');

    fireEvent.click(within(form).getByRole('combobox', { name: 'Kies een groep' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Alle POH-GGZ in de regio (3)', hidden: true }));
    expect(within(form).getByRole('list', { name: 'Gekozen ontvangers' }).textContent).toContain('Alle POH-GGZ in de regio (3)');

    fireEvent.change(within(form).getByRole('textbox', { name: /^Onderwerp/ }), { target: { value: 'Voedingsadvies' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Bericht/ }), { target: { value: 'Graag jullie advies.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Versturen' }));

    expect(await within(form).findByText(/kan niet naar Femke Kuipers/)).toBeTruthy();
    expect(api.calls('POST /api/werkplek/messages')[0]?.body).toEqual({
      subject: 'Voedingsadvies',
      body: 'Graag jullie advies.',
      recipients: ['21'],
      groups: [{ type: 'role', role: 'poh-ggz' }],
      patientId: null,
      attachmentIds: [],
    });

    fireEvent.click(within(form).getByRole('button', { name: 'Femke Kuipers weghalen' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Versturen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Voedingsadvies' })).toBeTruthy();
    expect(api.calls('POST /api/werkplek/messages')[1]?.body).toMatchObject({
      recipients: [],
      groups: [{ type: 'role', role: 'poh-ggz' }],
    });
  });
});
