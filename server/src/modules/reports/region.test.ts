import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Programme } from '../../db/schema.js';
import type { CookieJar } from '../../test/cookie-jar.js';
import { testEngines } from '../../test/database.js';
import { createDemoApp } from '../../test/demo-app.js';
import { suppressed, suppressedIndicator } from './suppression.js';

type DemoApp = Awaited<ReturnType<typeof createDemoApp>>;
type Row = Record<string, unknown>;

// The demo clock stands at 2026-11-29 09:00 UTC; the reference date is that day in Amsterdam, which ends at
// 2026-11-30 00:00 Amsterdam (23:00 UTC); the 12-month window of the indicators starts a year before that.
const REFERENCE_DATE = '2026-11-29';
const END = new Date('2026-11-29T23:00:00Z');
const WINDOW_START = new Date('2025-11-29T23:00:00Z');

/** The rule written out again, for the expected values: 1–4 → "<5". */
const expectedCount = (count: number) => (count >= 1 && count <= 4 ? '<5' : count);

describe('small-cell suppression', () => {
  it('shows 1–4 as "<5", 0 and 5+ as they are', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(suppressed)).toEqual([0, '<5', '<5', '<5', '<5', 5, 6, 120]);
  });

  it('hides a numerator whose complement or denominator is small, and the percentage with it', () => {
    expect(suppressedIndicator(17, 40)).toEqual({ numerator: 17, denominator: 40, percentage: 42.5 });
    expect(suppressedIndicator(3, 40)).toEqual({ numerator: '<5', denominator: 40, percentage: null });
    // 38 of 40: the 2 who do not meet it would be known.
    expect(suppressedIndicator(38, 40)).toEqual({ numerator: 'x', denominator: 40, percentage: null });
    expect(suppressedIndicator(40, 40)).toEqual({ numerator: 40, denominator: 40, percentage: 100 });
    expect(suppressedIndicator(0, 40)).toEqual({ numerator: 0, denominator: 40, percentage: 0 });
    expect(suppressedIndicator(2, 3)).toEqual({ numerator: 'x', denominator: '<5', percentage: null });
    expect(suppressedIndicator(0, 0)).toEqual({ numerator: 0, denominator: 0, percentage: null });
  });
});

describe.each(testEngines)('Rapportages of the region (%s)', (engine) => {
  let subject: DemoApp;
  let admin: CookieJar;
  let organisations: Map<string, { id: string; name: string; type: string; parent: string | null }>;

  beforeAll(async () => {
    subject = await createDemoApp(engine, 40);
    admin = await subject.login('beheer.zorggroep');
    const rows = await subject.database.db
      .selectFrom('organisation')
      .select(['id', 'name', 'type', 'abbreviation', 'parent_id'])
      .execute();
    organisations = new Map(
      rows.map((row) => [
        String(row.abbreviation),
        { id: String(row.id), name: row.name, type: row.type, parent: row.parent_id === null ? null : String(row.parent_id) },
      ]),
    );
  }, 180_000);
  afterAll(() => subject.close());

  const get = (url: string, jar: CookieJar) => subject.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
  const organisation = (abbreviation: string) => {
    const found = organisations.get(abbreviation);
    if (!found) throw new Error(`no ${abbreviation}`);
    return found;
  };
  const nameOf = (id: string) => [...organisations.values()].find((row) => row.id === id)?.name;

  /** The region's per-organisation counts straight from the demo rows, in JavaScript (not the report SQL). */
  async function independentCounts() {
    const db = subject.database.db;
    const current = (from: string, to: string | null) => from <= REFERENCE_DATE && (to === null || to > REFERENCE_DATE);
    const enrolments = (
      await db.selectFrom('enrolment').select(['patient_id', 'organisation_id', 'valid_from', 'valid_to']).execute()
    ).filter((row) => current(row.valid_from, row.valid_to));
    const trajectories = (
      await db.selectFrom('trajectory').select(['patient_id', 'organisation_id', 'programme', 'started_on', 'ended_on']).execute()
    ).filter((row) => current(row.started_on, row.ended_on));
    const referrals = (
      await db.selectFrom('referral').select(['patient_id', 'to_organisation_id', 'created_at']).execute()
    ).filter((row) => row.created_at < END);
    const accounts = new Map(
      (await db.selectFrom('account').select(['id', 'organisation_id']).execute()).map((row) => [
        String(row.id),
        String(row.organisation_id),
      ]),
    );
    const relationships = (
      await db
        .selectFrom('access_ground')
        .select(['patient_id', 'grantee_type', 'grantee_id', 'valid_from', 'valid_to', 'revoked_at'])
        .where('kind', '=', 'treatment-relationship')
        .execute()
    ).filter((row) => row.revoked_at === null && row.valid_from < END && (row.valid_to === null || row.valid_to >= END));
    const admissions = (
      await db.selectFrom('admission').select(['patient_id', 'department_id', 'admitted_at', 'discharged_at']).execute()
    ).filter((row) => row.admitted_at < END && (row.discharged_at === null || row.discharged_at >= END));
    const parentOf = new Map([...organisations.values()].map((row) => [row.id, row.parent]));

    const linked = new Map<string, Map<string, Set<string>>>();
    const link = (organisationId: string, kind: string, patientId: unknown) => {
      const kinds = linked.get(organisationId) ?? new Map<string, Set<string>>();
      linked.set(organisationId, kinds);
      for (const key of [kind, 'all']) {
        const set = kinds.get(key) ?? new Set<string>();
        set.add(String(patientId));
        kinds.set(key, set);
      }
    };
    for (const row of enrolments) link(String(row.organisation_id), 'enrolment', row.patient_id);
    for (const row of trajectories) link(String(row.organisation_id), 'trajectory', row.patient_id);
    for (const row of referrals) link(String(row.to_organisation_id), 'referral', row.patient_id);
    for (const row of relationships) {
      const organisationId = row.grantee_type === 'organisation' ? row.grantee_id : accounts.get(row.grantee_id);
      if ((row.grantee_type === 'organisation' || row.grantee_type === 'account') && organisationId) {
        link(organisationId, 'treatment-relationship', row.patient_id);
      }
    }
    for (const row of admissions) {
      link(String(row.department_id), 'admission', row.patient_id);
      const parent = parentOf.get(String(row.department_id));
      if (parent) link(parent, 'admission', row.patient_id);
    }

    const perProgramme = new Map<string, Set<string>>();
    for (const row of trajectories) {
      const key = `${row.organisation_id}/${row.programme}`;
      perProgramme.set(key, (perProgramme.get(key) ?? new Set()).add(String(row.patient_id)));
    }

    // DM2 HbA1c measured, per GP practice: its enrolled patients with an open DM2 trajectory (anywhere), and of
    // those the ones with any HbA1c in the window (every record type: the region counts all measurements).
    const dm2 = new Set(trajectories.filter((row) => row.programme === 'DM2').map((row) => String(row.patient_id)));
    const hba1c = new Set(
      (await db.selectFrom('measurement').select(['patient_id', 'measured_at']).where('code', '=', 'hba1c').execute())
        .filter((row) => row.measured_at >= WINDOW_START && row.measured_at < END)
        .map((row) => String(row.patient_id)),
    );
    const dm2Measured = new Map<string, { numerator: number; denominator: number }>();
    for (const row of enrolments) {
      if (!dm2.has(String(row.patient_id))) continue;
      const count = dm2Measured.get(String(row.organisation_id)) ?? { numerator: 0, denominator: 0 };
      count.denominator++;
      if (hba1c.has(String(row.patient_id))) count.numerator++;
      dm2Measured.set(String(row.organisation_id), count);
    }
    return { linked, perProgramme, dm2Measured };
  }

  it('counts patients per organisation as an independent count of the demo rows, each kind of link apart', async () => {
    const expected = await independentCounts();
    const response = await get(`/api/werkplek/reports/region/linked-patients?referenceDate=${REFERENCE_DATE}`, admin);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.organisation).toBeNull();
    // One row per organisation of the region, also those without patients.
    expect(body.rows).toHaveLength(organisations.size);
    const rows = new Map<string, Row>(body.rows.map((row: Row) => [row.organisation, row]));
    let exactCounts = 0;
    for (const { id, name } of organisations.values()) {
      const kinds = expected.linked.get(id);
      const count = (kind: string) => expectedCount(kinds?.get(kind)?.size ?? 0);
      expect(rows.get(name), name).toEqual({
        organisation: name,
        patients: count('all'),
        enrolment: count('enrolment'),
        trajectory: count('trajectory'),
        referral: count('referral'),
        treatmentRelationship: count('treatment-relationship'),
        admission: count('admission'),
      });
      if (typeof rows.get(name)?.patients === 'number' && (rows.get(name)?.patients as number) >= 5) exactCounts++;
    }
    // The demo region has practices with many patients: the comparison is of real numbers, not only zeros.
    expect(exactCounts).toBeGreaterThanOrEqual(4);
    expect(rows.get(organisation('HAPZ').name)?.enrolment).toBe(
      expected.linked.get(organisation('HAPZ').id)?.get('enrolment')?.size,
    );

    const trajectories = (await get('/api/werkplek/reports/region/trajectories', admin)).json();
    expect(trajectories.rows.length).toBe(expected.perProgramme.size);
    for (const row of trajectories.rows as Row[]) {
      const id = [...organisations.values()].find((candidate) => candidate.name === row.organisation)?.id;
      expect(row.patients, `${row.organisation} ${row.programme}`).toEqual(
        expectedCount(expected.perProgramme.get(`${id}/${row.programme}`)?.size ?? -1),
      );
    }

    const indicators = (await get('/api/werkplek/reports/region/indicators', admin)).json();
    const dm2Rows = (indicators.rows as Row[]).filter(
      (row) => (row.indicator as { nl: string }).nl === 'DM2-patiënten met HbA1c in de afgelopen 12 maanden',
    );
    const practices = [...expected.dm2Measured.entries()];
    expect(practices.length).toBeGreaterThan(0);
    const practiceNames = new Set([...organisations.values()].filter((row) => row.type === 'gp-practice').map((row) => row.name));
    // Chain partners count their own DM2 patients (trajectories, referrals) too; the GP practices are compared here.
    expect(dm2Rows.filter((row) => practiceNames.has(String(row.organisation)))).toHaveLength(practices.length);
    for (const [id, count] of practices) {
      const row = dm2Rows.find((candidate) => candidate.organisation === nameOf(id));
      expect(row, nameOf(id)).toMatchObject(suppressedIndicator(count.numerator, count.denominator));
    }
  });

  it('shows a count of 1–4 as "<5", and the exact count from 5 on', async () => {
    const db = subject.database.db;
    const beweeg = organisation('BEWEEG');
    const open = await db
      .selectFrom('trajectory')
      .select('programme')
      .where('organisation_id', '=', beweeg.id)
      .where('ended_on', 'is', null)
      .execute();
    const programme = (['GLI', 'VOETZORG', 'GGZ', 'DIETETIEK', 'COPD'] as Programme[]).find(
      (candidate) => !open.some((row) => row.programme === candidate),
    ) as Programme;
    const patients = await db.selectFrom('patient').select('id').orderBy('id').limit(5).execute();
    const start = (count: number) =>
      db
        .insertInto('trajectory')
        .values(
          patients.slice(0, count).map((patient) => ({
            patient_id: patient.id,
            programme,
            organisation_id: beweeg.id,
            started_on: '2026-01-05',
          })),
        )
        .execute();
    const beweegRow = async () => {
      const body = (await get(`/api/werkplek/reports/region/trajectories?organisation=${beweeg.id}`, admin)).json();
      expect(body.organisation).toEqual({ id: beweeg.id, name: beweeg.name });
      for (const row of body.rows as Row[]) expect(row.organisation).toBe(beweeg.name);
      return (body.rows as Row[]).find((row) => row.programme === programme);
    };

    expect(await beweegRow()).toBeUndefined();
    await start(3);
    expect(await beweegRow()).toEqual({ organisation: beweeg.name, programme, patients: '<5' });
    const csv = await get(`/api/werkplek/reports/region/trajectories/export/csv?organisation=${beweeg.id}`, admin);
    expect(csv.body).toContain(`${beweeg.name};${programme};<5\r\n`);
    await db.deleteFrom('trajectory').where('organisation_id', '=', beweeg.id).where('programme', '=', programme).execute();
    await start(5);
    expect(await beweegRow()).toEqual({ organisation: beweeg.name, programme, patients: 5 });

    expect((await get('/api/werkplek/reports/region/trajectories?organisation=999999', admin)).statusCode).toBe(404);
  });

  it('never gives the administrator patient rows: the patient lists are not there (404), the counts name no patient', async () => {
    const catalogue = (await get('/api/werkplek/reports', admin)).json();
    expect(catalogue.scope).toBe('region');
    expect(catalogue.organisations.map((row: { name: string }) => row.name)).toContain(organisation('HAPZ').name);
    for (const url of [
      '/api/werkplek/reports/linked-patients',
      '/api/werkplek/reports/trajectories',
      '/api/werkplek/reports/indicators',
      '/api/werkplek/reports/indicators/dm2-hba1c-measured/patients',
      '/api/werkplek/reports/linked-patients/export/xlsx',
      '/api/werkplek/reports/trajectories/export/csv',
      '/api/werkplek/reports/indicators/dm2-hba1c-measured/patients/export/xlsx',
      `/api/werkplek/reports/linked-patients?organisation=${organisation('HAPZ').id}`,
    ]) {
      expect((await get(url, admin)).statusCode, url).toBe(404);
    }
    const patient = await subject.database.db
      .selectFrom('patient')
      .select(['id', 'bsn', 'family_name'])
      .executeTakeFirstOrThrow();
    for (const report of ['linked-patients', 'trajectories', 'indicators']) {
      const body = (await get(`/api/werkplek/reports/region/${report}?organisation=${organisation('HAPZ').id}`, admin)).body;
      expect(body).not.toMatch(/patientId|P\d{10}|\*{6}\d{3}|bsn/i);
      expect(body).not.toContain(String(patient.bsn));
    }

    // And the region is the administrator's alone.
    const huisarts = await subject.login('huisarts.hapz');
    expect((await get('/api/werkplek/reports/region/linked-patients', huisarts)).statusCode).toBe(404);
    expect((await get('/api/werkplek/reports/region/indicators/export/xlsx', huisarts)).statusCode).toBe(404);
    expect((await get('/api/werkplek/reports', huisarts)).json().scope).toBe('organisation');
  });

  it('exports an aggregate to Excel with the rows on screen (typed numbers, "<5" as text) and audits each run without patients', async () => {
    const db = subject.database.db;
    const before = await db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow();
    const screen = (await get('/api/werkplek/reports/region/linked-patients', admin)).json();
    const xlsx = await get('/api/werkplek/reports/region/linked-patients/export/xlsx', admin);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('keten-regio-patienten-per-organisatie.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Organisatie',
      'Patiënten',
      'Ingeschreven',
      'Met traject',
      'Verwezen',
      'Behandelrelatie',
      'Opgenomen',
    ]);
    const keys = ['organisation', 'patients', 'enrolment', 'trajectory', 'referral', 'treatmentRelationship', 'admission'];
    const exported: Row[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      exported.push(Object.fromEntries(keys.map((key, index) => [key, row.getCell(index + 1).value])));
    });
    expect(exported).toEqual(screen.rows);
    expect(exported.some((row) => typeof row.patients === 'number' && row.patients >= 5)).toBe(true);
    expect(exported.some((row) => Object.values(row).includes('<5'))).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const notes = workbook.getWorksheet('Toelichting');
    expect(notes?.getCell('B1').value).toBe('Patiënten per organisatie');
    const noteLabels: unknown[] = [];
    notes?.eachRow((row) => noteLabels.push(row.getCell(1).value));
    expect(noteLabels).toContain('Kleine aantallen');

    const events = await db
      .selectFrom('audit_event')
      .select(['action', 'object_type', 'object_id', 'patient_id', 'details'])
      .where('id', '>', String(before.max ?? 0))
      .orderBy('id')
      .execute();
    expect(events.map((event) => [event.action, event.object_type, event.object_id, event.patient_id])).toEqual([
      ['read', 'report', 'region:linked-patients', null],
      ['export', 'report', 'region:linked-patients', null],
    ]);
    expect(events[1]?.details).toMatchObject({
      report: 'region:linked-patients',
      parameters: { referenceDate: REFERENCE_DATE, organisation: null },
      rows: organisations.size,
      patients: 0,
    });
  });
});
