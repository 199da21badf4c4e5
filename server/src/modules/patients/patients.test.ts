import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from '../../test/cookie-jar.js';
import { testEngines } from '../../test/database.js';
import { createDemoApp } from '../../test/demo-app.js';
import { parseSearchQuery } from './search-query.js';

describe('the search box', () => {
  it.each([
    ['15982', { patientNumber: '15982' }],
    ['P15982', { patientNumber: '15982' }],
    ['P0000015982', { patientNumber: '15982' }],
    ['0000015982', { patientNumber: '15982' }],
    ['3001234', { patientNumber: '3001234' }],
    ['999990019', { bsn: '999990019' }],
    ['123456789', { patientNumber: '123456789' }],
    ['12-03-1961', { birthDate: '1961-03-12' }],
    ['1-3-1961', { birthDate: '1961-03-01' }],
    ['de jong', { name: 'de jong' }],
    ['Jong 12-03-1961', { name: 'Jong', birthDate: '1961-03-12' }],
    ['999990019 12-03-1961', { bsn: '999990019', birthDate: '1961-03-12' }],
  ])('%s', (query, expected) => {
    expect(parseSearchQuery(query)).toEqual(expected);
  });
});

describe.each(testEngines)('patients in the Werkplek (%s)', (engine) => {
  let subject: Awaited<ReturnType<typeof createDemoApp>>;
  let assistent: CookieJar;
  let dietist: CookieJar;
  let huisarts: CookieJar;

  beforeAll(async () => {
    subject = await createDemoApp(engine);
    assistent = await subject.login('assistent.hapz');
    dietist = await subject.login('dietist.vitaal');
    huisarts = await subject.login('huisarts.hapz');
  });
  afterAll(() => subject.close());

  const search = (jar: CookieJar, q: string) =>
    subject.app.inject({
      method: 'GET',
      url: `/api/werkplek/patients?q=${encodeURIComponent(q)}`,
      headers: { cookie: jar.header() },
    });
  const post = (jar: CookieJar, url: string, payload: object) =>
    subject.app.inject({ method: 'POST', url, payload, headers: { cookie: jar.header() } });
  const get = (jar: CookieJar, url: string) => subject.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
  const names = (response: { json(): { hits: { roepnaam: string; familyName: string }[] } }) =>
    response.json().hits.map((hit) => `${hit.roepnaam} ${hit.familyName}`);

  it('finds Anna de Jong at her practice by P-ID number, BSN, birth date and partial name', async () => {
    for (const query of ['1', 'P0000000001', '999990019', '12-03-1961', 'jong', 'de jo']) {
      const response = await search(assistent, query);
      expect(response.statusCode, query).toBe(200);
      expect(names(response), query).toContain('Anna Jong');
    }
    const hit = (await search(assistent, 'jong')).json().hits.find((entry: { roepnaam: string }) => entry.roepnaam === 'Anna');
    expect(hit).toMatchObject({
      displayId: 'P0000000001',
      bsnMasked: '******019',
      birthDate: '1961-03-12',
      practiceName: 'Huisartsenpraktijk Zonnehof',
    });
  });

  it('matches names accent-insensitively', async () => {
    const add = await post(huisarts, '/api/werkplek/patients', {
      bsn: '111222333',
      roepnaam: 'Zoë',
      familyName: 'Çelik-Müller',
      birthDate: '1990-05-05',
      gender: 'female',
    });
    expect(add.statusCode).toBe(201);
    expect(names(await search(huisarts, 'celik-muller'))).toEqual(['Zoë Çelik-Müller']);
    expect(names(await search(huisarts, 'MULLER'))).toEqual(['Zoë Çelik-Müller']);
  });

  it('lets a chain partner find only patients within reach by name, and others by BSN and birth date', async () => {
    expect(names(await search(dietist, 'jong'))).toEqual([]);
    expect(names(await search(dietist, '999990019'))).toEqual([]);
    expect(names(await search(dietist, 'el amrani'))).toEqual(['Fatima El Amrani']);
    const exact = await search(dietist, '999990019 12-03-1961');
    expect(names(exact)).toEqual(['Anna Jong']);
    expect(exact.json().scope).toBe('any-patient');
    expect(names(await search(dietist, '999990019 13-03-1961'))).toEqual([]);
  });

  it('never returns a patient outside a chain partner’s reach, whatever the query', async () => {
    const reachable = new Set(['Fatima El Amrani']);
    for (const query of ['a', 'e', 'de', 'van', '1', '2', '01-01-1980', 'jong', 'bakker', 'schmidt']) {
      for (const name of names(await search(dietist, query))) expect(reachable.has(name), `${query} → ${name}`).toBe(true);
    }
  });

  it('asks the treatment relationship once, then opens the card with the Infopaneel data', async () => {
    const first = await get(assistent, '/api/werkplek/patients/1');
    expect(first.json()).toEqual({
      status: 'confirm-relationship',
      id: '1',
      displayId: 'P0000000001',
      name: 'Anna de Jong',
      birthDate: '1961-03-12',
    });
    const confirmed = await post(assistent, '/api/werkplek/patients/1/treatment-relationship', {});
    expect(confirmed.json()).toMatchObject({
      status: 'open',
      card: { roepnaam: 'Anna', familyNamePrefix: 'de', practice: { name: 'Huisartsenpraktijk Zonnehof' } },
    });
    const second = await get(assistent, '/api/werkplek/patients/1');
    expect(second.json().status).toBe('open');
    expect(second.json().card.accessReason).toBe('treatment-relationship');
  });

  it('answers "not found" for a patient outside reach, also for the relationship confirmation', async () => {
    expect((await get(dietist, '/api/werkplek/patients/1')).statusCode).toBe(404);
    expect((await post(dietist, '/api/werkplek/patients/1/treatment-relationship', {})).statusCode).toBe(404);
  });

  it('refuses a BSN that fails the 11-proef, naming the field in Dutch', async () => {
    const response = await post(assistent, '/api/werkplek/patients', {
      bsn: '123456789',
      roepnaam: 'Test',
      familyName: 'Fout',
      birthDate: '2000-01-01',
      gender: 'male',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'bsn', message: 'BSN is geen geldig BSN (de 11-proef klopt niet).' }]);
  });

  it('requires roepnaam and a Dutch postcode format, and saves nothing on error', async () => {
    const response = await post(assistent, '/api/werkplek/patients', {
      bsn: '123456782',
      familyName: 'Zonder',
      birthDate: '2000-01-01',
      gender: 'male',
      postcode: '12345',
    });
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'roepnaam', message: 'Roepnaam is verplicht.' },
        { field: 'postcode', message: 'Postcode moet de vorm 1234 AB hebben.' },
      ]),
    );
    expect(names(await search(assistent, '123456782'))).toEqual([]);
  });

  it('checks the insurance right at "Volgende stap" and shows it in the Infopaneel', async () => {
    const check = await post(assistent, '/api/werkplek/patients/insurance-check', { bsn: '100000009', birthDate: '1975-06-15' });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      outcome: 'insured',
      insurerName: expect.any(String),
      uzoviCode: expect.stringMatching(/^\d{4}$/),
      policyNumber: expect.any(String),
    });
    const created = await post(assistent, '/api/werkplek/patients', {
      bsn: '100000009',
      roepnaam: 'Sanne',
      familyName: 'Verzekerd',
      familyNamePrefix: 'van',
      birthDate: '1975-06-15',
      gender: 'female',
      postcode: '5611ab',
      insuranceCheckId: check.json().id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().displayId).toMatch(/^P\d{10}$/);
    const card = await get(assistent, `/api/werkplek/patients/${created.json().id}`);
    expect(card.json()).toMatchObject({
      status: 'open',
      card: {
        lastInsuranceCheck: { outcome: 'insured', insurerName: check.json().insurerName },
        practice: { name: 'Huisartsenpraktijk Zonnehof' },
      },
    });
  });

  it('tells when the insured is not insured, or the service is unavailable', async () => {
    // The simulator: 8th digit 7 → not insured, 8 → unavailable.
    expect(
      (await post(assistent, '/api/werkplek/patients/insurance-check', { bsn: '100000071', birthDate: '1980-01-01' })).json()
        .outcome,
    ).toBe('not-insured');
    expect(
      (await post(assistent, '/api/werkplek/patients/insurance-check', { bsn: '100000083', birthDate: '1980-01-01' })).json()
        .outcome,
    ).toBe('unavailable');
  });

  it('offers the existing patient for a known BSN and never makes a second record, also for two submits at once', async () => {
    const known = await post(assistent, '/api/werkplek/patients', {
      bsn: '999990019',
      roepnaam: 'Anna',
      familyName: 'Jong',
      birthDate: '1961-03-12',
      gender: 'female',
    });
    expect(known.statusCode).toBe(409);
    expect(known.json()).toMatchObject({
      title: 'Deze patiënt bestaat al',
      existingPatient: { displayId: 'P0000000001', name: 'Anna de Jong' },
    });

    const body = { bsn: '100000010', roepnaam: 'Tweeling', familyName: 'Gelijktijdig', birthDate: '2001-01-01', gender: 'male' };
    const results = await Promise.all([
      post(assistent, '/api/werkplek/patients', body),
      post(huisarts, '/api/werkplek/patients', body),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([201, 409]);
    expect(names(await search(huisarts, '100000010'))).toEqual(['Tweeling Gelijktijdig']);
  });

  it('adds a patient insured abroad with a passport number instead of a BSN', async () => {
    const missing = await post(assistent, '/api/werkplek/patients', {
      insuranceCountry: 'DE',
      roepnaam: 'Jonas',
      familyName: 'Weber',
      birthDate: '1988-08-08',
      gender: 'male',
    });
    expect(missing.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'foreignIdNumber', message: 'Paspoort- of ID-kaartnummer is verplicht bij een verzekering buiten Nederland.' },
      ]),
    );
    const created = await post(assistent, '/api/werkplek/patients', {
      insuranceCountry: 'DE',
      nationality: 'DE',
      foreignIdType: 'passport',
      foreignIdNumber: 'C01X00T99',
      roepnaam: 'Jonas',
      familyName: 'Weber',
      birthDate: '1988-08-08',
      gender: 'male',
    });
    expect(created.statusCode).toBe(201);
    expect(names(await search(assistent, 'weber'))).toEqual(['Jonas Weber']);
  });

  it('lets only GP practices add patients', async () => {
    const response = await post(dietist, '/api/werkplek/patients', {
      bsn: '100000022',
      roepnaam: 'X',
      familyName: 'Y',
      birthDate: '2000-01-01',
      gender: 'male',
    });
    expect(response.statusCode).toBe(404);
  });
});
