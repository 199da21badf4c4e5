import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/verify.js';
import type { CookieJar } from '../../test/cookie-jar.js';
import { testEngines } from '../../test/database.js';
import { HIS_DEMO, seedHisDemo } from './demo.js';
import { signedExample } from './sign-example.js';
import { signatureMatches, signParameters } from './signature.js';
import type { HisLaunchTables } from './tables.js';
import { createHisDemoApp } from './test-app.js';

const docsFile = path.resolve(import.meta.dirname, '../../../../docs/his-launch.md');

const hapz = {
  organisatienummer: String(HIS_DEMO.organisatienummer),
  praktijknummer: String(HIS_DEMO.praktijknummers.HAPZ),
  praktijkwachtwoord: HIS_DEMO.praktijkwachtwoord,
};
const anna = {
  bsn: '999990019',
  geboortedatum: '12-03-1961',
  achternaam: 'Jong',
  tussenvoegsel: 'de',
  roepnaam: 'Anna',
  geslacht: 'V',
};
const newPatient = {
  bsn: '999990068',
  geboortedatum: '19700415',
  achternaam: 'Visser',
  tussenvoegsel: 'van der',
  voorletters: 'J.H.',
  roepnaam: 'Jan',
  geslacht: 'M',
  straat: 'Kerkstraat',
  huisnummer: '12a',
  postcode: '5611ab',
  woonplaats: 'Eindhoven',
};

/** The page text without the request reference, so two refusals can be compared. */
function pageText(response: LightMyRequestResponse): string {
  return response.body.replace(/<p class="ref">.*?<\/p>/, '');
}

describe.each(testEngines)('HIS launch (%s)', (engine) => {
  let subject: Awaited<ReturnType<typeof createHisDemoApp>>;
  let huisarts: CookieJar;
  let koster: CookieJar;
  let beheerZonnehof: CookieJar;
  let beheerBrug: CookieJar;
  let addressCounter = 0;

  beforeAll(async () => {
    subject = await createHisDemoApp(engine);
    huisarts = await subject.login('huisarts.hapz');
    koster = await subject.login('tkoster.hapz');
    beheerZonnehof = await subject.login('beheer.hapz');
    beheerBrug = await subject.login('beheer.hapb');
  });
  afterAll(() => subject.close());

  const nextAddress = () => {
    addressCounter++;
    return `10.20.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  };
  const open = (url: string, remoteAddress = nextAddress()) => subject.app.inject({ method: 'GET', url, remoteAddress });
  const launch = (parameters: Record<string, string>, pathname = '/his/launch') =>
    open(`${pathname}?${new URLSearchParams(parameters).toString()}`);
  const tokenOf = (response: LightMyRequestResponse) =>
    new URL(String(response.headers.location), 'http://keten.test').searchParams.get('launch') ?? '';
  const proceed = (jar: CookieJar, token: string, headers: Record<string, string> = {}) =>
    subject.app.inject({
      method: 'POST',
      url: `/api/werkplek/his/launch/${token}/continue`,
      headers: { cookie: jar.header(), ...headers },
    });
  const api = (jar: CookieJar, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    subject.app.inject({ method, url, headers: { cookie: jar.header() }, ...(payload ? { payload } : {}) });
  const lastAudit = (action: string) =>
    subject.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  const signedUrl = (parameters: Record<string, string>, secret: string) =>
    `/his/launch/signed?${new URLSearchParams({ ...parameters, sig: signParameters(parameters, secret) }).toString()}`;
  const nowSeconds = () => String(Math.floor(subject.clock.now().getTime() / 1000));

  it('accepts the signed example of docs/his-launch.md (signed for the demo clock’s start)', async () => {
    const docs = readFileSync(docsFile, 'utf8');
    const example = signedExample(1795942800, 'http://localhost:3000');
    expect(docs).toContain(example.canonical);
    expect(docs).toContain(example.sig);
    expect(docs).toContain(example.url);
    const url = new URL(example.url);
    const parameters = Object.fromEntries(url.searchParams);
    expect(signatureMatches(parameters, HIS_DEMO.signingSecretHapz, parameters.sig ?? '')).toBe(true);
    expect(subject.clock.now().getTime() / 1000).toBe(1795942800);
    const response = await open(`${url.pathname}${url.search}`);
    expect(response.statusCode).toBe(303);
    expect(await (await proceed(huisarts, tokenOf(response))).json()).toEqual({ action: 'open-patient', patientId: '1' });
  });

  it('redirects a launch with the right practice credentials (303) to the web app, and logs it', async () => {
    const response = await launch({ ...hapz, gebruikersnummer: '11', ...anna });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/werkplek\/his\?launch=[A-Za-z0-9_-]{43}$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await lastAudit('create')).toMatchObject({
      object_type: 'his-launch',
      actor_name: 'Jeroen de Vries',
      reason: 'practice-password',
      outcome: 'success',
    });
    // Before login the web app may ask whether the launch is usable; the answer names no account.
    const status = await subject.app.inject({ method: 'GET', url: `/api/werkplek/his/launch/${tokenOf(response)}` });
    expect(status.json()).toEqual({
      valid: true,
      expiresAt: new Date(subject.clock.now().getTime() + 10 * 60_000).toISOString(),
    });
    // The practice password is stored nowhere but as the practice's hash.
    const launches = await subject.database.db.withTables<HisLaunchTables>().selectFrom('his_launch').selectAll().execute();
    const events = await subject.database.db.selectFrom('audit_event').select('canonical').execute();
    expect(JSON.stringify([launches, events])).not.toContain(HIS_DEMO.praktijkwachtwoord);
  });

  it('opens Anna’s card after login, through the access policy and with a search event in the log', async () => {
    const token = tokenOf(await launch({ ...hapz, gebruikersnummer: '11', ...anna }));
    const response = await proceed(huisarts, token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ action: 'open-patient', patientId: '1' });
    expect(await lastAudit('search')).toMatchObject({
      patient_id: '1',
      object_type: 'patient-search-result',
      reason: 'bsn+birth-date',
      actor_name: 'Jeroen de Vries',
    });
  });

  it('offers "Patiënt toevoegen" prefilled for an unknown BSN, in the shape the add-patient form accepts', async () => {
    const token = tokenOf(await launch({ ...hapz, gebruikersnummer: '11', ...newPatient }));
    const response = await proceed(huisarts, token);
    const prefill = {
      bsn: '999990068',
      birthDate: '1970-04-15',
      roepnaam: 'Jan',
      initials: 'J.H.',
      familyNamePrefix: 'van der',
      familyName: 'Visser',
      gender: 'male',
      street: 'Kerkstraat',
      houseNumber: '12',
      houseNumberSuffix: 'a',
      postcode: '5611 AB',
      city: 'Eindhoven',
    };
    expect(response.json()).toEqual({ action: 'add-patient', prefill });
    const added = await api(huisarts, 'POST', '/api/werkplek/patients', prefill);
    expect(added.statusCode).toBe(201);
    // Next time the HIS opens this patient, the card opens.
    const again = await proceed(huisarts, tokenOf(await launch({ ...hapz, gebruikersnummer: '11', ...newPatient })));
    expect(again.json()).toEqual({ action: 'open-patient', patientId: added.json().id });
  });

  it('refuses a continue by another account (403), leaving the launch to its own account', async () => {
    const token = tokenOf(await launch({ ...hapz, gebruikersnummer: '11', ...anna }));
    const other = await proceed(koster, token);
    expect(other.statusCode).toBe(403);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json()).toMatchObject({ code: 'his-launch-other-user', title: 'Deze koppeling is voor een andere gebruiker' });
    const english = await proceed(koster, token, { 'accept-language': 'en' });
    expect(english.json().title).toBe('This link is for another user');
    expect(await lastAudit('access-denied')).toMatchObject({ object_type: 'his-launch', reason: 'other-account' });
    expect((await proceed(huisarts, token)).json()).toEqual({ action: 'open-patient', patientId: '1' });
  });

  it('uses a launch once', async () => {
    const token = tokenOf(await launch({ ...hapz, gebruikersnummer: '11', ...anna }));
    expect((await proceed(huisarts, token)).statusCode).toBe(200);
    const second = await proceed(huisarts, token);
    expect(second.statusCode).toBe(410);
    expect(second.json()).toMatchObject({ code: 'his-launch-used', title: 'Deze koppeling is al gebruikt' });
    const status = await subject.app.inject({ method: 'GET', url: `/api/werkplek/his/launch/${token}` });
    expect(status.json()).toEqual({ valid: false, expiresAt: null });
    expect((await proceed(huisarts, 'a'.repeat(43))).statusCode).toBe(404);
  });

  it('lets a launch expire after 10 minutes', async () => {
    const token = tokenOf(await launch({ ...hapz, gebruikersnummer: '11', ...anna }));
    subject.clock.advance(10 * 60_000 + 1000);
    const response = await proceed(huisarts, token);
    expect(response.statusCode).toBe(410);
    expect(response.json()).toMatchObject({ code: 'his-launch-expired', title: 'Deze koppeling is verlopen' });
    expect(response.json().detail).toContain('10 minuten');
  });

  it('answers wrong credentials with one Dutch page, no redirect, and a logged failure', async () => {
    const wrongPassword = await launch({ ...hapz, praktijkwachtwoord: 'niet-het-wachtwoord', gebruikersnummer: '11', ...anna });
    expect(wrongPassword.statusCode).toBe(403);
    expect(wrongPassword.headers.location).toBeUndefined();
    expect(wrongPassword.headers['content-type']).toContain('text/html');
    expect(wrongPassword.body).toContain('<html lang="nl">');
    expect(wrongPassword.body).toContain('Openen vanuit het HIS is niet gelukt');
    expect(wrongPassword.body).not.toContain('niet-het-wachtwoord');
    const failure = await lastAudit('login-failed');
    expect(failure).toMatchObject({
      reason: 'his-launch',
      actor_organisation_name: 'Huisartsenpraktijk Zonnehof',
      actor_id: null,
    });
    expect(failure.details).toMatchObject({ cause: 'wrong-praktijkwachtwoord', method: 'practice-password' });

    // Another practice number, another user number: the very same page — nothing tells which part was wrong.
    const unknownPractice = await launch({ ...hapz, praktijknummer: '999', gebruikersnummer: '11' });
    const unknownUser = await launch({ ...hapz, gebruikersnummer: '77' });
    for (const response of [unknownPractice, unknownUser]) {
      expect(response.statusCode).toBe(403);
      expect(pageText(response)).toBe(pageText(wrongPassword));
    }
    expect((await lastAudit('login-failed')).details).toMatchObject({ cause: 'unknown-gebruikersnummer' });
  });

  it('refuses a generic account’s user number with an explanation that links are personal', async () => {
    const response = await launch({ ...hapz, gebruikersnummer: '91', ...anna }); // poh-somatiek.hapz
    expect(response.statusCode).toBe(403);
    expect(response.headers.location).toBeUndefined();
    expect(response.body).toContain('HIS-koppelingen zijn persoonsgebonden');
    expect(response.body).toContain('algemeen account');
    expect(response.body).toContain('gebruikersnummer');
    const failure = await lastAudit('login-failed');
    expect(failure).toMatchObject({ reason: 'his-launch', actor_name: 'Algemeen account POH-somatiek Zonnehof' });
    expect(failure.details).toMatchObject({ cause: 'not-personal-account' });
  });

  it('names the missing fields of an incomplete launch, and answers repeated fields with a page too', async () => {
    const empty = await open('/his/launch');
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('text/html');
    for (const field of ['organisatienummer', 'praktijknummer', 'gebruikersnummer', 'praktijkwachtwoord'])
      expect(empty.body).toContain(`<code>${field}</code>`);
    const repeated = await open(`/his/launch?${new URLSearchParams(hapz).toString()}&gebruikersnummer=11&gebruikersnummer=12`);
    expect(repeated.statusCode).toBe(400);
    expect(repeated.headers['content-type']).toContain('text/html');
    expect(repeated.body).toContain('De koppeling is ongeldig');
  });

  it('limits launch attempts per client address, like the login', async () => {
    const address = nextAddress();
    const limit = subject.config.session.loginRateLimitPerIp;
    for (let attempt = 0; attempt < limit; attempt++) expect((await open('/his/launch', address)).statusCode).toBe(400);
    const blocked = await open('/his/launch', address);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('text/html');
    expect(blocked.body).toContain('Te veel pogingen');
  });

  it('launches with a personal MiraHIS link instead of the practice password', async () => {
    const response = await launch({
      organisatienummer: hapz.organisatienummer,
      praktijknummer: hapz.praktijknummer,
      gebruikersnummer: '11',
      koppeltoken: HIS_DEMO.koppeltokenHuisartsHapz,
      ...anna,
    });
    expect(response.statusCode).toBe(303);
    expect((await lastAudit('create')).reason).toBe('account-link');
    // The token belongs to gebruikersnummer 11 only.
    const elsewhere = await launch({
      ...hapz,
      praktijkwachtwoord: '',
      gebruikersnummer: '12',
      koppeltoken: HIS_DEMO.koppeltokenHuisartsHapz,
    });
    expect(elsewhere.statusCode).toBe(403);
    expect((await lastAudit('login-failed')).details).toMatchObject({ cause: 'wrong-koppeltoken' });
  });

  describe('signed launch', () => {
    const base = () => ({
      organisatienummer: hapz.organisatienummer,
      praktijknummer: hapz.praktijknummer,
      gebruikersnummer: '11',
      ...anna,
      ts: nowSeconds(),
    });

    it('accepts a valid signature and continues to the patient', async () => {
      const response = await open(signedUrl(base(), HIS_DEMO.signingSecretHapz));
      expect(response.statusCode).toBe(303);
      expect((await lastAudit('create')).reason).toBe('signed');
      expect((await proceed(huisarts, tokenOf(response))).json()).toEqual({ action: 'open-patient', patientId: '1' });
    });

    it('refuses a tampered address with the general failure page', async () => {
      const url = signedUrl(base(), HIS_DEMO.signingSecretHapz).replace('bsn=999990019', 'bsn=999990032');
      const response = await open(url);
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('Openen vanuit het HIS is niet gelukt');
      expect((await lastAudit('login-failed')).details).toMatchObject({ cause: 'wrong-signature', method: 'signed' });
    });

    it('refuses a signature older than 5 minutes', async () => {
      const parameters = { ...base(), ts: String(Number(nowSeconds()) - 301) };
      const response = await open(signedUrl(parameters, HIS_DEMO.signingSecretHapz));
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('De ondertekende koppeling is verlopen');
      // The same signature still inside its 5 minutes works.
      const fresh = { ...base(), ts: String(Number(nowSeconds()) - 299) };
      expect((await open(signedUrl(fresh, HIS_DEMO.signingSecretHapz))).statusCode).toBe(303);
    });

    it('refuses a replayed signature', async () => {
      const url = signedUrl({ ...base(), ts: String(Number(nowSeconds()) - 10) }, HIS_DEMO.signingSecretHapz);
      expect((await open(url)).statusCode).toBe(303);
      const replay = await open(url);
      expect(replay.statusCode).toBe(403);
      expect(replay.body).toContain('Deze koppeling is al gebruikt');
      expect((await lastAudit('login-failed')).details).toMatchObject({ cause: 'signature-replayed' });
    });

    it('refuses a practice password inside a signed address', async () => {
      const parameters = { ...base(), praktijkwachtwoord: HIS_DEMO.praktijkwachtwoord };
      const response = await open(signedUrl(parameters, HIS_DEMO.signingSecretHapz));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Geen wachtwoord in een ondertekende koppeling');
      expect(response.body).not.toContain(HIS_DEMO.praktijkwachtwoord);
    });
  });

  it('explains the old address with this practice’s numbers, without a redirect or the password', async () => {
    const response = await launch({ ...hapz, gebruikersnummer: '5', ...anna }, '/medix/his.php');
    expect(response.statusCode).toBe(410);
    expect(response.headers.location).toBeUndefined();
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('De koppeling met Keten heeft een nieuw adres');
    expect(response.body).toContain('Huisartsenpraktijk Zonnehof');
    expect(response.body).toContain(`${subject.config.publicUrl ?? `http://localhost:${subject.config.port}`}/his/launch?`);
    expect(response.body).toContain('<code>201</code>');
    expect(response.body).toContain('In English');
    expect(response.body).not.toContain(HIS_DEMO.praktijkwachtwoord);
    expect(response.body).not.toContain('999990019');

    const generic = await open('/koppeling/open');
    expect(generic.statusCode).toBe(410);
    expect(generic.body).toContain('Gebruikersnummer');
    expect(generic.body).not.toContain('Zonnehof');
  });

  describe('settings of the practice administrator', () => {
    it('shows the numbers, the launch URL and the personal accounts to the praktijkbeheerder only', async () => {
      const response = await api(beheerZonnehof, 'GET', '/api/werkplek/his/settings');
      expect(response.statusCode).toBe(200);
      const settings = response.json();
      expect(settings).toMatchObject({
        practice: { name: 'Huisartsenpraktijk Zonnehof' },
        configured: true,
        organisatienummer: 1001,
        praktijknummer: 201,
        passwordSet: true,
        signingSecretSet: true,
        launchUrl: 'http://localhost:3000/his/launch?',
        signedLaunchUrl: 'http://localhost:3000/his/launch/signed',
      });
      const usernames = settings.accounts.map((account: { username: string }) => account.username);
      expect(usernames).toContain('huisarts.hapz');
      expect(usernames).not.toContain('poh-somatiek.hapz');
      expect(settings.accounts.find((account: { username: string }) => account.username === 'huisarts.hapz')).toMatchObject({
        gebruikersnummer: 11,
        roleName: 'Huisarts',
      });
      expect(JSON.stringify(settings)).not.toContain(HIS_DEMO.signingSecretHapz);
      expect((await api(huisarts, 'GET', '/api/werkplek/his/settings')).statusCode).toBe(404);
    });

    it('regenerates a personal link (shown once); the previous link stops working', async () => {
      const settings = (await api(beheerZonnehof, 'GET', '/api/werkplek/his/settings')).json();
      const doctor = settings.accounts.find((account: { username: string }) => account.username === 'huisarts.hapz');
      const response = await api(beheerZonnehof, 'POST', `/api/werkplek/his/settings/accounts/${doctor.id}/link`);
      expect(response.statusCode).toBe(200);
      expect(await lastAudit('create')).toMatchObject({ object_type: 'his-account-link', object_id: doctor.id });
      const link = new URL(response.json().link);
      expect(link.pathname).toBe('/his/launch');
      expect(Object.fromEntries(link.searchParams)).toMatchObject({
        organisatienummer: '1001',
        praktijknummer: '201',
        gebruikersnummer: '11',
      });
      expect(link.searchParams.has('praktijkwachtwoord')).toBe(false);
      const viaLink = await open(`${link.pathname}${link.search}&${new URLSearchParams(anna).toString()}`);
      expect(viaLink.statusCode).toBe(303);
      expect((await proceed(huisarts, tokenOf(viaLink))).json()).toEqual({ action: 'open-patient', patientId: '1' });
      const old = await launch({ ...hapz, gebruikersnummer: '11', koppeltoken: HIS_DEMO.koppeltokenHuisartsHapz });
      expect(old.statusCode).toBe(403);

      const generic = await subject.database.db
        .selectFrom('account')
        .select('id')
        .where('username', '=', 'poh-somatiek.hapz')
        .executeTakeFirstOrThrow();
      const refused = await api(beheerZonnehof, 'POST', `/api/werkplek/his/settings/accounts/${generic.id}/link`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('his-account-not-personal');
      // An account of another practice is simply not there.
      const other = await subject.database.db
        .selectFrom('account')
        .select('id')
        .where('username', '=', 'huisarts.hapb')
        .executeTakeFirstOrThrow();
      expect((await api(beheerZonnehof, 'POST', `/api/werkplek/his/settings/accounts/${other.id}/link`)).statusCode).toBe(404);
    });

    it('changes the practice password (at least 12 characters); only the new one launches', async () => {
      const brug = { organisatienummer: '1001', praktijknummer: String(HIS_DEMO.praktijknummers.HAPB), gebruikersnummer: '11' };
      const short = await api(beheerBrug, 'PUT', '/api/werkplek/his/settings/password', { newPassword: 'kort' });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors).toEqual([
        { field: 'newPassword', message: 'Nieuw wachtwoord moet minstens 12 tekens hebben.' },
      ]);
      const changed = await api(beheerBrug, 'PUT', '/api/werkplek/his/settings/password', {
        newPassword: 'brug-his-koppeling-2026',
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ passwordSet: true, passwordChangedAt: subject.clock.now().toISOString() });
      expect((await launch({ ...brug, praktijkwachtwoord: HIS_DEMO.praktijkwachtwoord })).statusCode).toBe(403);
      expect((await launch({ ...brug, praktijkwachtwoord: 'brug-his-koppeling-2026' })).statusCode).toBe(303);
      expect(await lastAudit('update')).toMatchObject({ object_type: 'his-practice-password', actor_name: 'Patrick Donkers' });
      // The demo seed runs at every start: it never undoes the administrator's change.
      expect(await seedHisDemo(subject.database.db)).toEqual({ practices: 0 });
      expect((await launch({ ...brug, praktijkwachtwoord: 'brug-his-koppeling-2026' })).statusCode).toBe(303);
    });

    it('generates a signing secret (shown once) that signed launches then verify with', async () => {
      const brug = {
        organisatienummer: '1001',
        praktijknummer: String(HIS_DEMO.praktijknummers.HAPB),
        gebruikersnummer: '11',
        bsn: '999990044',
        geboortedatum: '23-11-1948',
      };
      expect((await open(signedUrl({ ...brug, ts: nowSeconds() }, HIS_DEMO.signingSecretHapz))).statusCode).toBe(403);
      const response = await api(beheerBrug, 'POST', '/api/werkplek/his/settings/signing-secret');
      expect(response.statusCode).toBe(200);
      const { signingSecret } = response.json();
      expect(signingSecret).toMatch(/^[0-9a-f]{64}$/);
      const signed = await open(signedUrl({ ...brug, ts: nowSeconds() }, signingSecret));
      expect(signed.statusCode).toBe(303);
      const settings = (await api(beheerBrug, 'GET', '/api/werkplek/his/settings')).json();
      expect(settings.signingSecretSet).toBe(true);
      expect(JSON.stringify(settings)).not.toContain(signingSecret);
    });
  });

  it('documents its addresses in the OpenAPI description', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    for (const documented of [
      '/his/launch',
      '/his/launch/signed',
      '/medix/his.php',
      '/api/werkplek/his/launch/{token}/continue',
      '/api/werkplek/his/settings',
      '/api/werkplek/his/settings/accounts/{accountId}/link',
    ])
      expect(paths).toContain(documented);
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await verifyAuditChain(subject.database.db)).toMatchObject({ ok: true });
  });
});
