import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';
import type { BillableActivity, InvoiceSummary } from './zio-api';

const activity: BillableActivity = {
  entryId: '41',
  patientId: '7',
  formKey: 'jaarcontrole-dm2',
  performedOn: '2026-03-12',
  performanceCode: 'KZ-DM2-JC',
  description: { nl: 'Ketenzorg DM2: jaarcontrole', en: 'Chain care DM2: annual check' },
  units: 1,
  amountCents: 123456,
  patient: { name: 'A.M. de Jong', birthDate: '1961-03-12', bsnMasked: '******782' },
};

function fakeZioServer() {
  const invoices: InvoiceSummary[] = [];
  let billed = false;
  return mockApi({
    'GET /api/werkplek/auth/session': json(sessionFixture()),
    'GET /api/werkplek/zio/invoices': () => json({ invoices }),
    'GET /api/werkplek/zio/billable': ({ query }) =>
      json({
        from: query.get('from'),
        to: query.get('to'),
        activities: billed ? [] : [activity],
        totalCents: billed ? 0 : activity.amountCents,
      }),
    'POST /api/werkplek/zio/invoices': ({ body }) => {
      if (billed) return problem(409, { code: 'nothing-to-bill', title: 'Niets te factureren' });
      billed = true;
      const period = body as { from: string; to: string };
      const invoice: InvoiceSummary = {
        id: '1',
        number: '2026-0001',
        periodFrom: period.from,
        periodTo: period.to,
        state: 'final',
        totalCents: activity.amountCents,
        createdAt: '2026-11-29T09:00:00Z',
      };
      invoices.unshift(invoice);
      return json({ ...invoice, lineCount: 1 }, 201);
    },
    'GET /api/werkplek/zio/invoices/1/pdf': {
      status: 200,
      body: '%PDF-1.3',
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="factuur-2026-0001.pdf"' },
    },
  });
}

afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

describe('ZIO dashboard', () => {
  it('shows the billable activities of a period first, then creates the invoice and offers its PDF', async () => {
    const server = fakeZioServer();
    renderRoute('/werkplek/zio-dashboard');

    expect(await screen.findByRole('heading', { level: 1, name: 'ZIO dashboard' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Facturen' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Declaraties' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Audit' })).toBeTruthy();
    expect(await screen.findByText('Er zijn nog geen facturen.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '01-01-2026' } });
    fireEvent.change(screen.getByLabelText('Tot en met'), { target: { value: '31-03-2026' } });
    expect(screen.queryByRole('button', { name: 'Factuur aanmaken' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Declarabele activiteiten tonen' }));

    const table = await screen.findByRole('table', { name: 'Declarabele activiteiten' });
    const row = within(table).getByText('A.M. de Jong').closest('tr') as HTMLElement;
    expect(within(row).getByText('12-03-2026')).toBeTruthy();
    expect(within(row).getByText('******782')).toBeTruthy();
    expect(within(row).getByText('KZ-DM2-JC')).toBeTruthy();
    expect(within(row).getByText(/€\s1\.234,56/)).toBeTruthy();
    expect(server.calls('GET /api/werkplek/zio/billable')[0]?.query.get('from')).toBe('2026-01-01');

    fireEvent.click(screen.getByRole('button', { name: 'Factuur aanmaken' }));
    expect(await screen.findByText('Factuur 2026-0001 is aangemaakt')).toBeTruthy();
    expect(server.calls('POST /api/werkplek/zio/invoices')[0]?.body).toEqual({ from: '2026-01-01', to: '2026-03-31' });

    const invoices = await screen.findByRole('table', { name: 'Facturen, nieuwste eerst' });
    expect(within(invoices).getByText('2026-0001')).toBeTruthy();
    await waitFor(() =>
      expect(
        screen.getByText('Er zijn in deze periode geen declarabele activiteiten die nog niet gefactureerd zijn.'),
      ).toBeTruthy(),
    );

    const createObjectURL = vi.fn(() => 'blob:factuur');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    fireEvent.click(within(invoices).getByRole('button', { name: 'Factuur 2026-0001 downloaden (PDF)' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(server.calls('GET /api/werkplek/zio/invoices/1/pdf')).toHaveLength(1);
  });

  it('checks the period before asking the server', async () => {
    const server = fakeZioServer();
    renderRoute('/werkplek/zio-dashboard');
    await screen.findByRole('heading', { level: 1, name: 'ZIO dashboard' });
    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '31-03-2026' } });
    fireEvent.change(screen.getByLabelText('Tot en met'), { target: { value: '01-01-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Declarabele activiteiten tonen' }));
    expect(await screen.findByText('De einddatum ligt voor de begindatum.')).toBeTruthy();
    expect(server.calls('GET /api/werkplek/zio/billable')).toHaveLength(0);
  });

  it('exports the declaration of a period and links to the practice audit', async () => {
    const server = fakeZioServer();
    const declaration = vi.fn(() => ({
      status: 200,
      body: 'agb_zorgaanbieder;factuurnummer\r\n',
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="declaratie.csv"' },
    }));
    server.spy.mockRestore();
    const withDeclaration = mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/zio/invoices': json({ invoices: [] }),
      'GET /api/werkplek/zio/declarations.csv': declaration,
    });
    const createObjectURL = vi.fn(() => 'blob:declaratie');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    renderRoute('/werkplek/zio-dashboard');
    fireEvent.click(await screen.findByRole('tab', { name: 'Declaraties' }));
    fireEvent.change(await screen.findByLabelText('Van'), { target: { value: '01-01-2026' } });
    fireEvent.change(screen.getByLabelText('Tot en met'), { target: { value: '30-06-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Declaratie exporteren (CSV)' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(withDeclaration.calls('GET /api/werkplek/zio/declarations.csv')[0]?.query.get('to')).toBe('2026-06-30');

    fireEvent.click(screen.getByRole('tab', { name: 'Audit' }));
    expect((await screen.findByRole('link', { name: 'Naar de auditgegevens van je praktijk' })).getAttribute('href')).toBe(
      '/werkplek/audit',
    );
  });
});
