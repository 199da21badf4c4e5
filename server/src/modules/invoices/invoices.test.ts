import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from '../../test/cookie-jar.js';
import { testEngines } from '../../test/database.js';
import { createDemoApp } from '../../test/demo-app.js';
import { euro } from './format.js';

type DemoApp = Awaited<ReturnType<typeof createDemoApp>>;

/** Text of a PDF as poppler's pdftotext reads it (layout kept, so a table row stays on one line). */
function pdfToText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keten-invoice-'));
  const file = path.join(dir, 'invoice.pdf');
  writeFileSync(file, pdf);
  if (process.env.KEEP_INVOICE_PDF) writeFileSync(process.env.KEEP_INVOICE_PDF, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe.each(testEngines)('ZIO dashboard: invoices and declarations (%s)', (engine) => {
  let subject: DemoApp;
  let beheer: CookieJar;
  const period = { from: '2026-01-01', to: '2026-11-29' };

  beforeAll(async () => {
    subject = await createDemoApp(engine, 10);
    beheer = await subject.login('beheer.hapz');
  }, 120_000);
  afterAll(() => subject.close());

  const get = (url: string, jar: CookieJar) => subject.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
  const post = (url: string, jar: CookieJar, payload: object) =>
    subject.app.inject({ method: 'POST', url, payload, headers: { cookie: jar.header() } });

  /** Counted independently of the module: HAPZ entries in the period whose form key has a gp-practice tariff. */
  async function expectedBillable(): Promise<{ count: number; total: number }> {
    const result = await sql<{ count: string; total: string | null }>`
      select count(*) as count, sum(t.unit_amount_cents * t.units) as total
      from form_entry e
      join organisation o on o.id = e.organisation_id
      join tariff t on t.organisation_type = 'gp-practice' and e.form_key = any (t.form_keys)
      where o.abbreviation = 'HAPZ'
        and (e.published_at at time zone 'Europe/Amsterdam')::date between ${period.from}::date and ${period.to}::date`.execute(
      subject.database.db,
    );
    return { count: Number(result.rows[0]?.count ?? 0), total: Number(result.rows[0]?.total ?? 0) };
  }

  it('lists the billable activities of the published demo entries with tariffs, BSN masked', async () => {
    const expected = await expectedBillable();
    expect(expected.count).toBeGreaterThan(0);
    const response = await get(`/api/werkplek/zio/billable?from=${period.from}&to=${period.to}`, beheer);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.activities).toHaveLength(expected.count);
    expect(body.totalCents).toBe(expected.total);
    const codes = new Set(body.activities.map((activity: { performanceCode: string }) => activity.performanceCode));
    expect(
      [...codes].every((code) => ['KZ-DM2-CONS', 'KZ-DM2-JC', 'KZ-CVRM-CONS', 'KZ-COPD-CONS', '13012'].includes(code as string)),
    ).toBe(true);
    for (const activity of body.activities) {
      expect(activity.patient.bsnMasked === null || /^\*+\d{3}$/.test(activity.patient.bsnMasked)).toBe(true);
    }
  });

  it('creates a numbered final invoice once; the same period again has nothing to bill', async () => {
    const expected = await expectedBillable();
    const created = await post('/api/werkplek/zio/invoices', beheer, period);
    expect(created.statusCode).toBe(201);
    const invoice = created.json();
    expect(invoice.number).toBe('2026-0001');
    expect(invoice.state).toBe('final');
    expect(invoice.lineCount).toBe(expected.count);
    expect(invoice.totalCents).toBe(expected.total);

    const again = await post('/api/werkplek/zio/invoices', beheer, period);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('nothing-to-bill');
    const left = (await get(`/api/werkplek/zio/billable?from=${period.from}&to=${period.to}`, beheer)).json();
    expect(left.activities).toHaveLength(0);

    const list = (await get('/api/werkplek/zio/invoices', beheer)).json();
    expect(list.invoices.map((row: { number: string }) => row.number)).toEqual(['2026-0001']);

    // The database refuses a second final line for an entry, whatever the code does.
    const line = await subject.database.db.selectFrom('invoice_line').selectAll().executeTakeFirstOrThrow();
    const { id: _id, ...copy } = line;
    await expect(subject.database.db.insertInto('invoice_line').values(copy).execute()).rejects.toThrow();
  });

  it('renders the invoice PDF: number, organisation, debtor, a patient line, the total, page numbers', async () => {
    const invoice = (await get('/api/werkplek/zio/invoices', beheer)).json().invoices[0];
    const response = await get(`/api/werkplek/zio/invoices/${invoice.id}/pdf`, beheer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('factuur-2026-0001.pdf');
    const text = pdfToText(response.rawPayload);
    expect(text).toContain('Factuur');
    expect(text).toContain('2026-0001');
    expect(text).toContain('Huisartsenpraktijk Zonnehof');
    expect(text).toContain('AGB-code 01059001');
    expect(text).toContain('Zorggroep Dommelstreek');
    expect(text).toContain('01-01-2026 t/m 29-11-2026');
    expect(text).toMatch(/pagina 1 van \d+/);

    // One line, as the database has it: date, initials + family name, birth date, code, amount.
    const line = await subject.database.db
      .selectFrom('invoice_line as l')
      .innerJoin('patient as p', 'p.id', 'l.patient_id')
      .select([
        'l.performed_on',
        'l.performance_code',
        'l.amount_cents',
        'p.initials',
        'p.family_name_prefix',
        'p.family_name',
        'p.birth_date',
      ])
      .where('l.invoice_id', '=', invoice.id)
      .orderBy('l.performed_on')
      .orderBy('p.family_name')
      .orderBy('l.id')
      .executeTakeFirstOrThrow();
    const dmy = (iso: string) => iso.split('-').reverse().join('-');
    const row = text
      .split('\n')
      .find((candidate) => candidate.includes(dmy(line.performed_on)) && candidate.includes(line.family_name));
    expect(row, text).toBeDefined();
    expect(row).toContain(dmy(line.birth_date));
    expect(row).toContain(line.performance_code);
    expect(row).toContain(euro(line.amount_cents));
    expect(text).toMatch(new RegExp(`Totaal\\s+${euro(invoice.totalCents).replaceAll('.', '\\.')}`));
  });

  it('exports the declaration with AGB and full BSN, one line per performance', async () => {
    const response = await get(`/api/werkplek/zio/declarations.csv?from=${period.from}&to=${period.to}`, beheer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'agb_zorgaanbieder;factuurnummer;regelnummer;bsn;geboortedatum;prestatiecode;datum_prestatie;aantal;bedrag_cent',
    );
    const invoice = (await get('/api/werkplek/zio/invoices', beheer)).json().invoices[0];
    expect(lines).toHaveLength(1 + (await subject.database.db.selectFrom('invoice_line').select('id').execute()).length);
    const fields = lines[1]?.split(';') ?? [];
    expect(fields[0]).toBe('01059001');
    expect(fields[1]).toBe(invoice.number);
    expect(fields[3]).toMatch(/^\d{9}$/);
    expect(fields[4]).toMatch(/^\d{8}$/);
  });

  it('audits each look as one event naming the patients; export is an export', async () => {
    const events = await subject.database.db
      .selectFrom('audit_event')
      .select(['action', 'object_type', 'details', 'reason'])
      .where('object_type', 'in', ['invoice', 'billable-activities', 'declaration'])
      .orderBy('id')
      .execute();
    const kinds = events.map((event) => `${event.action}:${event.object_type}`);
    expect(kinds).toEqual(
      expect.arrayContaining(['read:billable-activities', 'create:invoice', 'print:invoice', 'export:declaration']),
    );
    const create = events.find((event) => event.action === 'create');
    expect(create?.reason).toBe('zio-dashboard');
    expect((create?.details as { patientIds?: string[] } | undefined)?.patientIds ?? []).not.toHaveLength(0);
  });

  it('is not there for other organisations or roles without the function', async () => {
    const invoice = (await get('/api/werkplek/zio/invoices', beheer)).json().invoices[0];
    const other = await subject.login('huisarts.hapb');
    expect((await get(`/api/werkplek/zio/invoices/${invoice.id}/pdf`, other)).statusCode).toBe(404);
    expect((await get('/api/werkplek/zio/invoices', other)).json().invoices).toEqual([]);
    const poh = await subject.login('poh.hapz');
    expect((await get('/api/werkplek/zio/invoices', poh)).statusCode).toBe(404);
    expect((await get(`/api/werkplek/zio/billable?from=${period.from}&to=${period.to}`, poh)).statusCode).toBe(404);
  });
});
