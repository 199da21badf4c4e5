import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../../audit/audit-test-database.js';
import { recordAuditEvents } from '../../audit/record.js';
import { verifyAuditChain } from '../../audit/verify.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { CookieJar } from '../../test/cookie-jar.js';
import { testEngines } from '../../test/database.js';
import { createAccount, createOrganisation, FIXTURE_PASSWORD } from '../../test/fixtures.js';

describe.each(testEngines)('audit views (%s)', (engine) => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp(engine);
    const db = subject.database.db;
    const north = await createOrganisation(db, { name: 'Huisartsenpraktijk Noord', abbreviation: 'HAPN' });
    const south = await createOrganisation(db, { name: 'Huisartsenpraktijk Zuid', abbreviation: 'HAPS' });
    const group = await createOrganisation(db, { name: 'Zorggroep Audit', abbreviation: 'ZGA', type: 'care-group' });
    await createAccount(db, {
      organisationId: north.id,
      username: 'beheer.hapn',
      role: 'praktijkbeheerder',
      gebruikersnummer: 1,
    });
    await createAccount(db, { organisationId: north.id, username: 'poh.hapn', role: 'poh-somatiek', gebruikersnummer: 2 });
    await createAccount(db, { organisationId: south.id, username: 'huisarts.haps', role: 'huisarts', gebruikersnummer: 1 });
    await createAccount(db, { organisationId: group.id, username: 'beheer.zga', role: 'platformbeheerder', gebruikersnummer: 1 });
  });
  afterAll(() => subject.close());

  async function loggedIn(username: string): Promise<CookieJar> {
    const jar = new CookieJar();
    const login = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/auth/login',
      payload: { username, password: FIXTURE_PASSWORD },
    });
    jar.store(login);
    const code = (await subject.mailbox()).find((mail) => mail.to === `${username}@keten.test`)?.text.match(/\b(\d{6})\b/)?.[1];
    const verify = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/auth/verify',
      payload: { code },
      headers: { cookie: jar.header() },
    });
    jar.store(verify);
    expect(verify.statusCode).toBe(200);
    return jar;
  }

  const get = (url: string, jar: CookieJar) => subject.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });

  it('shows a GP practice only the audit items of its own accounts', async () => {
    await loggedIn('huisarts.haps');
    await loggedIn('poh.hapn');
    const jar = await loggedIn('beheer.hapn');
    const response = await get('/api/werkplek/audit?action=login', jar);
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.scope).toBe('practice');
    const organisations = new Set(page.events.map((event: { actorOrganisationName: string }) => event.actorOrganisationName));
    expect(organisations).toEqual(new Set(['Huisartsenpraktijk Noord']));
    expect(page.events.map((event: { actorName: string }) => event.actorName)).toEqual(expect.arrayContaining(['Test poh.hapn']));
  });

  it('lets the platform administrator search everything and export it as CSV for Excel, and logs the looking', async () => {
    const jar = await loggedIn('beheer.zga');
    const page = (await get('/api/werkplek/audit?action=login', jar)).json();
    expect(page.scope).toBe('platform');
    const organisations = new Set(page.events.map((event: { actorOrganisationName: string }) => event.actorOrganisationName));
    expect(organisations).toEqual(new Set(['Huisartsenpraktijk Noord', 'Huisartsenpraktijk Zuid', 'Zorggroep Audit']));

    const csv = await get('/api/werkplek/audit.csv?action=login', jar);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('keten-auditlog.csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines.length).toBe(page.events.length + 1);
    expect(lines[0]).toContain(';');

    const looked = (await get('/api/werkplek/audit?action=export', jar)).json();
    expect(looked.events[0]).toMatchObject({ action: 'export', objectType: 'audit-log', actorName: 'Test beheer.zga' });
  });

  it('finds a patient in a search result list: no single patient, the number of patients shown, the ids in the CSV', async () => {
    const listing = sampleEvent({
      patientId: null,
      action: 'search',
      objectType: 'patient-search-result',
      objectId: null,
      details: { criteria: 'family-name', patientIds: ['9007', '9008'] },
      requestId: 'listing-9007-9008',
    });
    const read = sampleEvent({ patientId: '9007', objectId: '9007', requestId: 'read-9007' });
    await subject.database.db.transaction().execute((trx) => recordAuditEvents(trx, [listing, read]));
    const jar = await loggedIn('beheer.zga');

    const page = (await get('/api/werkplek/audit?patientId=9008&action=search', jar)).json();
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({
      patientId: null,
      listedPatientCount: 2,
      action: 'search',
      objectType: 'patient-search-result',
    });
    const both = (await get('/api/werkplek/audit?patientId=9007', jar)).json();
    expect(both.events.map((event: { listedPatientCount: number | null }) => event.listedPatientCount)).toEqual([null, 2]);
    expect((await get('/api/werkplek/audit?patientId=900', jar)).json().events).toEqual([]);

    const csv = (await get('/api/werkplek/audit.csv?patientId=9008&action=search', jar)).body;
    expect(csv).toContain(';search;patient-search-result;;success;');
    expect(csv).toContain('"{""criteria"":""family-name"",""patientIds"":[""9007"",""9008""]}"');
  });

  it('keeps one verifiable chain under 200 concurrent audited requests', async () => {
    const jar = await loggedIn('beheer.zga');
    const before = (
      await subject.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) => get(`/api/werkplek/audit?page=${(index % 5) + 1}`, jar)),
    );
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    const after = (
      await subject.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(Number(after) - Number(before)).toBe(200);
    expect(await verifyAuditChain(subject.database.db)).toMatchObject({ ok: true });
  });

  it('does not show the audit views to a role without them', async () => {
    const jar = await loggedIn('poh.hapn');
    const response = await get('/api/werkplek/audit', jar);
    expect(response.statusCode).toBe(404);
    expect((await get('/api/werkplek/audit', new CookieJar())).statusCode).toBe(401);
  });
});
