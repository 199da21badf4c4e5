import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { CookieJar } from '../test/cookie-jar.js';
import { testEngines } from '../test/database.js';
import { createAccount, createOrganisation, FIXTURE_PASSWORD } from '../test/fixtures.js';
import { passwordProblem } from './password-policy.js';

const MINUTE = 60_000;

describe('password rules (NIST SP 800-63B)', () => {
  it.each([
    ['kort', 'password.tooShort'],
    ['x'.repeat(129), 'password.tooLong'],
    ['passwordpassword', 'password.common'],
    ['welkom123456', 'password.common'],
    ['aaaaaaaaaaaaaa', 'password.common'],
    ['abcabcabcabcabc', 'password.common'],
    ['keten-demo-wachtwoord', 'password.common'],
    ['janssen-heeft-een-fiets', 'password.containsUsername'],
    ['fietsen langs de Vecht in mei', null],
    ['Zonnehof!Koffie#Dinsdag', null],
  ])('%s → %s', (password, expected) => {
    expect(passwordProblem(password, { username: 'janssen.hapz' })).toBe(expected);
  });

  it('needs no composition rules: a long lower-case sentence is fine', () => {
    expect(passwordProblem('de kat zit op de mat bij oma')).toBeNull();
  });
});

describe.each(testEngines)('passwords, lockout and abuse limits (%s)', (engine) => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp(engine);
    const practice = await createOrganisation(subject.database.db, {
      name: 'Huisartsenpraktijk Wachtwoord',
      abbreviation: 'HAPW',
    });
    for (const [index, username] of ['lock.hapw', 'known.hapw', 'reset.hapw', 'change.hapw', 'leaver.hapw'].entries()) {
      await createAccount(subject.database.db, {
        organisationId: practice.id,
        username,
        role: 'poh-somatiek',
        gebruikersnummer: index + 1,
      });
    }
    await createAccount(subject.database.db, {
      organisationId: practice.id,
      username: 'nieuw.hapw',
      role: 'huisarts',
      gebruikersnummer: 10,
      mustChangePassword: true,
    });
  });
  afterAll(() => subject.close());

  let ipCounter = 0;
  /** Each scenario its own client address, so the per-IP limit only bites where a test wants it to. */
  function freshIp() {
    ipCounter++;
    return `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
  }

  async function post(
    url: string,
    payload: object,
    jar = new CookieJar(),
    remoteAddress = '127.0.0.1',
    headers: Record<string, string> = {},
  ) {
    const response = await subject.app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress,
      headers: { cookie: jar.header(), ...headers },
    });
    jar.store(response);
    return response;
  }

  async function loginWithCode(username: string, password: string, ip: string) {
    const jar = new CookieJar();
    const login = await post('/api/werkplek/auth/login', { username, password }, jar, ip);
    if (login.statusCode !== 200) return { login, jar };
    const mail = (await subject.mailbox()).find((entry) => entry.to === `${username}@keten.test`);
    const code = mail?.text.match(/\b(\d{6})\b/)?.[1] ?? '';
    const verify = await post('/api/werkplek/auth/verify', { code }, jar, ip);
    return { login, verify, jar };
  }

  it('locks an account for 15 minutes after 5 wrong passwords, with the same message as any failure', async () => {
    const ip = freshIp();
    const wrong = await post('/api/werkplek/auth/login', { username: 'lock.hapw', password: 'not the password' }, undefined, ip);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toContain('Na 5 mislukte pogingen blijft een account 15 minuten geblokkeerd');
    for (let attempt = 2; attempt <= 5; attempt++)
      await post('/api/werkplek/auth/login', { username: 'lock.hapw', password: 'not the password' }, undefined, ip);
    const locked = await post('/api/werkplek/auth/login', { username: 'lock.hapw', password: FIXTURE_PASSWORD }, undefined, ip);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().detail).toBe(wrong.json().detail);

    subject.clock.advance(15 * MINUTE + 1000);
    const unlocked = await post(
      '/api/werkplek/auth/login',
      { username: 'lock.hapw', password: FIXTURE_PASSWORD },
      undefined,
      freshIp(),
    );
    expect(unlocked.json().status).toBe('code-required');
  });

  it('answers an unknown username exactly like a wrong password, in about the same time', async () => {
    const ip = freshIp();
    const known = await post(
      '/api/werkplek/auth/login',
      { username: 'known.hapw', password: 'wrong password here' },
      undefined,
      ip,
    );
    const unknown = await post(
      '/api/werkplek/auth/login',
      { username: 'nobody.hapw', password: 'wrong password here' },
      undefined,
      ip,
    );
    expect(unknown.statusCode).toBe(known.statusCode);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(known.json()));

    // Both run one argon2id verification; a missing hash would make the unknown name several times faster.
    const time = async (username: string) => {
      const started = performance.now();
      await post('/api/werkplek/auth/login', { username, password: 'wrong password here' }, undefined, freshIp());
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let round = 0; round < 5; round++) {
      knownTimes.push(await time('known.hapw'));
      unknownTimes.push(await time(`ghost${round}.hapw`));
    }
    subject.clock.advance(16 * MINUTE);
    expect(median(unknownTimes)).toBeGreaterThan(median(knownTimes) * 0.4);
  });

  it('limits attempts per client address, and a client-set X-Forwarded-For does not escape the limit', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt++) {
      const response = await post(
        '/api/werkplek/auth/login',
        { username: `probe${attempt}.hapw`, password: 'x' },
        undefined,
        ip,
        {
          'x-forwarded-for': `203.0.113.${attempt}`,
        },
      );
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await post('/api/werkplek/auth/login', { username: 'known.hapw', password: FIXTURE_PASSWORD }, undefined, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().detail).toMatch(/Te veel pogingen vanaf dit adres\. Probeer het over \d+ minuten opnieuw\./);
    subject.clock.advance(16 * MINUTE);
  });

  it('mails a reset link that works once, for one hour, and answers the same for unknown names', async () => {
    const ip = freshIp();
    const forKnown = await post('/api/werkplek/auth/password-forgotten', { username: 'reset.hapw' }, undefined, ip);
    const forUnknown = await post('/api/werkplek/auth/password-forgotten', { username: 'niemand.hapw' }, undefined, ip);
    expect(forKnown.statusCode).toBe(202);
    expect(forUnknown.statusCode).toBe(202);
    expect(forUnknown.json()).toEqual(forKnown.json());

    const mail = (await subject.mailbox()).find((entry) => entry.to === 'reset.hapw@keten.test');
    expect(mail?.subject).toBe('Nieuw wachtwoord instellen voor Keten');
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0] ?? '';
    expect(link).toContain('/werkplek/wachtwoord-instellen?token=');
    const token = new URL(link).searchParams.get('token') ?? '';

    const weak = await post('/api/werkplek/auth/password-reset', { token, newPassword: 'welkom123456' }, undefined, ip);
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      { field: 'newPassword', message: expect.stringContaining('Nieuw wachtwoord is te bekend') },
    ]);

    const newPassword = 'een nieuw en lang wachtwoord';
    expect((await post('/api/werkplek/auth/password-reset', { token, newPassword }, undefined, ip)).statusCode).toBe(200);
    const again = await post(
      '/api/werkplek/auth/password-reset',
      { token, newPassword: 'nog een ander lang wachtwoord' },
      undefined,
      ip,
    );
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toContain('ongeldig, al gebruikt of verlopen');

    expect(
      (await post('/api/werkplek/auth/login', { username: 'reset.hapw', password: FIXTURE_PASSWORD }, undefined, ip)).statusCode,
    ).toBe(401);
    expect(
      (await post('/api/werkplek/auth/login', { username: 'reset.hapw', password: newPassword }, undefined, ip)).json().status,
    ).toBe('code-required');

    await post('/api/werkplek/auth/password-forgotten', { username: 'reset.hapw' }, undefined, ip);
    const late = (await subject.mailbox()).find((entry) => entry.to === 'reset.hapw@keten.test');
    const lateToken = new URL(late?.text.match(/https?:\/\/\S+/)?.[0] ?? 'http://x').searchParams.get('token') ?? '';
    subject.clock.advance(61 * MINUTE);
    expect(
      (
        await post(
          '/api/werkplek/auth/password-reset',
          { token: lateToken, newPassword: 'te laat voor deze link hier' },
          undefined,
          ip,
        )
      ).statusCode,
    ).toBe(400);
  });

  it('changes a password only with the current one, and ends the other sessions', async () => {
    const ip = freshIp();
    const first = await loginWithCode('change.hapw', FIXTURE_PASSWORD, ip);
    const second = await loginWithCode('change.hapw', FIXTURE_PASSWORD, ip);
    const wrongCurrent = await post(
      '/api/werkplek/account/password',
      { currentPassword: 'not it at all', newPassword: 'mijn nieuwe lange zin' },
      second.jar,
      ip,
    );
    expect(wrongCurrent.json().errors).toEqual([{ field: 'currentPassword', message: 'Huidig wachtwoord klopt niet.' }]);
    const changed = await post(
      '/api/werkplek/account/password',
      { currentPassword: FIXTURE_PASSWORD, newPassword: 'mijn nieuwe lange zin' },
      second.jar,
      ip,
    );
    expect(changed.statusCode).toBe(200);
    const sessionOf = (jar: CookieJar) =>
      subject.app.inject({ method: 'GET', url: '/api/werkplek/auth/session', headers: { cookie: jar.header() } });
    expect((await sessionOf(second.jar)).statusCode).toBe(200);
    expect((await sessionOf(first.jar)).statusCode).toBe(401);
  });

  it('forces a new password at the first login of a new account before anything else', async () => {
    const ip = freshIp();
    const { verify, jar } = await loginWithCode('nieuw.hapw', FIXTURE_PASSWORD, ip);
    expect(verify?.json().session.mustChangePassword).toBe(true);
    const blocked = await post('/api/werkplek/account/deregister', { confirm: true }, jar, ip);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toBe('Kies eerst een nieuw wachtwoord voordat u verder gaat.');
    expect(
      (
        await post(
          '/api/werkplek/account/password',
          { currentPassword: FIXTURE_PASSWORD, newPassword: 'een eigen zelfgekozen zin' },
          jar,
          ip,
        )
      ).statusCode,
    ).toBe(200);
    const session = await subject.app.inject({
      method: 'GET',
      url: '/api/werkplek/auth/session',
      headers: { cookie: jar.header() },
    });
    expect(session.json().mustChangePassword).toBe(false);
  });

  it('deregisters an account only when confirmed; then it cannot log in', async () => {
    const ip = freshIp();
    const { jar } = await loginWithCode('leaver.hapw', FIXTURE_PASSWORD, ip);
    const unconfirmed = await post('/api/werkplek/account/deregister', {}, jar, ip);
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().errors[0]).toEqual({ field: 'confirm', message: 'Bevestig dit eerst (Bevestiging).' });
    expect((await post('/api/werkplek/account/deregister', { confirm: true }, jar, ip)).statusCode).toBe(200);
    expect(
      (await subject.app.inject({ method: 'GET', url: '/api/werkplek/auth/session', headers: { cookie: jar.header() } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await post('/api/werkplek/auth/login', { username: 'leaver.hapw', password: FIXTURE_PASSWORD }, undefined, ip)).statusCode,
    ).toBe(401);
    const mail = (await subject.mailbox()).find((entry) => entry.to === 'leaver.hapw@keten.test');
    expect(mail?.subject).toBe('Uw Keten-account is afgemeld');
  });
});
