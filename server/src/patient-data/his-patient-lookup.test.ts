import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderActor, RequestContext } from '../access/context.js';
import { addExclusion } from '../access/repository.js';
import { findAccountByUsername } from '../auth/repository.js';
import { ManualClock } from '../clock.js';
import type { DatabaseHandle } from '../db/connection.js';
import { createTestDatabase, testEngines } from '../test/database.js';
import { createAccount, createOrganisation } from '../test/fixtures.js';
import { findPatientForHisLaunch } from './his-patient-lookup.js';

describe.each(testEngines)('finding the patient of a HIS launch (%s)', (engine) => {
  let database: DatabaseHandle;
  const clock = new ManualClock('2026-11-29T10:00:00Z');
  const contexts: Record<string, RequestContext> = {};
  let patientId = '';

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const north = await createOrganisation(db, { name: 'Huisartsenpraktijk HIS Noord', abbreviation: 'HAPHN' });
    const south = await createOrganisation(db, { name: 'Huisartsenpraktijk HIS Zuid', abbreviation: 'HAPHZ' });
    await createAccount(db, { organisationId: north.id, username: 'huisarts.haphn', role: 'huisarts', gebruikersnummer: 11 });
    await createAccount(db, { organisationId: south.id, username: 'huisarts.haphz', role: 'huisarts', gebruikersnummer: 11 });
    await createAccount(db, { organisationId: south.id, username: 'collega.haphz', role: 'huisarts', gebruikersnummer: 12 });
    await createAccount(db, {
      organisationId: north.id,
      username: 'assistente.haphn',
      role: 'praktijkassistent',
      gebruikersnummer: 91,
      personal: false,
    });
    for (const username of ['huisarts.haphn', 'huisarts.haphz', 'collega.haphz', 'assistente.haphn']) {
      const account = await findAccountByUsername(db, username);
      contexts[username] = {
        actor: account?.actor as ProviderActor,
        requestId: `test-${username}`,
        ip: '127.0.0.1',
        userAgent: 'vitest',
        sessionRef: 'session-ref',
      };
    }
    const patient = await db
      .insertInto('patient')
      .values({ bsn: '999990019', roepnaam: 'Anna', family_name: 'Jong', birth_date: '1961-03-12', gender: 'female' })
      .returning('id')
      .executeTakeFirstOrThrow();
    patientId = patient.id;
    await db
      .insertInto('enrolment')
      .values({ patient_id: patientId, organisation_id: north.id, valid_from: '2020-01-01' })
      .execute();
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock });
  const find = (username: string, bsn: string, birthDate: string | null) =>
    findPatientForHisLaunch(deps(), contexts[username] as RequestContext, { bsn, birthDate });
  const lastAuditEvent = () =>
    database.db.selectFrom('audit_event').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();

  it('finds the enrolled patient by BSN and birth date, and logs the hit as a search', async () => {
    expect(await find('huisarts.haphn', '999990019', '1961-03-12')).toEqual({ patientId });
    const event = await lastAuditEvent();
    expect(event).toMatchObject({
      action: 'search',
      patient_id: patientId,
      object_type: 'patient-search-result',
      reason: 'bsn+birth-date',
      actor_name: 'Test huisarts.haphn',
      request_id: 'test-huisarts.haphn',
    });
    expect(event?.details).toMatchObject({ via: 'his-launch', criteria: 'bsn,birth-date' });
  });

  it('finds a patient of another practice only with BSN and birth date (scope any-patient)', async () => {
    expect(await find('huisarts.haphz', '999990019', '1961-03-12')).toEqual({ patientId });
    expect(await find('huisarts.haphz', '999990019', null)).toBeNull();
    expect(await find('huisarts.haphn', '999990019', null)).toEqual({ patientId });
    expect((await lastAuditEvent())?.reason).toBe('within-grounds');
  });

  it('finds nothing, and logs nothing, for a wrong birth date, an unknown or invalid BSN', async () => {
    const before = await lastAuditEvent();
    expect(await find('huisarts.haphn', '999990019', '1961-03-13')).toBeNull();
    expect(await find('huisarts.haphn', '999990068', '1961-03-12')).toBeNull();
    expect(await find('huisarts.haphn', '123456789', '1961-03-12')).toBeNull();
    expect((await lastAuditEvent())?.id).toBe(before?.id);
  });

  it('finds nothing for a generic account', async () => {
    expect(await find('assistente.haphn', '999990019', '1961-03-12')).toBeNull();
  });

  it('lets the patient’s exclusion win', async () => {
    await addExclusion(database.db, {
      patientId,
      granteeType: 'account',
      granteeId: (contexts['collega.haphz'] as RequestContext & { actor: ProviderActor }).actor.accountId,
      createdBy: 'test',
      at: clock.now(),
    });
    expect(await find('collega.haphz', '999990019', '1961-03-12')).toBeNull();
    expect(await find('huisarts.haphz', '999990019', '1961-03-12')).toEqual({ patientId });
  });
});
