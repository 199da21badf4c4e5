import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { CookieJar } from '../test/cookie-jar.js';
import { testEngines } from '../test/database.js';
import { createAccount, createOrganisation, FIXTURE_PASSWORD } from '../test/fixtures.js';

const MINUTE = 60_000;

describe.each(testEngines)('Werkplek login with emailed code (%s)', (engine) => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp(engine);
    const practice = await createOrganisation(subject.database.db, { name: 'Huisartsenpraktijk Test', abbreviation: 'HAPT' });
    await createAccount(subject.database.db, {
      organisationId: practice.id,
      username: 'huisarts.hapt',
      role: 'huisarts',
      gebruikersnummer: 1,
    });
    await createAccount(subject.database.db, {
      organisationId: practice.id,
      username: 'poh.hapt',
      role: 'poh-somatiek',
      gebruikersnummer: 2,
    });
    await createAccount(subject.database.db, {
      organisationId: practice.id,
      username: 'lock.hapt',
      role: 'poh-somatiek',
      gebruikersnummer: 3,
    });
    await createAccount(subject.database.db, {
      organisationId: practice.id,
      username: 'code.hapt',
      role: 'poh-somatiek',
      gebruikersnummer: 4,
    });
    await createAccount(subject.database.db, {
      organisationId: practice.id,
      username: 'idle.hapt',
      role: 'poh-somatiek',
      gebruikersnummer: 5,
    });
    await createAccount(subject.database.db, {
      organisationId: practice.id,
      username: 'assistente.hapt',
      role: 'praktijkassistent',
      gebruikersnummer: 6,
      personal: false,
    });
  });
  afterAll(() => subject.close());

  async function post(url: string, payload: object, jar: CookieJar, headers: Record<string, string> = {}) {
    const response = await subject.app.inject({ method: 'POST', url, payload, headers: { cookie: jar.header(), ...headers } });
    jar.store(response);
    return response;
  }

  async function get(url: string, jar: CookieJar) {
    const response = await subject.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
    jar.store(response);
    return response;
  }

  async function latestCodeFor(username: string): Promise<string> {
    const mail = (await subject.mailbox()).find(
      (entry) => entry.to === `${username}@keten.test` && entry.subject.includes('verificatiecode'),
    );
    const code = mail?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no code mailed to ${username}`);
    return code;
  }

  async function fullLogin(username: string, jar = new CookieJar()) {
    const login = await post('/api/werkplek/auth/login', { username, password: FIXTURE_PASSWORD }, jar);
    expect(login.json()).toMatchObject({ status: 'code-required' });
    const verify = await post('/api/werkplek/auth/verify', { code: await latestCodeFor(username) }, jar);
    expect(verify.statusCode).toBe(200);
    return { jar, session: verify.json().session };
  }

  it('asks a mailed 6-digit code after the password, then opens a session with the role navigation', async () => {
    const jar = new CookieJar();
    const login = await post('/api/werkplek/auth/login', { username: 'Huisarts.HAPT', password: FIXTURE_PASSWORD }, jar);
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ status: 'code-required', maskedEmail: 'h…t@keten.test' });
    expect((await get('/api/werkplek/auth/session', jar)).statusCode).toBe(401);

    const mail = (await subject.mailbox())[0];
    expect(mail).toMatchObject({
      to: 'huisarts.hapt@keten.test',
      subject: expect.stringContaining('Uw verificatiecode voor Keten'),
    });
    expect(mail?.text).toContain('10 minuten geldig');
    expect(new Date(mail?.sentAt ?? '').toISOString()).toBe(mail?.sentAt);

    const verify = await post('/api/werkplek/auth/verify', { code: await latestCodeFor('huisarts.hapt') }, jar);
    expect(verify.statusCode).toBe(200);
    const session = verify.json().session;
    expect(session.account).toMatchObject({ username: 'huisarts.hapt', role: 'huisarts', roleName: 'Huisarts', personal: true });
    expect(session.account.organisation.name).toBe('Huisartsenpraktijk Test');
    expect(session.navigation).toEqual(
      expect.arrayContaining([
        'dashboard',
        'patient-search',
        'signals',
        'messages',
        'reports',
        'patient-add',
        'helpdesk',
        'settings',
      ]),
    );
    expect((await get('/api/werkplek/auth/session', jar)).statusCode).toBe(200);
  });

  it('trusts the browser for 10 hours: no code at the next login, but a new browser gets one', async () => {
    const { jar } = await fullLogin('poh.hapt');
    await post('/api/werkplek/auth/logout', {}, jar);
    expect((await get('/api/werkplek/auth/session', jar)).statusCode).toBe(401);

    subject.clock.advance(9 * 60 * MINUTE);
    const again = await post('/api/werkplek/auth/login', { username: 'poh.hapt', password: FIXTURE_PASSWORD }, jar);
    expect(again.json()).toMatchObject({ status: 'logged-in', session: { account: { username: 'poh.hapt' } } });

    const otherBrowser = await post(
      '/api/werkplek/auth/login',
      { username: 'poh.hapt', password: FIXTURE_PASSWORD },
      new CookieJar(),
    );
    expect(otherBrowser.json().status).toBe('code-required');

    subject.clock.advance(61 * MINUTE);
    const afterTenHours = await post('/api/werkplek/auth/login', { username: 'poh.hapt', password: FIXTURE_PASSWORD }, jar);
    expect(afterTenHours.json().status).toBe('code-required');
  });

  it('does not let account A’s trusted-browser cookie skip the code for account B, not even renamed', async () => {
    const { jar } = await fullLogin('huisarts.hapt');
    const forB = await post('/api/werkplek/auth/login', { username: 'poh.hapt', password: FIXTURE_PASSWORD }, jar.clone());
    expect(forB.json().status).toBe('code-required');

    const [trustedName, trustedValue] = [...jar.cookies].find(([name]) => name.startsWith('keten_trusted_')) ?? [];
    expect(trustedName).toBeDefined();
    const pohId = (
      await subject.database.db.selectFrom('account').select('id').where('username', '=', 'poh.hapt').executeTakeFirstOrThrow()
    ).id;
    const forged = new CookieJar();
    forged.cookies.set(`keten_trusted_${pohId}`, trustedValue ?? '');
    const renamed = await post('/api/werkplek/auth/login', { username: 'poh.hapt', password: FIXTURE_PASSWORD }, forged);
    expect(renamed.json().status).toBe('code-required');
  });

  it('accepts a code once, and not after 10 minutes', async () => {
    const jar = new CookieJar();
    await post('/api/werkplek/auth/login', { username: 'code.hapt', password: FIXTURE_PASSWORD }, jar);
    const code = await latestCodeFor('code.hapt');
    const stolenChallenge = jar.clone();
    expect((await post('/api/werkplek/auth/verify', { code }, jar)).statusCode).toBe(200);
    const replay = await post('/api/werkplek/auth/verify', { code }, stolenChallenge);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors).toEqual([{ field: 'code', message: expect.stringContaining('niet meer geldig') }]);

    const late = new CookieJar();
    await post('/api/werkplek/auth/login', { username: 'code.hapt', password: FIXTURE_PASSWORD }, late);
    const lateCode = await latestCodeFor('code.hapt');
    subject.clock.advance(10 * MINUTE + 1000);
    expect((await post('/api/werkplek/auth/verify', { code: lateCode }, late)).statusCode).toBe(400);
  });

  it('kills a code after 5 wrong tries, telling how many remain', async () => {
    const jar = new CookieJar();
    await post('/api/werkplek/auth/login', { username: 'idle.hapt', password: FIXTURE_PASSWORD }, jar);
    const code = await latestCodeFor('idle.hapt');
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await post('/api/werkplek/auth/verify', { code: wrong }, jar);
    expect(first.json().errors[0].message).toBe('De verificatiecode klopt niet. U kunt het nog 4 keer proberen.');
    for (let attempt = 2; attempt <= 4; attempt++) await post('/api/werkplek/auth/verify', { code: wrong }, jar);
    const fifth = await post('/api/werkplek/auth/verify', { code: wrong }, jar);
    expect(fifth.json().errors[0].message).toContain('niet meer geldig');
    expect((await post('/api/werkplek/auth/verify', { code }, jar)).statusCode).toBe(400);
    // Five wrong codes also count as five failures: the account is locked for a while.
    subject.clock.advance(16 * MINUTE);
  });

  it('names the code field in English when the browser asks for English', async () => {
    const response = await post('/api/werkplek/auth/verify', { code: '12ab' }, new CookieJar(), { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'code', message: 'Verification code has an invalid format.' }]);
  });

  it('issues a new session id at login: a cookie planted before login is worthless (no fixation)', async () => {
    const jar = new CookieJar();
    jar.cookies.set('keten_session', 'planted-by-an-attacker-0123456789');
    const { jar: after } = await fullLogin('huisarts.hapt', jar);
    expect(after.cookies.get('keten_session')).not.toBe('planted-by-an-attacker-0123456789');
    const planted = new CookieJar();
    planted.cookies.set('keten_session', 'planted-by-an-attacker-0123456789');
    expect((await get('/api/werkplek/auth/session', planted)).statusCode).toBe(401);
  });

  it('ends a session after 3 hours without activity, server-side', async () => {
    const { jar } = await fullLogin('huisarts.hapt');
    subject.clock.advance(2 * 60 * MINUTE + 59 * MINUTE);
    const stillThere = await get('/api/werkplek/auth/session', jar);
    expect(stillThere.statusCode).toBe(200);
    expect(new Date(stillThere.json().idleExpiresAt).getTime()).toBe(subject.clock.now().getTime() + 180 * MINUTE);
    subject.clock.advance(3 * 60 * MINUTE + MINUTE);
    const gone = await get('/api/werkplek/auth/session', jar);
    expect(gone.statusCode).toBe(401);
    expect(gone.json().title).toBe('Niet ingelogd');
    expect(gone.json().sessionEnded).toBe('idle');
    const ended = await subject.database.db
      .selectFrom('web_session')
      .select('end_reason')
      .where('end_reason', '=', 'idle')
      .execute();
    expect(ended.length).toBeGreaterThan(0);
  });

  it('logs in a generic account but marks it not personal', async () => {
    const { session } = await fullLogin('assistente.hapt');
    expect(session.account.personal).toBe(false);
  });
});
