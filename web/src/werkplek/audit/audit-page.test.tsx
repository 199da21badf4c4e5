import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, type MockRequest, mockApi } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { platformAdminFixture, sessionFixture } from '../session-fixture';
import type { AuditEvent } from './audit-api';

const loginEvent: AuditEvent = {
  id: '4',
  occurredAt: '2025-02-03T07:05:00Z',
  actorType: 'provider',
  actorId: '1',
  actorName: 'Jeroen de Vries',
  actorRole: 'huisarts',
  actorOrganisationName: 'Huisartsenpraktijk Zonnehof',
  patientId: null,
  listedPatientCount: null,
  action: 'login',
  objectType: null,
  objectId: null,
  outcome: 'success',
  reason: 'password+email-code',
  ip: '127.0.0.1',
};

function fakeAuditServer(session = platformAdminFixture()) {
  return mockApi({
    'GET /api/werkplek/auth/session': json(session),
    'GET /api/werkplek/audit': ({ query }: MockRequest) =>
      json({
        scope: session.navigation.includes('audit-platform') ? 'platform' : 'practice',
        page: Number(query.get('page') ?? 1),
        pageSize: 50,
        hasMore: query.get('page') === '1' || !query.get('page'),
        events: [
          loginEvent,
          { ...loginEvent, id: '3', action: 'login-failed', outcome: 'failure', reason: 'wrong-code' },
          { ...loginEvent, id: '2', action: 'search', objectType: 'patient-search-result', listedPatientCount: 25, reason: null },
          {
            ...loginEvent,
            id: '1',
            action: 'search',
            objectType: 'patient-search-result',
            patientId: '42',
            listedPatientCount: 1,
          },
        ],
      }),
    'GET /api/werkplek/audit.csv': {
      status: 200,
      body: '\ufeffNummer;Tijdstip\r\n4;03-02-2025 08:05:00\r\n',
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="keten-auditlog.csv"' },
    },
  });
}

afterEach(() => {
  // jsdom has no object URLs; the export test lends them.
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

describe('Audit', () => {
  it('shows the events in a table with Amsterdam times and words for the codes', async () => {
    fakeAuditServer();
    renderRoute('/werkplek/audit');

    const table = await screen.findByRole('table', { name: 'Gebeurtenissen, nieuwste eerst' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual([
      'Tijdstip',
      'Gebruiker',
      'Rol',
      'Organisatie',
      'Patiënt',
      'Actie',
      'Object',
      'Uitkomst',
      'Reden',
      'IP',
    ]);
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(within(first as HTMLElement).getByText('03-02-2025 08:05')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('Inloggen')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('Huisarts')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('Gelukt')).toBeTruthy();
    expect(within(second as HTMLElement).getByText('Inloggen mislukt')).toBeTruthy();
    expect(within(second as HTMLElement).getByText('Mislukt')).toBeTruthy();
    // A page of search results shows no single patient but how many were shown; one shown patient by id.
    const [, , listing, single] = within(table).getAllByRole('row').slice(1);
    expect(within(listing as HTMLElement).getByText('in zoekresultaat (25 patiënten)')).toBeTruthy();
    expect(within(listing as HTMLElement).getByText('Zoekresultaat')).toBeTruthy();
    expect(within(single as HTMLElement).getByText('42')).toBeTruthy();
    expect(within(single as HTMLElement).queryByText(/in zoekresultaat/)).toBeNull();
    expect(screen.getByText(/Alle gebeurtenissen in het logboek van het platform/)).toBeTruthy();
  });

  it('turns the filters into the query string: ids, dd-mm-jjjj dates as ISO, the action, page 1', async () => {
    const api = fakeAuditServer();
    const { router } = renderRoute('/werkplek/audit');
    await screen.findByRole('table');

    fireEvent.change(screen.getByRole('textbox', { name: 'Patiënt-id' }), { target: { value: '42' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Gebruiker-id' }), { target: { value: '7' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Organisatie-id' }), { target: { value: '2' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Van' }), { target: { value: '1-2-2025' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Tot en met' }), { target: { value: '28-02-2025' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Actie' }), { target: { value: 'login-failed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));

    await waitFor(() => expect(api.calls('GET /api/werkplek/audit')).toHaveLength(2));
    expect(api.calls('GET /api/werkplek/audit')[1]?.url).toBe(
      '/api/werkplek/audit?patientId=42&accountId=7&organisationId=2&from=2025-02-01&to=2025-02-28&action=login-failed&page=1',
    );
    // The page's own address holds the search, so reload and bookmarks keep it.
    expect(router.state.location.search).toBe(
      '?patientId=42&accountId=7&organisationId=2&from=2025-02-01&to=2025-02-28&action=login-failed',
    );
    expect((screen.getByRole('textbox', { name: 'Van' }) as HTMLInputElement).value).toBe('01-02-2025');

    // Paging keeps the filters.
    fireEvent.click(await screen.findByRole('button', { name: 'Volgende' }));
    await waitFor(() => expect(api.calls('GET /api/werkplek/audit').at(-1)?.query.get('page')).toBe('2'));
    expect(api.calls('GET /api/werkplek/audit').at(-1)?.query.get('patientId')).toBe('42');
    expect(await screen.findByText('Pagina 2')).toBeTruthy();
  });

  it('refuses a date that is not dd-mm-jjjj, and a period that ends before it starts, without asking the server', async () => {
    const api = fakeAuditServer();
    renderRoute('/werkplek/audit');
    await screen.findByRole('table');

    fireEvent.change(screen.getByRole('textbox', { name: 'Van' }), { target: { value: '31-02-2025' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Patiënt-id' }), { target: { value: 'P42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(await screen.findByText('Vul een datum in als dd-mm-jjjj')).toBeTruthy();
    expect(screen.getByText('Vul alleen cijfers in')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'Patiënt-id' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Van' }), { target: { value: '10-02-2025' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Tot en met' }), { target: { value: '09-02-2025' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(await screen.findByText('"Tot en met" ligt vóór "Van"')).toBeTruthy();
    expect(api.calls('GET /api/werkplek/audit')).toHaveLength(1);
  });

  it('"Exporteer naar CSV" downloads the same search', async () => {
    const createObjectURL = vi.fn(() => 'blob:keten-audit');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = fakeAuditServer(sessionFixture());
    renderRoute('/werkplek/audit?patientId=42&from=2025-02-01');
    await screen.findByRole('table');
    // A GP practice: no organisation filter, its own accounts only.
    expect(screen.queryByRole('textbox', { name: 'Organisatie-id' })).toBeNull();
    expect(screen.getByText(/De gebeurtenissen van de accounts van je praktijk/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Exporteer naar CSV' }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.calls('GET /api/werkplek/audit.csv')[0]?.url).toBe('/api/werkplek/audit.csv?patientId=42&from=2025-02-01');
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('keten-auditlog.csv');
    expect(link.href).toBe('blob:keten-audit');
  });
});
