import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password.js';
import { createTestDatabase, testEngines } from '../../test/database.js';
import type { DatabaseHandle } from '../connection.js';
import type { Database } from '../schema.js';
import { addYears, fromDay, toDay } from './dates.js';
import { DEMO_PASSWORD, demoAccounts, demoOrganisations, demoPatients, isValidBsn, type SeedSummary, seedDemo } from './index.js';

const REFERENCE = '2026-11-29';
const SEED = 4242;
const PATIENTS = 200;

/** Row counts of every table the seed writes. */
async function counts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = [
    'organisation',
    'person',
    'account',
    'patient',
    'enrolment',
    'trajectory',
    'measurement',
    'referral',
    'admission',
    'clinical_document',
    'patient_relation',
  ] as const;
  const result: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    result[table] = Number(rows[0]?.n);
  }
  return result;
}

/** A fingerprint of the generated content (not created_at): equal fingerprints, equal data. */
async function fingerprint(db: Kysely<Database>, maxPatientId = Number.MAX_SAFE_INTEGER): Promise<string> {
  const { rows } = await sql<{ patients: string; measurements: string; enrolments: string; trajectories: string }>`
    select
      (select md5(string_agg(concat_ws('|', id, bsn, initials, given_names, roepnaam, family_name_prefix, family_name, birth_date,
         gender, street, house_number, house_number_suffix, postcode, city, phone, email, pharmacy_id), ',' order by id))
         from patient where id <= ${maxPatientId}) as patients,
      (select md5(string_agg(concat_ws('|', patient_id, code, value, unit, extract(epoch from measured_at), organisation_id, source), ','
         order by patient_id, measured_at, code)) from measurement where patient_id <= ${maxPatientId}) as measurements,
      (select md5(string_agg(concat_ws('|', patient_id, organisation_id, valid_from, valid_to), ',' order by patient_id, valid_from))
         from enrolment where patient_id <= ${maxPatientId}) as enrolments,
      (select md5(string_agg(concat_ws('|', patient_id, programme, organisation_id, started_on), ',' order by patient_id, programme))
         from trajectory where patient_id <= ${maxPatientId}) as trajectories`.execute(db);
  return JSON.stringify(rows[0]);
}

describe.each(testEngines)('seedDemo (%s)', (engine) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let summary: SeedSummary;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    db = handle.db;
    summary = await seedDemo(db, { seed: SEED, patients: PATIENTS, referenceDate: REFERENCE, batchSize: 64 });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('reports what it created', () => {
    expect(summary).toMatchObject({
      organisations: demoOrganisations.length,
      accounts: demoAccounts.length,
      patients: PATIENTS + demoPatients.length,
      alreadyPresent: 0,
      interrupted: false,
    });
    expect(summary.measurements).toBeGreaterThan(1000);
  });

  it('creates the organisations of the care region', async () => {
    const rows = await db
      .selectFrom('organisation as o')
      .leftJoin('organisation as parent', 'parent.id', 'o.parent_id')
      .select(['o.abbreviation', 'o.type', 'o.name', 'o.phone', 'o.postcode', 'parent.abbreviation as parent'])
      .execute();
    const byAbbreviation = new Map(rows.map((row) => [row.abbreviation, row]));
    expect(byAbbreviation.get('HAPZ')).toMatchObject({ type: 'gp-practice', name: 'Huisartsenpraktijk Zonnehof' });
    expect(byAbbreviation.get('HAPB')).toMatchObject({ type: 'gp-practice', name: 'Huisartsenpraktijk De Brug' });
    expect(byAbbreviation.get('HAPA')).toMatchObject({ type: 'gp-practice', name: 'Huisartsenpraktijk Het Anker' });
    expect(byAbbreviation.get('ZORGGROEP')?.type).toBe('care-group');
    expect(byAbbreviation.get('ZORGGROEP')?.name).toMatch(/^Zorggroep /);
    expect(byAbbreviation.get('VITAAL')).toMatchObject({ type: 'dietitian', name: 'Diëtistenpraktijk Vitaal' });
    expect(byAbbreviation.get('VOETZORG')).toMatchObject({ type: 'podotherapy', name: 'Voetzorg Zuid' });
    expect(byAbbreviation.get('BEWEEG')).toMatchObject({ type: 'physio', name: 'Fysiotherapie Beweeg' });
    expect(byAbbreviation.get('LOKET')).toMatchObject({ type: 'mental-health-desk', name: 'Mentaal Gezondheidsloket' });
    expect(byAbbreviation.get('ZKH')).toMatchObject({ type: 'hospital', name: 'Streekziekenhuis' });
    const departments = rows.filter((row) => row.type === 'hospital-department');
    expect(departments.length).toBeGreaterThanOrEqual(5);
    expect(departments.every((row) => row.parent === 'ZKH' && row.abbreviation?.startsWith('ZKH-'))).toBe(true);
    expect(rows.filter((row) => row.type === 'pharmacy').length).toBeGreaterThanOrEqual(1);
    expect(rows.every((row) => row.phone && row.postcode && /^[1-9][0-9]{3} [A-Z]{2}$/.test(row.postcode))).toBe(true);
  });

  it('creates every demo account with its role, organisation, user number and the demo password', async () => {
    const rows = await db
      .selectFrom('account')
      .innerJoin('organisation', 'organisation.id', 'account.organisation_id')
      .innerJoin('person', 'person.id', 'account.person_id')
      .select([
        'account.username',
        'account.role',
        'account.gebruikersnummer',
        'account.personal',
        'account.email',
        'account.state',
        'account.must_change_password',
        'account.password_hash',
        'organisation.name as organisationName',
        'organisation.abbreviation',
        'person.given_name',
        'person.family_name',
      ])
      .execute();
    expect(rows).toHaveLength(demoAccounts.length);
    for (const account of demoAccounts) {
      const row = rows.find((candidate) => candidate.username === account.username);
      expect(row, account.username).toMatchObject({
        role: account.role,
        gebruikersnummer: account.gebruikersnummer,
        personal: account.personal,
        email: account.email,
        state: 'active',
        must_change_password: false,
        organisationName: account.organisationName,
        abbreviation: account.organisationAbbreviation,
      });
    }
    // The accounts of the brief, exactly.
    const required: [string, string, string, boolean?][] = [
      ['huisarts.hapz', 'huisarts', 'HAPZ'],
      ['poh.hapz', 'poh-somatiek', 'HAPZ'],
      ['pohggz.hapz', 'poh-ggz', 'HAPZ'],
      ['assistent.hapz', 'praktijkassistent', 'HAPZ'],
      ['beheer.hapz', 'praktijkbeheerder', 'HAPZ'],
      ['poh-somatiek.hapz', 'poh-somatiek', 'HAPZ', false],
      ['huisarts.hapb', 'huisarts', 'HAPB'],
      ['dietist.vitaal', 'dietist', 'VITAAL'],
      ['pedicure.voetzorg', 'podotherapeut', 'VOETZORG'],
      ['fysio.beweeg', 'fysiotherapeut', 'BEWEEG'],
      ['mgl.loket', 'mgl-medewerker', 'LOKET'],
      ['specialist.zkh', 'medisch-specialist', 'ZKH'],
      ['balie.zkh', 'baliemedewerker', 'ZKH'],
      ['helpdesk.zorggroep', 'helpdesk', 'ZORGGROEP'],
      ['beheer.zorggroep', 'platformbeheerder', 'ZORGGROEP'],
    ];
    for (const [username, role, abbreviation, personal = true] of required) {
      expect(
        rows.find((row) => row.username === username),
        username,
      ).toMatchObject({ role, abbreviation, personal });
    }
    // Every role of the product has a demo account; staff of HAPB and HAPA beyond one GP.
    const { rows: roles } = await sql<{ code: string }>`select code from role`.execute(db);
    for (const { code } of roles)
      expect(
        rows.some((row) => row.role === code),
        code,
      ).toBe(true);
    expect(rows.filter((row) => row.abbreviation === 'HAPB').length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((row) => row.abbreviation === 'HAPA').length).toBeGreaterThanOrEqual(4);
    // One argon2id hash of the demo password, shared by all demo accounts.
    const hashes = new Set(rows.map((row) => row.password_hash));
    expect(hashes.size).toBe(1);
    const [hash] = hashes;
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash ?? '', DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash ?? '', 'wrong-password')).toBe(false);
  });

  it('gives specialists and GPs UZI and BIG numbers', async () => {
    const rows = await db
      .selectFrom('account')
      .innerJoin('person', 'person.id', 'account.person_id')
      .select(['account.username', 'account.role', 'person.uzi_number', 'person.big_number'])
      .where('account.role', 'in', ['medisch-specialist', 'huisarts'])
      .execute();
    expect(rows.filter((row) => row.role === 'medisch-specialist').length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row.uzi_number, row.username).toMatch(/^\d{9}$/);
      expect(row.big_number, row.username).toMatch(/^\d{11}$/);
    }
  });

  it('creates the five fixed patients with their fixed ids and identities', async () => {
    const rows = await db.selectFrom('patient').selectAll().where('id', '<=', '5').orderBy('id').execute();
    expect(
      rows.map((row) => [row.id, row.bsn, row.birth_date, row.roepnaam, row.family_name_prefix, row.family_name, row.gender]),
    ).toEqual([
      ['1', '999990019', '1961-03-12', 'Anna', 'de', 'Jong', 'female'],
      ['2', '999990032', '2016-05-04', 'Sem', 'de', 'Jong', 'male'],
      ['3', '999990044', '1948-11-23', 'Pieter', null, 'Bakker', 'male'],
      ['4', '999990056', '1985-07-30', 'Fatima', null, 'El Amrani', 'female'],
      ['5', null, '1990-02-02', 'Lukas', null, 'Schmidt', 'male'],
    ]);
    expect(rows[4]).toMatchObject({
      insurance_country: 'DE',
      foreign_id_type: 'passport',
      foreign_id_number: 'C01X00T47',
      nationality: 'DE',
    });
    const enrolments = await db
      .selectFrom('enrolment')
      .innerJoin('organisation', 'organisation.id', 'enrolment.organisation_id')
      .select(['enrolment.patient_id', 'organisation.abbreviation'])
      .where('enrolment.valid_to', 'is', null)
      .where('enrolment.patient_id', '<=', '5')
      .orderBy('enrolment.patient_id')
      .execute();
    expect(enrolments.map((row) => row.abbreviation)).toEqual(['HAPZ', 'HAPZ', 'HAPB', 'HAPZ', 'HAPB']);
    // Synthetic patients come after the fixed ones: the identity sequence was moved past them.
    const { rows: next } = await sql<{ min: string }>`select min(id) as min from patient where id > 5`.execute(db);
    expect(next[0]?.min).toBe('6');
  });

  it("tells Anna's story: DM2 and CVRM at Zonnehof with three years of measurements, and her son Sem", async () => {
    const trajectories = await db
      .selectFrom('trajectory')
      .innerJoin('organisation', 'organisation.id', 'trajectory.organisation_id')
      .select(['trajectory.programme', 'organisation.abbreviation'])
      .where('trajectory.patient_id', '=', '1')
      .execute();
    expect(trajectories).toEqual(
      expect.arrayContaining([
        { programme: 'DM2', abbreviation: 'HAPZ' },
        { programme: 'CVRM', abbreviation: 'HAPZ' },
      ]),
    );
    const measurements = await db
      .selectFrom('measurement')
      .select(['code', 'unit', 'measured_at'])
      .where('patient_id', '=', '1')
      .execute();
    const codes = new Set(measurements.map((row) => `${row.code} ${row.unit}`));
    for (const code of [
      'hba1c mmol/mol',
      'bp-systolic mmHg',
      'bp-diastolic mmHg',
      'weight kg',
      'bmi kg/m2',
      'egfr ml/min/1.73m2',
      'ldl mmol/l',
      'cholesterol-total mmol/l',
      'glucose-fasting mmol/l',
    ]) {
      expect(codes, code).toContain(code);
    }
    const times = measurements.map((row) => row.measured_at.getTime()).sort((a, b) => a - b);
    const referenceDay = toDay(REFERENCE);
    expect(times[0]).toBeLessThanOrEqual(Date.parse(`${fromDay(addYears(referenceDay, -3))}T23:59:59Z`));
    expect(times.at(-1)).toBeGreaterThanOrEqual(Date.parse(`${fromDay(referenceDay - 30)}T00:00:00Z`));
    const relations = await db.selectFrom('patient_relation').select(['patient_id', 'related_patient_id', 'kind']).execute();
    expect(relations).toEqual([{ patient_id: '2', related_patient_id: '1', kind: 'parent' }]);
  });

  it("tells Pieter's story: admitted now, attended by specialist.zkh, with hospital results", async () => {
    const open = await db
      .selectFrom('admission')
      .innerJoin('organisation as department', 'department.id', 'admission.department_id')
      .innerJoin('organisation as hospital', 'hospital.id', 'department.parent_id')
      .innerJoin('account', 'account.id', 'admission.attending_account_id')
      .select(['admission.patient_id', 'department.type', 'hospital.abbreviation as hospital', 'account.username'])
      .where('admission.discharged_at', 'is', null)
      .execute();
    expect(open).toEqual([{ patient_id: '3', type: 'hospital-department', hospital: 'ZKH', username: 'specialist.zkh' }]);
    const documents = await db
      .selectFrom('clinical_document')
      .leftJoin('organisation as recipient', 'recipient.id', 'clinical_document.recipient_organisation_id')
      .select(['clinical_document.kind', 'recipient.abbreviation as recipient', 'clinical_document.body'])
      .where('clinical_document.patient_id', '=', '3')
      .execute();
    const kinds = new Set(documents.map((row) => row.kind));
    for (const kind of ['lab-result', 'radiology', 'treatment-report', 'correspondence', 'medication'])
      expect(kinds, kind).toContain(kind);
    expect(documents.some((row) => row.kind === 'correspondence' && row.recipient === 'HAPB')).toBe(true);
    expect(documents.every((row) => row.body.length > 40)).toBe(true);
    const lab = await db
      .selectFrom('measurement')
      .select(['code'])
      .where('patient_id', '=', '3')
      .where('source', '=', 'hospital-lab')
      .execute();
    expect(lab.map((row) => row.code)).toEqual(expect.arrayContaining(['crp', 'hemoglobin', 'creatinine', 'egfr']));
  });

  it("tells Fatima's story: a referral from the POH to Diëtistenpraktijk Vitaal, already opened there", async () => {
    const referrals = await db
      .selectFrom('referral')
      .innerJoin('organisation', 'organisation.id', 'referral.to_organisation_id')
      .innerJoin('account', 'account.id', 'referral.from_account_id')
      .select(['organisation.abbreviation', 'referral.to_role', 'referral.opened_at', 'account.username', 'referral.reason'])
      .where('referral.patient_id', '=', '4')
      .execute();
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({ abbreviation: 'VITAAL', to_role: 'dietist', username: 'poh.hapz' });
    expect(referrals[0]?.opened_at).toBeInstanceOf(Date);
    expect(referrals[0]?.reason).toMatch(/diëtist/i);
  });

  it('stores only valid, unique BSNs', async () => {
    const rows = await db.selectFrom('patient').select('bsn').where('bsn', 'is not', null).execute();
    const bsns = rows.map((row) => row.bsn ?? '');
    expect(bsns).toHaveLength(PATIENTS + demoPatients.filter((patient) => patient.bsn).length);
    expect(bsns.filter((bsn) => !isValidBsn(bsn))).toEqual([]);
    expect(new Set(bsns).size).toBe(bsns.length);
  });

  it('gives synthetic patients an enrolment, and chronic ones trajectories at their practice', async () => {
    const { rows } = await sql<{ unenrolled: string; misplaced: string; chronic: string }>`
      select
        (select count(*) from patient p where not exists (select 1 from enrolment e where e.patient_id = p.id and e.valid_to is null)) as unenrolled,
        (select count(*) from trajectory t join enrolment e on e.patient_id = t.patient_id and e.valid_to is null
          where t.patient_id > 5 and t.organisation_id <> e.organisation_id) as misplaced,
        (select count(distinct patient_id) from trajectory where patient_id > 5) as chronic`.execute(db);
    expect(rows[0]).toMatchObject({ unenrolled: '0', misplaced: '0' });
    expect(Number(rows[0]?.chronic)).toBeGreaterThan(5);
  });

  it('changes nothing when run again', async () => {
    const before = await counts(db);
    const print = await fingerprint(db);
    const again = await seedDemo(db, { seed: SEED, patients: PATIENTS, referenceDate: REFERENCE });
    expect(again).toEqual({
      organisations: 0,
      accounts: 0,
      patients: 0,
      measurements: 0,
      alreadyPresent: PATIENTS,
      interrupted: false,
    });
    expect(await counts(db)).toEqual(before);
    expect(await fingerprint(db)).toBe(print);
  });

  it('adds only the missing patients when the count is raised, the same as seeding at once', async () => {
    const print = await fingerprint(db);
    const raised = await seedDemo(db, { seed: SEED, patients: PATIENTS + 50, referenceDate: REFERENCE });
    expect(raised).toMatchObject({ organisations: 0, accounts: 0, patients: 50, alreadyPresent: PATIENTS });
    expect(await fingerprint(db, PATIENTS + demoPatients.length)).toBe(print);
    expect((await counts(db)).patient).toBe(PATIENTS + 50 + demoPatients.length);

    // Index i is the same patient whatever the batches: one run of 250 gives the same database.
    const other = await createTestDatabase(engine);
    try {
      await seedDemo(other.db, { seed: SEED, patients: PATIENTS + 50, referenceDate: REFERENCE });
      expect(await fingerprint(other.db)).toBe(await fingerprint(db));
    } finally {
      await other.close();
    }
  });

  it('stops between batches when aborted, and a later run continues', async () => {
    const controller = new AbortController();
    const partial = await seedDemo(db, {
      seed: SEED,
      patients: PATIENTS + 150,
      referenceDate: REFERENCE,
      batchSize: 25,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'patients' && progress.done >= 50) controller.abort();
      },
    });
    expect(partial).toMatchObject({ patients: 50, alreadyPresent: PATIENTS + 50, interrupted: true });
    const rest = await seedDemo(db, { seed: SEED, patients: PATIENTS + 150, referenceDate: REFERENCE });
    expect(rest).toMatchObject({ patients: 50, alreadyPresent: PATIENTS + 100, interrupted: false });
  });
});

describe('seedDemo options', () => {
  it('refuses nonsense counts and dates before touching the database', async () => {
    const db = {} as Kysely<Database>;
    await expect(seedDemo(db, { seed: 1, patients: -1 })).rejects.toThrow(RangeError);
    await expect(seedDemo(db, { seed: 1, patients: 1.5 })).rejects.toThrow(RangeError);
    await expect(seedDemo(db, { seed: Number.NaN, patients: 1 })).rejects.toThrow(RangeError);
    await expect(seedDemo(db, { seed: 1, patients: 1, referenceDate: '29-11-2026' })).rejects.toThrow(RangeError);
  });
});
