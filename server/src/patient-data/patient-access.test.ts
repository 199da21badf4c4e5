import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderActor, RequestContext } from '../access/context.js';
import { addExclusion } from '../access/repository.js';
import { verifyAuditChain } from '../audit/verify.js';
import { findAccountByUsername } from '../auth/repository.js';
import { ManualClock } from '../clock.js';
import type { DatabaseHandle } from '../db/connection.js';
import { AppError } from '../http/problem.js';
import { createTestDatabase, testEngines } from '../test/database.js';
import { createAccount, createOrganisation } from '../test/fixtures.js';
import { readPatientCard } from './patient-card.js';
import { confirmTreatmentRelationship } from './patient-registration.js';

describe.each(testEngines)('actor-scoped patient data access (%s)', (engine) => {
  let database: DatabaseHandle;
  const clock = new ManualClock('2026-11-29T10:00:00Z');
  const contexts: Record<string, RequestContext> = {};
  const patients: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const north = await createOrganisation(db, { name: 'Huisartsenpraktijk Noord', abbreviation: 'HAPDN' });
    const south = await createOrganisation(db, { name: 'Huisartsenpraktijk Zuid', abbreviation: 'HAPDZ' });
    const dietitians = await createOrganisation(db, { name: 'Diëtisten Data', abbreviation: 'DDATA', type: 'dietitian' });
    await createAccount(db, { organisationId: north.id, username: 'huisarts.hapdn', role: 'huisarts', gebruikersnummer: 1 });
    await createAccount(db, { organisationId: south.id, username: 'huisarts.hapdz', role: 'huisarts', gebruikersnummer: 1 });
    await createAccount(db, { organisationId: dietitians.id, username: 'dietist.ddata', role: 'dietist', gebruikersnummer: 1 });
    await createAccount(db, {
      organisationId: north.id,
      username: 'assistente.hapdn',
      role: 'praktijkassistent',
      gebruikersnummer: 2,
      personal: false,
    });
    for (const username of ['huisarts.hapdn', 'huisarts.hapdz', 'dietist.ddata', 'assistente.hapdn']) {
      const account = await findAccountByUsername(db, username);
      contexts[username] = {
        actor: account?.actor as ProviderActor,
        requestId: `test-${username}`,
        ip: '127.0.0.1',
        userAgent: 'vitest',
        sessionRef: 'session-ref',
      };
    }
    for (const [key, bsn] of [
      ['enrolled', '111222333'],
      ['referred', '123456782'],
    ] as const) {
      const patient = await db
        .insertInto('patient')
        .values({
          bsn,
          roepnaam: key === 'enrolled' ? 'Joke' : 'Karim',
          family_name: 'Testpersoon',
          family_name_prefix: 'de',
          birth_date: '1970-01-01',
          gender: 'female',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      patients[key] = patient.id;
      await db
        .insertInto('enrolment')
        .values({ patient_id: patient.id, organisation_id: north.id, valid_from: '2020-01-01' })
        .execute();
    }
    const gp = await findAccountByUsername(db, 'huisarts.hapdn');
    await db
      .insertInto('referral')
      .values({
        patient_id: patients.referred ?? '',
        from_account_id: gp?.actor.accountId ?? '',
        to_organisation_id: dietitians.id,
        to_role: 'dietist',
        reason: 'Overgewicht, GLI',
        // Before the test's clock (the database's now() is the real time, which passes the clock during the day).
        created_at: new Date('2026-11-01T10:00:00Z'),
      })
      .execute();
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock });
  const context = (username: string) => contexts[username] as RequestContext;

  async function lastAuditEvent() {
    return database.db.selectFrom('audit_event').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  }

  it('lets the enrolling practice read the card after confirming the relationship, and logs each read with its ground', async () => {
    const pending = await readPatientCard(deps(), context('huisarts.hapdn'), patients.enrolled ?? '');
    expect(pending).toMatchObject({ status: 'confirm-relationship', name: 'Joke de Testpersoon', birthDate: '1970-01-01' });
    expect(pending && 'displayId' in pending ? pending.displayId : '').toMatch(/^P\d{10}$/);
    expect(await lastAuditEvent()).toMatchObject({ action: 'read', reason: 'enrolment', patient_id: patients.enrolled });

    await confirmTreatmentRelationship(deps(), context('huisarts.hapdn'), patients.enrolled ?? '');
    expect(await lastAuditEvent()).toMatchObject({
      action: 'create',
      object_type: 'treatment-relationship',
      reason: 'enrolment',
    });
    const opened = await readPatientCard(deps(), context('huisarts.hapdn'), patients.enrolled ?? '');
    expect(opened).toMatchObject({
      status: 'open',
      card: { roepnaam: 'Joke', practice: { name: 'Huisartsenpraktijk Noord' }, accessReason: 'treatment-relationship' },
    });
    const event = await lastAuditEvent();
    expect(event).toMatchObject({
      action: 'read',
      outcome: 'success',
      reason: 'treatment-relationship',
      patient_id: patients.enrolled,
      actor_name: 'Test huisarts.hapdn',
      object_type: 'patient-card',
    });
  });

  it('answers "not found" to another practice, and commits an access-denied event with the reason', async () => {
    const attempt = readPatientCard(deps(), context('huisarts.hapdz'), patients.enrolled ?? '');
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(readPatientCard(deps(), context('huisarts.hapdz'), patients.enrolled ?? '')).rejects.toMatchObject({
      status: 404,
    });
    expect(await lastAuditEvent()).toMatchObject({
      action: 'access-denied',
      outcome: 'denied',
      reason: 'no-relationship',
      patient_id: patients.enrolled,
    });
  });

  it('lets a dietitian read only the patient referred to her organisation', async () => {
    const card = await readPatientCard(deps(), context('dietist.ddata'), patients.referred ?? '');
    expect(card).toMatchObject({ status: 'confirm-relationship', name: 'Karim de Testpersoon' });
    expect((await lastAuditEvent()).reason).toBe('referral');
    await expect(readPatientCard(deps(), context('dietist.ddata'), patients.enrolled ?? '')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('refuses a generic (not personal) account patient data', async () => {
    await expect(readPatientCard(deps(), context('assistente.hapdn'), patients.enrolled ?? '')).rejects.toMatchObject({
      status: 404,
    });
    expect((await lastAuditEvent()).reason).toBe('not-personal-account');
  });

  it('lets the patient’s exclusion win over the enrolment', async () => {
    await addExclusion(database.db, {
      patientId: patients.referred ?? '',
      granteeType: 'account',
      granteeId: (context('huisarts.hapdn').actor as ProviderActor).accountId,
      createdBy: 'test',
      at: clock.now(),
    });
    await expect(readPatientCard(deps(), context('huisarts.hapdn'), patients.referred ?? '')).rejects.toMatchObject({
      status: 404,
    });
    expect((await lastAuditEvent()).reason).toBe('excluded-by-patient');
  });

  it('answers an unknown patient id exactly like a forbidden one', async () => {
    await expect(readPatientCard(deps(), context('huisarts.hapdn'), '987654')).rejects.toMatchObject({ status: 404 });
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
