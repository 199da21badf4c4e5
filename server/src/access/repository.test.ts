import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrixColumns, recordTypeSeed, roleRightSeed } from '../db/migrations/0003-access.js';
import type { OrganisationType } from '../db/schema.js';
import { testEngines } from '../test/database.js';
import type { Actor, PatientActor, ProviderActor } from './context.js';
import type { AccessFacts } from './facts.js';
import { can } from './policy.js';
import {
  addExclusion,
  grantAccess,
  loadAccessFacts,
  loadRoleRightMatrix,
  loadRoleRights,
  patientAccessCondition,
  patientNotExcludedCondition,
  readableRecordTypesCondition,
  revokeAccessGround,
  revokeExclusion,
  setRoleRight,
} from './repository.js';
import { type AccessTestDatabase, createAccessTestDatabase } from './test-database.js';

const now = new Date('2026-11-29T09:00:00Z');
const longAgo = new Date('2024-01-01T00:00:00Z');
const later = new Date('2027-03-01T00:00:00Z');

describe.each(testEngines)('access repository (%s)', (engine) => {
  let database: AccessTestDatabase;
  const org: Record<string, string> = {};
  const patient: Record<string, string> = {};
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    database = await createAccessTestDatabase(engine);
    const { db } = database;
    const exec = database.handle.db;

    async function organisation(key: string, type: OrganisationType, parent?: string) {
      const row = await db
        .insertInto('organisation')
        .values({ type, name: `Org ${key}`, abbreviation: `${key}${engine}`, parent_id: parent ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      org[key] = row.id;
      return row.id;
    }
    await organisation('hapa', 'gp-practice');
    await organisation('hapb', 'gp-practice');
    await organisation('diet', 'dietitian');
    const hospitalId = await organisation('zkh', 'hospital');
    await organisation('cardio', 'hospital-department', hospitalId);
    await organisation('zorggroep', 'care-group');

    let userNumber = 0;
    async function provider(
      key: string,
      role: string,
      organisationKey: string,
      options: { personal?: boolean; uzi?: string } = {},
    ): Promise<ProviderActor> {
      userNumber += 1;
      const person = await db
        .insertInto('person')
        .values({ given_name: key, family_name: 'Test', uzi_number: options.uzi ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const organisationId = org[organisationKey] ?? '';
      const account = await db
        .insertInto('account')
        .values({
          person_id: person.id,
          organisation_id: organisationId,
          role,
          username: `${key}.${organisationKey}`,
          gebruikersnummer: userNumber,
          personal: options.personal ?? true,
          email: `${key}@example.test`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const organisationRow = await db
        .selectFrom('organisation')
        .select(['name', 'type', 'parent_id'])
        .where('id', '=', organisationId)
        .executeTakeFirstOrThrow();
      const actor: ProviderActor = {
        kind: 'provider',
        accountId: account.id,
        personId: person.id,
        name: key,
        username: `${key}.${organisationKey}`,
        role,
        personal: options.personal ?? true,
        organisationId,
        organisationName: organisationRow.name,
        organisationType: organisationRow.type,
        parentOrganisationId: organisationRow.parent_id,
      };
      actors[key] = actor;
      return actor;
    }
    const huisarts = await provider('huisarts', 'huisarts', 'hapa', { uzi: '11110001' });
    await provider('generic', 'poh-somatiek', 'hapa', { personal: false });
    const dietist = await provider('dietist', 'dietist', 'diet', { uzi: '11110002' });
    await provider('specialist', 'medisch-specialist', 'cardio');
    const helpdesk = await provider('helpdesk', 'helpdesk', 'zorggroep');
    actors.external = { kind: 'external', uziNumber: '99990001', name: 'Dr. Extern', agbCode: null };

    let bsn = 999990000;
    async function addPatient(key: string) {
      bsn += 1;
      const row = await db
        .insertInto('patient')
        .values({ bsn: String(bsn), roepnaam: key, family_name: `Patiënt ${key}`, birth_date: '1970-01-01', gender: 'unknown' })
        .returning('id')
        .executeTakeFirstOrThrow();
      patient[key] = row.id;
      return row.id;
    }
    for (const key of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']) await addPatient(key);
    const portalUser: PatientActor = {
      kind: 'patient',
      portalUserId: '7001',
      name: 'Ouder',
      actingForPatientId: patient.p1 ?? '',
      ownPatientId: patient.p1 ?? '',
    };
    actors.portal = portalUser;

    const id = (value: string | undefined) => value ?? '';
    const enrol = (patientKey: string, organisationKey: string, validTo: string | null = null) =>
      db
        .insertInto('enrolment')
        .values({
          patient_id: id(patient[patientKey]),
          organisation_id: id(org[organisationKey]),
          valid_from: '2020-01-01',
          valid_to: validTo,
        })
        .execute();
    const refer = (patientKey: string, organisationKey: string) =>
      db
        .insertInto('referral')
        .values({
          patient_id: id(patient[patientKey]),
          from_account_id: huisarts.accountId,
          to_organisation_id: id(org[organisationKey]),
          reason: 'test',
          // Before the test's clock: a referral counts from the moment it was made (the database's now() would be
          // the real time, after the clock once the day passes 09:00 UTC).
          created_at: new Date('2026-11-01T09:00:00Z'),
        })
        .execute();
    const grant = (
      patientKey: string,
      granteeType: 'account' | 'organisation' | 'portal-user' | 'uzi',
      granteeId: string,
      kind: Parameters<typeof grantAccess>[1]['kind'],
      extra: { validFrom?: Date; validTo?: Date | null; details?: Record<string, unknown> } = {},
    ) =>
      grantAccess(exec, {
        patientId: id(patient[patientKey]),
        granteeType,
        granteeId,
        kind,
        source: 'test',
        validFrom: extra.validFrom ?? longAgo,
        validTo: extra.validTo ?? null,
        details: extra.details,
      });
    const exclude = (patientKey: string, granteeType: 'account' | 'organisation' | 'uzi', granteeId: string) =>
      addExclusion(exec, { patientId: id(patient[patientKey]), granteeType, granteeId, createdBy: 'test', at: longAgo });

    // p1: enrolled at practice A (the portal user's own record).
    await enrol('p1', 'hapa');
    // p2: enrolled at A; the portal user is the parent; the patient excluded the huisarts's account.
    await enrol('p2', 'hapa');
    await grant('p2', 'portal-user', portalUser.portalUserId, 'proxy-parent');
    await exclude('p2', 'account', huisarts.accountId);
    // p3: once enrolled at A, now at B; referred to the dietitian; desk consent for the external provider.
    await enrol('p3', 'hapa', '2023-01-01');
    await enrol('p3', 'hapb');
    await refer('p3', 'diet');
    await grant('p3', 'uzi', '99990001', 'consent', { details: { channel: 'desk' } });
    // p4: referred to the hospital (the department inherits it); excluded the dietitian organisation.
    await refer('p4', 'zkh');
    await exclude('p4', 'organisation', id(org.diet));
    // p5: only grounds that ended or have not started yet.
    await grant('p5', 'account', dietist.accountId, 'treatment-relationship', { validTo: new Date('2026-06-01T00:00:00Z') });
    await grant('p5', 'uzi', '99990001', 'consent', {
      details: { channel: 'portal' },
      validTo: new Date('2026-01-01T00:00:00Z'),
    });
    await grant('p5', 'portal-user', portalUser.portalUserId, 'proxy-third-party', { validFrom: later });
    // p6: the dietitian's own relationship; huisarts invoked break-glass but their UZI number is excluded.
    await grant('p6', 'account', dietist.accountId, 'treatment-relationship');
    await grant('p6', 'account', huisarts.accountId, 'break-glass', { details: { reason: 'acute' } });
    await exclude('p6', 'uzi', '11110001');
    // p7: enrolled at A; a revoked relationship and a revoked exclusion.
    await enrol('p7', 'hapa');
    const revokedGround = await grant('p7', 'account', dietist.accountId, 'treatment-relationship');
    await revokeAccessGround(exec, revokedGround, now);
    const revokedExclusion = await exclude('p7', 'account', huisarts.accountId);
    await revokeExclusion(exec, revokedExclusion, now);
    // p8: nothing at all. p9: a share code for the external provider; referred to the dietitian, whose person is excluded.
    await grant('p9', 'uzi', '99990001', 'share-code', { validTo: later });
    await refer('p9', 'diet');
    await exclude('p9', 'uzi', '11110002');
    // The helpdesk has a relationship, but its role gives no patient data.
    await grant('p1', 'account', helpdesk.accountId, 'treatment-relationship');
  });

  afterAll(async () => {
    await database?.close();
  });

  const actor = (key: string): Actor => {
    const found = actors[key];
    if (!found) throw new Error(`no actor ${key}`);
    return found;
  };
  const patientId = (key: string) => patient[key] ?? '';
  const facts = (actorKey: string, patientKey: string): Promise<AccessFacts> =>
    loadAccessFacts(database.handle.db, actor(actorKey), patientId(patientKey), now);
  const kinds = (loaded: AccessFacts) => loaded.grounds.map((ground) => ground.kind).sort();

  it('holds a matrix row for every role × record type, as seeded', async () => {
    const roles = await database.db.selectFrom('role').select('code').execute();
    const types = await database.db.selectFrom('record_type').select('code').execute();
    expect(types.map((row) => row.code).sort()).toEqual([...matrixColumns].sort());
    expect(types).toHaveLength(recordTypeSeed.length);
    const matrix = await loadRoleRightMatrix(database.handle.db);
    expect(matrix).toHaveLength(roles.length * types.length);
    for (const role of roles) {
      for (const type of types) {
        const row = matrix.find((candidate) => candidate.role === role.code && candidate.recordType === type.code);
        const seeded = roleRightSeed.find((candidate) => candidate.role === role.code && candidate.record_type === type.code);
        expect(row, `${role.code} × ${type.code}`).toBeDefined();
        expect({ read: row?.canRead, write: row?.canWrite }).toEqual({ read: seeded?.can_read, write: seeded?.can_write });
      }
    }
  });

  it('loads enrolment grounds and the role rights', async () => {
    const loaded = await facts('huisarts', 'p1');
    expect(loaded.grounds).toMatchObject([
      { kind: 'enrolment', granteeType: 'organisation', granteeId: org.hapa, patientId: patient.p1, validTo: null },
    ]);
    expect(loaded.grounds[0]?.ref).toMatch(/^enrolment:\d+$/);
    // Enrolment dates are Dutch calendar days: 2020-01-01 00:00 in Amsterdam.
    expect(loaded.grounds[0]?.validFrom.toISOString()).toBe('2019-12-31T23:00:00.000Z');
    expect(loaded.roleRights.ggz).toEqual({ read: true, write: true });
    expect(loaded.providerUziNumber).toBe('11110001');
    expect(loaded.exclusions).toEqual([]);
  });

  it('loads referrals, also through the parent hospital, and not ended enrolments', async () => {
    expect(kinds(await facts('dietist', 'p3'))).toEqual(['referral']);
    expect(kinds(await facts('huisarts', 'p3'))).toEqual([]);
    const viaParent = await facts('specialist', 'p4');
    expect(viaParent.grounds).toMatchObject([{ kind: 'referral', granteeId: org.zkh }]);
    expect(viaParent.grounds[0]?.ref).toMatch(/^referral:\d+$/);
  });

  it('loads treatment relationships, consent with its channel, proxies, share codes and break-glass', async () => {
    expect(kinds(await facts('dietist', 'p6'))).toEqual(['treatment-relationship']);
    expect((await facts('external', 'p3')).grounds).toMatchObject([{ kind: 'consent', channel: 'desk', granteeType: 'uzi' }]);
    expect((await facts('external', 'p5')).grounds).toMatchObject([{ kind: 'consent', channel: 'portal' }]);
    expect(kinds(await facts('portal', 'p2'))).toEqual(['proxy-parent']);
    const future = await facts('portal', 'p5');
    expect(future.grounds).toMatchObject([{ kind: 'proxy-third-party', validFrom: later }]);
    expect((await facts('external', 'p9')).grounds).toMatchObject([{ kind: 'share-code', validTo: later }]);
    expect(kinds(await facts('huisarts', 'p6'))).toEqual(['break-glass']);
  });

  it('leaves out revoked grounds and revoked exclusions', async () => {
    expect(kinds(await facts('dietist', 'p7'))).toEqual([]);
    expect((await facts('huisarts', 'p7')).exclusions).toEqual([]);
  });

  it('loads exclusions by account, organisation and UZI number of the person', async () => {
    expect((await facts('huisarts', 'p2')).exclusions).toMatchObject([
      { granteeType: 'account', granteeId: actorAccount('huisarts') },
    ]);
    expect((await facts('dietist', 'p4')).exclusions).toMatchObject([{ granteeType: 'organisation', granteeId: org.diet }]);
    expect((await facts('huisarts', 'p6')).exclusions).toMatchObject([{ granteeType: 'uzi', granteeId: '11110001' }]);
    expect((await facts('dietist', 'p9')).exclusions).toMatchObject([{ granteeType: 'uzi', granteeId: '11110002' }]);
    // Another provider's exclusion is not loaded for this one.
    expect((await facts('dietist', 'p2')).exclusions).toEqual([]);
  });

  function actorAccount(key: string): string {
    const found = actor(key);
    return found.kind === 'provider' ? found.accountId : '';
  }

  it('agrees with can() for every actor and patient: patientAccessCondition is the same rules in SQL', async () => {
    const actorKeys = ['huisarts', 'generic', 'dietist', 'specialist', 'helpdesk', 'external', 'portal'];
    const patientKeys = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'];
    const outcomes: Record<string, string> = {};
    for (const actorKey of actorKeys) {
      const allowedInSql = await database.db
        .selectFrom('patient')
        .select('patient.id')
        .where(patientAccessCondition(actor(actorKey), now))
        .execute();
      const sqlIds = new Set(allowedInSql.map((row) => row.id));
      for (const patientKey of patientKeys) {
        const decision = can(
          actor(actorKey),
          'read',
          { kind: 'patient', patientId: patientId(patientKey) },
          await facts(actorKey, patientKey),
        );
        expect(sqlIds.has(patientId(patientKey)), `${actorKey} × ${patientKey}: ${decision.reason}`).toBe(decision.allow);
        outcomes[`${actorKey} ${patientKey}`] = decision.reason;
      }
    }
    // The fixture covers each rule, so agreement is not trivially "everything denied".
    expect(outcomes).toMatchObject({
      'huisarts p1': 'enrolment',
      'huisarts p2': 'excluded-by-patient',
      'huisarts p3': 'no-relationship',
      'huisarts p6': 'excluded-by-patient',
      'huisarts p7': 'enrolment',
      'generic p1': 'not-personal-account',
      'dietist p3': 'referral',
      'dietist p4': 'excluded-by-patient',
      'dietist p5': 'ground-expired',
      'dietist p6': 'treatment-relationship',
      'dietist p7': 'no-relationship',
      'dietist p9': 'excluded-by-patient',
      'specialist p4': 'referral',
      'helpdesk p1': 'no-role-right',
      'external p3': 'consent:desk',
      'external p5': 'ground-expired',
      'external p9': 'share-code',
      'portal p1': 'own-record',
      'portal p2': 'proxy-parent',
      'portal p5': 'ground-not-yet-valid',
      'portal p8': 'no-relationship',
    });
  });

  it('finds any patient by BSN and birth date except those who excluded the actor', async () => {
    const rows = await database.db
      .selectFrom('patient')
      .select('patient.id')
      .where('patient.id', 'in', [patientId('p8'), patientId('p9'), patientId('p4')])
      .where(patientNotExcludedCondition(actor('dietist')))
      .execute();
    expect(rows.map((row) => row.id)).toEqual([patientId('p8')]);
  });

  it('filters entries by readable record type and patient, like can() does for each entry', async () => {
    const { db } = database;
    await sql`create table access_test_entry (id serial primary key, patient_id bigint not null, record_type text not null)`.execute(
      db,
    );
    for (const patientKey of ['p1', 'p3']) {
      for (const recordType of matrixColumns.filter((code) => code !== 'memo')) {
        await sql`insert into access_test_entry (patient_id, record_type) values (${patientId(patientKey)}, ${recordType})`.execute(
          db,
        );
      }
    }
    for (const actorKey of ['huisarts', 'dietist', 'external', 'portal', 'generic']) {
      const who = actor(actorKey);
      const { rows } = await sql<{ patient_id: string; record_type: string }>`
        select e.patient_id, e.record_type from access_test_entry e
         where ${readableRecordTypesCondition(who, 'e.record_type')}
           and ${patientAccessCondition(who, now, 'e.patient_id')}`.execute(db);
      const visible = new Set(rows.map((row) => `${row.patient_id}/${row.record_type}`));
      for (const patientKey of ['p1', 'p3']) {
        const loaded = await facts(actorKey, patientKey);
        for (const recordType of matrixColumns.filter((code) => code !== 'memo')) {
          const decision = can(who, 'read', { kind: 'record-entry', patientId: patientId(patientKey), recordType }, loaded);
          expect(visible.has(`${patientId(patientKey)}/${recordType}`), `${actorKey} ${patientKey} ${recordType}`).toBe(
            decision.allow,
          );
        }
      }
    }
  });

  it('stores who changed a cell of the matrix and when, and keeps write-implies-read', async () => {
    const at = new Date('2026-11-29T10:00:00Z');
    await setRoleRight(database.handle.db, {
      role: 'praktijkassistent',
      recordType: 'hospital',
      read: true,
      write: false,
      updatedBy: 'account:1',
      at,
    });
    expect((await loadRoleRights(database.handle.db, 'praktijkassistent')).hospital).toEqual({ read: true, write: false });
    const cell = (await loadRoleRightMatrix(database.handle.db)).find(
      (row) => row.role === 'praktijkassistent' && row.recordType === 'hospital',
    );
    expect(cell).toMatchObject({ updatedBy: 'account:1', updatedAt: at });
    await expect(
      setRoleRight(database.handle.db, {
        role: 'praktijkassistent',
        recordType: 'ggz',
        read: false,
        write: true,
        updatedBy: 'account:1',
        at,
      }),
    ).rejects.toThrow();
  });

  it('rejects consent without a channel and proxy grounds for anyone but a portal user', async () => {
    await expect(
      grantAccess(database.handle.db, {
        patientId: patientId('p8'),
        granteeType: 'uzi',
        granteeId: '1',
        kind: 'consent',
        source: 'test',
        validFrom: now,
      }),
    ).rejects.toThrow();
    await expect(
      grantAccess(database.handle.db, {
        patientId: patientId('p8'),
        granteeType: 'account',
        granteeId: '1',
        kind: 'proxy-parent',
        source: 'test',
        validFrom: now,
      }),
    ).rejects.toThrow();
  });
});
