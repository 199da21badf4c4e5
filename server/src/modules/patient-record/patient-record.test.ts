import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantAccess } from '../../access/repository.js';
import { verifyAuditChain } from '../../audit/verify.js';
import { readSessionToken } from '../../auth/cookies.js';
import { clientInfo, type WerkplekAuth } from '../../auth/routes.js';
import { resolveSession } from '../../auth/session-service.js';
import { AppError } from '../../http/problem.js';
import type { TestApp } from '../../test/app.js';
import type { CookieJar } from '../../test/cookie-jar.js';
import { testEngines } from '../../test/database.js';
import { createDemoApp } from '../../test/demo-app.js';
import { patientRecordRoutes } from './routes.js';

// The demo region (server/src/db/seed): Anna (1), Sem (2) and Fatima (4) are enrolled at Huisartsenpraktijk Zonnehof
// (HAPZ); Fatima was referred by poh.hapz to Diëtistenpraktijk Vitaal. "Today" is 29-11-2026.

/**
 * What app.ts does for these routes, until they are registered there: the same session guard, the same deps.
 * Once app.ts registers them, the app's own registration is used.
 */
async function withPatientRecordRoutes(subject: TestApp): Promise<void> {
  await subject.app.after();
  if (subject.app.hasRoute({ method: 'GET', url: '/api/werkplek/patients/:patientId/team' })) return;
  const authDeps = {
    db: subject.database.db,
    clock: subject.clock,
    settings: subject.config.session,
    publicBaseUrl: 'http://localhost',
    mailQueued: () => undefined,
  };
  const auth: WerkplekAuth = {
    async requireSession(request) {
      const info = clientInfo(request);
      const session = await resolveSession(authDeps, readSessionToken(request, { secure: false }), info);
      if (!session) throw new AppError(401, 'session-required', 'auth.sessionRequired.title', 'auth.sessionRequired.detail');
      return {
        session,
        context: {
          actor: session.actor,
          requestId: request.id,
          ip: info.ip,
          userAgent: info.userAgent,
          sessionRef: session.sessionRef,
        },
      };
    },
  };
  await subject.app.register(patientRecordRoutes, { deps: { db: subject.database.db, clock: subject.clock }, auth });
}

describe.each(testEngines)('the patient record tabs and Overschrijven (%s)', (engine) => {
  let subject: TestApp & { login(username: string): Promise<CookieJar> };
  const jars: Record<string, CookieJar> = {};
  const organisations: Record<string, string> = {};
  const usernames = [
    'huisarts.hapz',
    'tkoster.hapz',
    'poh.hapz',
    'pohggz.hapz',
    'assistent.hapz',
    'huisarts.hapb',
    'poh.hapb',
    'dietist.vitaal',
  ] as const;
  type Username = (typeof usernames)[number];

  beforeAll(async () => {
    subject = await createDemoApp(engine, 10);
    await withPatientRecordRoutes(subject);
    for (const username of usernames) jars[username] = await subject.login(username);
    const rows = await subject.database.db.selectFrom('organisation').select(['id', 'abbreviation']).execute();
    for (const row of rows) if (row.abbreviation) organisations[row.abbreviation] = row.id;
  }, 120_000);
  afterAll(() => subject.close());

  const request = (
    user: Username,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    language = 'nl',
  ): Promise<LightMyRequestResponse> =>
    subject.app.inject({
      method,
      url,
      headers: { cookie: (jars[user] as CookieJar).header(), 'accept-language': language },
      ...(payload ? { payload } : {}),
    });
  const get = (user: Username, url: string) => request(user, 'GET', url);
  const confirmRelationship = async (user: Username, patientId: string) =>
    expect((await request(user, 'POST', `/api/werkplek/patients/${patientId}/treatment-relationship`, {})).statusCode).toBe(200);
  const accountId = async (username: string) =>
    (await subject.database.db.selectFrom('account').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const auditEvents = (patientId: string) =>
    subject.database.db.selectFrom('audit_event').selectAll().where('patient_id', '=', patientId).orderBy('id').execute();
  const lastAuditEvent = async (patientId: string) => (await auditEvents(patientId)).at(-1);

  describe('Overschrijven (seed 001 §7.1)', () => {
    it('lets a new practice take over a patient found by BSN and birth date; the old practice loses access', async () => {
      await confirmRelationship('poh.hapz', '2');
      expect((await get('poh.hapz', '/api/werkplek/patients/2/personalia')).statusCode).toBe(200);

      const search = await get('huisarts.hapb', `/api/werkplek/patients?q=${encodeURIComponent('999990032 04-05-2016')}`);
      expect(search.json()).toMatchObject({
        scope: 'any-patient',
        hits: [{ id: '2', practiceName: 'Huisartsenpraktijk Zonnehof' }],
      });
      expect((await get('huisarts.hapb', '/api/werkplek/patients/2')).statusCode).toBe(404);

      const guessed = await request('huisarts.hapb', 'POST', '/api/werkplek/patients/1/transfer', {
        bsn: '999990019',
        birthDate: '1961-03-13',
        confirm: true,
      });
      expect(guessed.statusCode).toBe(404);

      const unconfirmed = await request('huisarts.hapb', 'POST', '/api/werkplek/patients/2/transfer', {
        bsn: '999990032',
        birthDate: '2016-05-04',
      });
      expect(unconfirmed.statusCode).toBe(400);
      expect(unconfirmed.json().errors).toEqual([{ field: 'confirm', message: 'Bevestig dit eerst (Bevestiging).' }]);

      const transfer = await request('huisarts.hapb', 'POST', '/api/werkplek/patients/2/transfer', {
        bsn: '999990032',
        birthDate: '2016-05-04',
        confirm: true,
      });
      expect(transfer.statusCode).toBe(200);
      expect(transfer.json()).toEqual({
        enrolmentId: expect.any(String),
        practice: { id: organisations.HAPB, name: 'Huisartsenpraktijk De Brug' },
        previousPractice: { id: organisations.HAPZ, name: 'Huisartsenpraktijk Zonnehof' },
        validFrom: '2026-11-29',
      });

      // The new practice's account has its relationship; the record opens at once.
      expect((await get('huisarts.hapb', '/api/werkplek/patients/2')).json()).toMatchObject({
        status: 'open',
        card: { practice: { name: 'Huisartsenpraktijk De Brug' }, accessReason: 'treatment-relationship' },
      });
      const personalia = await get('huisarts.hapb', '/api/werkplek/patients/2/personalia');
      expect(personalia.json().enrolments).toEqual([
        {
          id: transfer.json().enrolmentId,
          practice: { id: organisations.HAPB, name: 'Huisartsenpraktijk De Brug' },
          validFrom: '2026-11-29',
          validTo: null,
          current: true,
        },
        {
          id: expect.any(String),
          practice: { id: organisations.HAPZ, name: 'Huisartsenpraktijk Zonnehof' },
          validFrom: '2016-05-20',
          validTo: '2026-11-29',
          current: false,
        },
      ]);

      // The old practice: its relationship ended with the enrolment, so the record is gone for it.
      expect((await get('poh.hapz', '/api/werkplek/patients/2')).statusCode).toBe(404);
      expect((await get('poh.hapz', '/api/werkplek/patients/2/personalia')).statusCode).toBe(404);
      expect((await get('huisarts.hapz', '/api/werkplek/patients/2')).statusCode).toBe(404);
      // Colleagues at the new practice reach it through the enrolment and confirm their own relationship.
      expect((await get('poh.hapb', '/api/werkplek/patients/2')).json().status).toBe('confirm-relationship');

      const events = await auditEvents('2');
      const enrolmentEvent = events.find((event) => event.object_type === 'enrolment');
      const pohGround = await subject.database.db
        .selectFrom('access_ground')
        .select(['id', 'revoked_at'])
        .where('patient_id', '=', '2')
        .where('grantee_id', '=', await accountId('poh.hapz'))
        .executeTakeFirstOrThrow();
      expect(pohGround.revoked_at).not.toBeNull();
      expect(enrolmentEvent).toMatchObject({
        action: 'update',
        outcome: 'success',
        object_id: transfer.json().enrolmentId,
        actor_id: await accountId('huisarts.hapb'),
        details: {
          fromOrganisationId: organisations.HAPZ,
          toOrganisationId: organisations.HAPB,
          revokedGrounds: [pohGround.id],
        },
      });
      expect(events).toContainEqual(
        expect.objectContaining({ action: 'create', object_type: 'treatment-relationship', details: { via: 'transfer' } }),
      );
    });

    it('refuses a patient already enrolled at the own practice, clearly', async () => {
      const again = await request('huisarts.hapb', 'POST', '/api/werkplek/patients/2/transfer', {
        bsn: '999990032',
        birthDate: '2016-05-04',
        confirm: true,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'already-enrolled',
        title: 'Deze patiënt staat al bij uw praktijk ingeschreven',
      });
      const english = await request(
        'huisarts.hapb',
        'POST',
        '/api/werkplek/patients/2/transfer',
        { bsn: '999990032', birthDate: '2016-05-04', confirm: true },
        'en',
      );
      expect(english.json().title).toBe('This patient is already enrolled at your practice');
      const personalia = await get('huisarts.hapb', '/api/werkplek/patients/2/personalia');
      expect(personalia.json().enrolments).toHaveLength(2);
    });

    it('is for GP practices only, and not for unknown patients', async () => {
      expect(
        (
          await request('dietist.vitaal', 'POST', '/api/werkplek/patients/4/transfer', {
            bsn: '999990056',
            birthDate: '1985-07-30',
            confirm: true,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await request('huisarts.hapb', 'POST', '/api/werkplek/patients/987654/transfer', {
            bsn: '999990032',
            birthDate: '2016-05-04',
            confirm: true,
          })
        ).statusCode,
      ).toBe(404);
    });
  });

  describe('Naar jezelf verwijzen (seed 001 §7.4)', () => {
    // Sem de Jong (2): not referred to Diëtistenpraktijk Vitaal.
    const sem = { bsn: '999990032', birthDate: '2016-05-04' };
    const selfRefer = (user: Username, patientId: string, body: object) =>
      request(user, 'POST', `/api/werkplek/patients/${patientId}/self-referral`, body);

    it('lets a chain partner refer a patient found by BSN and birth date to itself; then the name finds him', async () => {
      expect((await get('dietist.vitaal', `/api/werkplek/patients?q=${encodeURIComponent('jong')}`)).json().hits).toEqual([]);
      expect((await get('dietist.vitaal', '/api/werkplek/patients/2')).statusCode).toBe(404);

      // An id with someone else's identity reaches nobody, and leaves nothing behind.
      expect(
        (await selfRefer('dietist.vitaal', '2', { bsn: '999990019', birthDate: '1961-03-12', confirm: true })).statusCode,
      ).toBe(404);
      const unconfirmed = await selfRefer('dietist.vitaal', '2', { ...sem });
      expect(unconfirmed.statusCode).toBe(400);
      expect(unconfirmed.json().errors).toEqual([expect.objectContaining({ field: 'confirm' })]);
      const referralsOf = () =>
        subject.database.db
          .selectFrom('referral')
          .selectAll()
          .where('patient_id', '=', '2')
          .where('to_organisation_id', '=', organisations.VITAAL ?? '')
          .execute();
      expect(await referralsOf()).toEqual([]);

      const referred = await selfRefer('dietist.vitaal', '2', { ...sem, confirm: true });
      expect(referred.statusCode).toBe(200);
      expect(referred.json()).toEqual({ referred: true, newReferral: true });
      const referrals = await referralsOf();
      expect(referrals).toEqual([
        expect.objectContaining({
          from_account_id: await accountId('dietist.vitaal'),
          to_role: 'dietist',
          reason: 'Naar jezelf verwezen: patiënt gevonden op BSN en geboortedatum',
        }),
      ]);
      expect(referrals[0]?.opened_at).not.toBeNull();

      // The record opens without a second question, the dietitian is in the team, and the name now finds Anna.
      const card = await get('dietist.vitaal', '/api/werkplek/patients/2');
      expect(card.statusCode).toBe(200);
      expect(card.json().status).toBe('open');
      const team = await get('dietist.vitaal', '/api/werkplek/patients/2/team');
      expect(team.json().members.map((member: { name: string }) => member.name)).toContain('Femke Kuipers');
      expect((await get('dietist.vitaal', `/api/werkplek/patients?q=${encodeURIComponent('jong')}`)).json().hits).toEqual([
        expect.objectContaining({ id: '2' }),
      ]);
      const events = await auditEvents('2');
      expect(events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'create', object_type: 'referral', object_id: referrals[0]?.id, outcome: 'success' }),
          expect.objectContaining({ action: 'create', object_type: 'treatment-relationship', details: { via: 'self-referral' } }),
        ]),
      );

      // Saying it again changes nothing.
      expect((await selfRefer('dietist.vitaal', '2', { ...sem, confirm: true })).json()).toEqual({
        referred: true,
        newReferral: false,
      });
      expect(await referralsOf()).toHaveLength(1);
      expect(await verifyAuditChain(subject.database.db)).toMatchObject({ ok: true });
    });

    it('is not for GP practices: they take a patient over instead', async () => {
      expect((await selfRefer('huisarts.hapz', '2', { ...sem, confirm: true })).statusCode).toBe(404);
    });
  });

  describe('Personalia (seed 001 §5.8)', () => {
    it('asks for the treatment relationship before the tab opens', async () => {
      const response = await get('tkoster.hapz', '/api/werkplek/patients/1/personalia');
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'relationship-required', title: 'Behandelrelatie bevestigen' });
    });

    it('shows every group, the full BSN and the pencils to a role that may write personalia', async () => {
      await confirmRelationship('huisarts.hapz', '1');
      const response = await get('huisarts.hapz', '/api/werkplek/patients/1/personalia');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        patientId: '1',
        displayId: 'P0000000001',
        identification: { bsn: '999990019', bsnMasked: false, legacyId: null },
        names: { initials: 'A.M.', givenNames: 'Anna Maria', roepnaam: 'Anna', familyNamePrefix: 'de', familyName: 'Jong' },
        birth: { birthDate: '1961-03-12', gender: 'female', nationality: 'NL' },
        address: {
          street: 'Kastanjelaan',
          houseNumber: '27',
          houseNumberSuffix: null,
          postcode: '5616 LK',
          city: 'Eindhoven',
          country: 'NL',
        },
        contact: { phone: '06-41223344', email: 'anna.dejong@example.com' },
        insurance: { insuranceCountry: 'NL', foreignIdType: null, foreignIdNumber: null, lastInsuranceCheck: null },
        enrolments: [
          {
            id: expect.any(String),
            practice: { id: organisations.HAPZ, name: 'Huisartsenpraktijk Zonnehof' },
            validFrom: '1994-09-01',
            validTo: null,
            current: true,
          },
        ],
        pharmacy: { pharmacyId: organisations['APO-ZONNEHOF'], pharmacyName: 'Apotheek Zonnehof' },
        editableGroups: ['names', 'birth', 'address', 'contact', 'insurance', 'pharmacy'],
      });
      expect(await lastAuditEvent('1')).toMatchObject({ action: 'read', object_type: 'personalia', outcome: 'success' });
    });

    it('saves a group and logs each changed field with its old and new value', async () => {
      const response = await request('huisarts.hapz', 'PATCH', '/api/werkplek/patients/1/personalia/names', {
        initials: 'A.M.',
        givenNames: 'Anna Maria',
        roepnaam: 'Annie',
        familyNamePrefix: 'de',
        familyName: 'Jong',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().names.roepnaam).toBe('Annie');
      expect(await lastAuditEvent('1')).toMatchObject({
        action: 'update',
        object_type: 'personalia',
        reason: 'treatment-relationship',
        details: { group: 'names', changes: { roepnaam: { old: 'Anna', new: 'Annie' } } },
      });

      const address = await request('huisarts.hapz', 'PATCH', '/api/werkplek/patients/1/personalia/address', {
        street: 'Kastanjelaan',
        houseNumber: '29',
        postcode: '5616lk',
        city: 'Eindhoven',
      });
      expect(address.json().address).toEqual({
        street: 'Kastanjelaan',
        houseNumber: '29',
        houseNumberSuffix: null,
        postcode: '5616 LK',
        city: 'Eindhoven',
        country: 'NL',
      });
      expect((await lastAuditEvent('1'))?.details).toMatchObject({
        group: 'address',
        changes: { houseNumber: { old: '27', new: '29' } },
      });
      expect(Object.keys((await lastAuditEvent('1'))?.details?.changes as object)).toEqual(['houseNumber']);
      // The card (Infopaneel) shows the new roepnaam too.
      expect((await get('huisarts.hapz', '/api/werkplek/patients/1')).json().card.roepnaam).toBe('Annie');
    });

    it('names every invalid field in Dutch and saves nothing of the group', async () => {
      const names = await request('huisarts.hapz', 'PATCH', '/api/werkplek/patients/1/personalia/names', {
        bsn: '123456782',
        roepnaam: '',
        familyName: 'Nieuw',
      });
      expect(names.statusCode).toBe(400);
      expect(names.json().errors).toEqual(
        expect.arrayContaining([
          { field: 'roepnaam', message: 'Roepnaam is verplicht.' },
          { field: 'bsn', message: 'BSN kan niet via Personalia worden gewijzigd.' },
        ]),
      );
      const address = await request('huisarts.hapz', 'PATCH', '/api/werkplek/patients/1/personalia/address', {
        postcode: '12345',
        city: 'Ergens',
      });
      expect(address.json().errors).toEqual([{ field: 'postcode', message: 'Postcode moet de vorm 1234 AB hebben.' }]);
      const birth = await request('huisarts.hapz', 'PATCH', '/api/werkplek/patients/1/personalia/birth', {
        birthDate: '2030-01-01',
        gender: 'female',
      });
      expect(birth.json().errors).toEqual([{ field: 'birthDate', message: 'Geboortedatum mag niet in de toekomst liggen.' }]);
      const insurance = await request('huisarts.hapz', 'PATCH', '/api/werkplek/patients/1/personalia/insurance', {
        insuranceCountry: 'BE',
      });
      expect(insurance.json().errors).toEqual(
        expect.arrayContaining([
          { field: 'foreignIdNumber', message: 'Paspoort- of ID-kaartnummer is verplicht bij een verzekering buiten Nederland.' },
        ]),
      );
      const pharmacy = await request('huisarts.hapz', 'PATCH', '/api/werkplek/patients/1/personalia/pharmacy', {
        pharmacyId: organisations.HAPZ,
      });
      expect(pharmacy.json().errors).toEqual([{ field: 'pharmacyId', message: 'Apotheek is geen bekende apotheek.' }]);

      const after = (await get('huisarts.hapz', '/api/werkplek/patients/1/personalia')).json();
      expect(after.names).toMatchObject({ roepnaam: 'Annie', familyName: 'Jong' });
      expect(after.address.city).toBe('Eindhoven');
      expect(after.birth.birthDate).toBe('1961-03-12');
      expect(after.insurance.insuranceCountry).toBe('NL');
      expect(after.pharmacy.pharmacyName).toBe('Apotheek Zonnehof');
    });

    it('changes the pharmacy to one from the list', async () => {
      const list = (await get('huisarts.hapz', '/api/werkplek/pharmacies')).json().pharmacies;
      expect(list.map((pharmacy: { name: string }) => pharmacy.name)).toEqual(['Apotheek De Vijzel', 'Apotheek Zonnehof']);
      const response = await request('huisarts.hapz', 'PATCH', '/api/werkplek/patients/1/personalia/pharmacy', {
        pharmacyId: organisations['APO-VIJZEL'],
      });
      expect(response.json().pharmacy).toEqual({ pharmacyId: organisations['APO-VIJZEL'], pharmacyName: 'Apotheek De Vijzel' });
      expect((await lastAuditEvent('1'))?.details).toMatchObject({
        changes: { pharmacyId: { old: organisations['APO-ZONNEHOF'], new: organisations['APO-VIJZEL'] } },
      });
    });

    it('keeps a record without BSN insured abroad, and logs identity-document numbers masked', async () => {
      await confirmRelationship('huisarts.hapb', '5');
      const dutch = await request('huisarts.hapb', 'PATCH', '/api/werkplek/patients/5/personalia/insurance', {
        insuranceCountry: 'NL',
      });
      expect(dutch.statusCode).toBe(400);
      expect(dutch.json().errors).toEqual([
        {
          field: 'insuranceCountry',
          message: 'Voor een verzekering in Nederland is een BSN nodig, en dit dossier heeft geen BSN.',
        },
      ]);
      const passport = await request('huisarts.hapb', 'PATCH', '/api/werkplek/patients/5/personalia/insurance', {
        insuranceCountry: 'DE',
        foreignIdType: 'passport',
        foreignIdNumber: 'C01X00T99',
      });
      expect(passport.json().insurance).toMatchObject({ insuranceCountry: 'DE', foreignIdNumber: 'C01X00T99' });
      expect((await lastAuditEvent('5'))?.details).toMatchObject({
        group: 'insurance',
        changes: { foreignIdNumber: { old: '******T47', new: '******T99' } },
      });
      expect(JSON.stringify(await auditEvents('5'))).not.toContain('C01X00T99');
    });

    it('shows a role without the write right a masked BSN and no pencils, and answers its changes "not found"', async () => {
      await confirmRelationship('dietist.vitaal', '4');
      const response = await get('dietist.vitaal', '/api/werkplek/patients/4/personalia');
      expect(response.json()).toMatchObject({
        identification: { bsn: '******056', bsnMasked: true },
        names: { roepnaam: 'Fatima' },
        editableGroups: [],
      });
      const change = await request('dietist.vitaal', 'PATCH', '/api/werkplek/patients/4/personalia/contact', {
        phone: '06-00000000',
      });
      expect(change.statusCode).toBe(404);
      expect(await lastAuditEvent('4')).toMatchObject({
        action: 'access-denied',
        reason: 'no-role-right',
        object_type: 'personalia',
      });
      expect((await get('dietist.vitaal', '/api/werkplek/patients/4/personalia')).json().contact.phone).toBe('06-28765412');
    });
  });

  describe("Memo's (seed 001 §5.7)", () => {
    let personal: string;
    let practice: string;

    it('shows a personal memo to its author only and a practice memo to the practice', async () => {
      await confirmRelationship('tkoster.hapz', '1');
      // A GP of another practice who treats Anna too (e.g. as locum) has a ground of its own.
      await grantAccess(subject.database.db, {
        patientId: '1',
        granteeType: 'account',
        granteeId: await accountId('huisarts.hapb'),
        kind: 'treatment-relationship',
        source: 'test:locum',
        validFrom: new Date('2026-11-01T00:00:00Z'),
      });

      const first = await request('huisarts.hapz', 'POST', '/api/werkplek/patients/1/memos', {
        text: 'Belt liever na 16 uur.',
        visibility: 'personal',
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        text: 'Belt liever na 16 uur.',
        visibility: 'personal',
        mine: true,
        author: { name: 'Jeroen de Vries', role: { code: 'huisarts', nl: 'Huisarts' } },
        organisation: { id: organisations.HAPZ, name: 'Huisartsenpraktijk Zonnehof' },
      });
      personal = first.json().id;
      const second = await request('huisarts.hapz', 'POST', '/api/werkplek/patients/1/memos', {
        text: 'Sleutel bij de buren (nr. 25).',
        visibility: 'practice',
      });
      practice = second.json().id;
      expect(await lastAuditEvent('1')).toMatchObject({
        action: 'create',
        object_type: 'memo',
        object_id: practice,
        details: { visibility: 'practice' },
      });

      const texts = async (user: Username) => {
        const response = await get(user, '/api/werkplek/patients/1/memos');
        expect(response.statusCode).toBe(200);
        return response.json().memos.map((memo: { text: string }) => memo.text);
      };
      expect(await texts('huisarts.hapz')).toEqual(['Sleutel bij de buren (nr. 25).', 'Belt liever na 16 uur.']);
      expect(await texts('tkoster.hapz')).toEqual(['Sleutel bij de buren (nr. 25).']);
      expect((await get('tkoster.hapz', '/api/werkplek/patients/1/memos')).json().memos[0].mine).toBe(false);
      expect(await texts('huisarts.hapb')).toEqual([]);
      // One read event per request, with ids only: the memo text never goes into the log.
      expect(await lastAuditEvent('1')).toMatchObject({
        action: 'read',
        object_type: 'memo',
        details: { count: 0, memoIds: [] },
      });
      expect((await get('dietist.vitaal', '/api/werkplek/patients/1/memos')).statusCode).toBe(404);
      expect(await lastAuditEvent('1')).toMatchObject({ action: 'access-denied', object_type: 'memo' });
      const logged = JSON.stringify(await auditEvents('1'));
      expect(logged).not.toContain('Sleutel bij de buren');
      expect(logged).not.toContain('Belt liever');
    });

    it('lets only the author change or delete a memo', async () => {
      for (const memoId of [personal, practice]) {
        const change = await request('tkoster.hapz', 'PUT', `/api/werkplek/patients/1/memos/${memoId}`, {
          text: 'Overschreven',
          visibility: 'practice',
        });
        expect(change.statusCode).toBe(404);
        expect(await lastAuditEvent('1')).toMatchObject({ action: 'access-denied', reason: 'private-memo' });
        expect((await request('tkoster.hapz', 'DELETE', `/api/werkplek/patients/1/memos/${memoId}`)).statusCode).toBe(404);
      }

      const changed = await request('huisarts.hapz', 'PUT', `/api/werkplek/patients/1/memos/${practice}`, {
        text: 'Sleutel bij de buren (nr. 25), alleen voor mij.',
        visibility: 'personal',
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ visibility: 'personal', mine: true });
      expect((await get('tkoster.hapz', '/api/werkplek/patients/1/memos')).json().memos).toEqual([]);

      expect((await request('huisarts.hapz', 'DELETE', `/api/werkplek/patients/1/memos/${personal}`)).statusCode).toBe(204);
      expect(await lastAuditEvent('1')).toMatchObject({ action: 'delete', object_type: 'memo', object_id: personal });
      const remaining = (await get('huisarts.hapz', '/api/werkplek/patients/1/memos')).json().memos;
      expect(remaining.map((memo: { id: string }) => memo.id)).toEqual([practice]);
      expect((await request('huisarts.hapz', 'DELETE', `/api/werkplek/patients/1/memos/${personal}`)).statusCode).toBe(404);
    });

    it('names what is wrong with a memo', async () => {
      const response = await request('huisarts.hapz', 'POST', '/api/werkplek/patients/1/memos', {
        text: '   ',
        visibility: 'everyone',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual(
        expect.arrayContaining([
          { field: 'text', message: 'Tekst is verplicht.' },
          { field: 'visibility', message: 'Zichtbaar voor moet een van deze waarden zijn: personal, practice.' },
        ]),
      );
    });
  });

  describe('Behandelteam (seed 001 §5.6)', () => {
    it('lists who confirmed a relationship and the organisations involved, hiding the POH-GGZ from the dietitian', async () => {
      for (const user of ['huisarts.hapz', 'poh.hapz', 'pohggz.hapz'] as const) await confirmRelationship(user, '4');

      const team = async (user: Username) => {
        const response = await get(user, '/api/werkplek/patients/4/team');
        expect(response.statusCode).toBe(200);
        return response.json();
      };
      const forGp = await team('huisarts.hapz');
      expect(forGp.members.map((member: { name: string; role: { nl: string } }) => `${member.name} (${member.role.nl})`)).toEqual(
        ['Femke Kuipers (Diëtist)', 'Jeroen de Vries (Huisarts)', 'Marieke Jansen (POH-somatiek)', 'Sevda Kaya (POH-GGZ)'],
      );
      expect(forGp.members[0]).toEqual({
        accountId: await accountId('dietist.vitaal'),
        name: 'Femke Kuipers',
        role: { code: 'dietist', nl: 'Diëtist', en: 'Dietitian' },
        organisation: { id: organisations.VITAAL, name: 'Diëtistenpraktijk Vitaal', type: 'dietitian' },
        since: '2026-11-29T09:00:00.000Z',
      });
      expect(forGp.organisations).toEqual([
        {
          organisation: { id: organisations.HAPZ, name: 'Huisartsenpraktijk Zonnehof', type: 'gp-practice' },
          reason: 'enrolment',
          role: null,
          since: '2009-02-16',
        },
        {
          organisation: { id: organisations.VITAAL, name: 'Diëtistenpraktijk Vitaal', type: 'dietitian' },
          reason: 'referral',
          role: { code: 'dietist', nl: 'Diëtist', en: 'Dietitian' },
          since: expect.stringMatching(/^2026-11-\d{2}$/),
        },
      ]);

      const forDietitian = await team('dietist.vitaal');
      expect(forDietitian.members.map((member: { name: string }) => member.name)).toEqual([
        'Femke Kuipers',
        'Jeroen de Vries',
        'Marieke Jansen',
      ]);
      expect(await lastAuditEvent('4')).toMatchObject({ action: 'read', object_type: 'treatment-team', outcome: 'success' });
    });

    it('asks for the relationship first, and answers "not found" outside reach', async () => {
      expect((await get('assistent.hapz', '/api/werkplek/patients/4/team')).statusCode).toBe(409);
      expect((await get('huisarts.hapb', '/api/werkplek/patients/4/team')).statusCode).toBe(404);
    });
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await verifyAuditChain(subject.database.db)).toMatchObject({ ok: true });
  });
});
