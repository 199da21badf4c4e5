import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from '../../test/cookie-jar.js';
import { testEngines } from '../../test/database.js';
import { createDemoApp } from '../../test/demo-app.js';

type DemoApp = Awaited<ReturnType<typeof createDemoApp>>;

// The demo clock stands at 2026-11-29 09:00 UTC: the reference date is 2026-11-29 (Europe/Amsterdam), so the
// 12-month window runs from 2025-11-30 00:00 to 2026-11-30 00:00 Amsterdam time.
const WINDOW_START = new Date('2025-11-29T23:00:00Z');
const WINDOW_END = new Date('2026-11-29T23:00:00Z');
const REFERENCE_DATE = '2026-11-29';

describe.each(testEngines)('Rapportages (%s)', (engine) => {
  let subject: DemoApp;
  let huisarts: CookieJar;

  beforeAll(async () => {
    subject = await createDemoApp(engine, 40);
    huisarts = await subject.login('huisarts.hapz');
  }, 180_000);
  afterAll(() => subject.close());

  const get = (url: string, jar: CookieJar) => subject.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });

  /**
   * The DM2 HbA1c indicator for huisarts.hapz counted from the plain demo rows in JavaScript, without the report
   * SQL: patients enrolled at HAPZ with an open DM2 trajectory, not excluding the doctor or the practice, and of
   * those the ones with an HbA1c of a record type the huisarts may read inside the window.
   */
  async function expectedDm2Hba1c(): Promise<{ denominator: Set<string>; numerator: Set<string> }> {
    const db = subject.database.db;
    const practice = await db
      .selectFrom('organisation')
      .select('id')
      .where('abbreviation', '=', 'HAPZ')
      .executeTakeFirstOrThrow();
    const account = await db
      .selectFrom('account')
      .innerJoin('person', 'person.id', 'account.person_id')
      .select(['account.id', 'person.uzi_number'])
      .where('account.username', '=', 'huisarts.hapz')
      .executeTakeFirstOrThrow();
    const enrolments = await db
      .selectFrom('enrolment')
      .select(['patient_id', 'organisation_id', 'valid_from', 'valid_to'])
      .execute();
    const trajectories = await db
      .selectFrom('trajectory')
      .select(['patient_id', 'programme', 'started_on', 'ended_on'])
      .execute();
    const exclusions = await db
      .selectFrom('access_exclusion')
      .select(['patient_id', 'grantee_type', 'grantee_id', 'revoked_at'])
      .execute();
    const readable = new Set(
      (
        await db
          .selectFrom('role_right')
          .select('record_type')
          .where('role', '=', 'huisarts')
          .where('can_read', '=', true)
          .execute()
      ).map((row) => row.record_type),
    );
    const hba1c = await db
      .selectFrom('measurement')
      .select(['patient_id', 'measured_at', 'record_type'])
      .where('code', '=', 'hba1c')
      .execute();

    const excluded = new Set(
      exclusions
        .filter(
          (row) =>
            row.revoked_at === null &&
            ((row.grantee_type === 'organisation' && row.grantee_id === practice.id) ||
              (row.grantee_type === 'account' && row.grantee_id === account.id) ||
              (row.grantee_type === 'uzi' && row.grantee_id === account.uzi_number)),
        )
        .map((row) => String(row.patient_id)),
    );
    const enrolled = new Set(
      enrolments
        .filter(
          (row) =>
            String(row.organisation_id) === String(practice.id) &&
            row.valid_from <= REFERENCE_DATE &&
            (row.valid_to === null || row.valid_to > REFERENCE_DATE),
        )
        .map((row) => String(row.patient_id)),
    );
    const dm2 = new Set(
      trajectories
        .filter(
          (row) =>
            row.programme === 'DM2' &&
            row.started_on <= REFERENCE_DATE &&
            (row.ended_on === null || row.ended_on > REFERENCE_DATE),
        )
        .map((row) => String(row.patient_id)),
    );
    const denominator = new Set([...enrolled].filter((id) => dm2.has(id) && !excluded.has(id)));
    const measured = new Set(
      hba1c
        .filter((row) => readable.has(row.record_type) && row.measured_at >= WINDOW_START && row.measured_at < WINDOW_END)
        .map((row) => String(row.patient_id)),
    );
    return { denominator, numerator: new Set([...denominator].filter((id) => measured.has(id))) };
  }

  async function allPages(url: string, jar: CookieJar): Promise<{ patientId: string; displayId: string }[]> {
    const rows: { patientId: string; displayId: string }[] = [];
    for (let page = 1; ; page++) {
      const response = await get(`${url}${url.includes('?') ? '&' : '?'}page=${page}`, jar);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      rows.push(...body.rows);
      if (rows.length >= body.total || body.rows.length === 0) return rows;
    }
  }

  it('counts the DM2 HbA1c indicator as an independent count of the demo data, and exports the same patients to Excel', async () => {
    // The demo practice measures every DM2 patient; one patient without a recent HbA1c makes the count meaningful.
    const before = await expectedDm2Hba1c();
    const unmeasured = [...before.denominator].sort()[0] as string;
    await subject.database.db
      .deleteFrom('measurement')
      .where('patient_id', '=', unmeasured)
      .where('code', '=', 'hba1c')
      .where('measured_at', '>=', WINDOW_START)
      .execute();
    const expected = await expectedDm2Hba1c();
    expect(expected.denominator.size).toBeGreaterThan(0);
    expect(expected.numerator.size).toBeGreaterThan(0);
    expect(expected.numerator.size).toBeLessThan(expected.denominator.size);
    expect(expected.numerator.has(unmeasured)).toBe(false);

    const summary = await get('/api/werkplek/reports/indicators', huisarts);
    expect(summary.statusCode).toBe(200);
    const indicator = summary.json().indicators.find((item: { code: string }) => item.code === 'dm2-hba1c-measured');
    expect(indicator).toMatchObject({
      numerator: expected.numerator.size,
      denominator: expected.denominator.size,
      percentage: Math.round((expected.numerator.size / expected.denominator.size) * 1000) / 10,
    });

    const listed = await allPages('/api/werkplek/reports/indicators/dm2-hba1c-measured/patients?filter=met', huisarts);
    expect(new Set(listed.map((row) => row.patientId))).toEqual(expected.numerator);

    const xlsx = await get('/api/werkplek/reports/indicators/dm2-hba1c-measured/patients/export/xlsx?filter=met', huisarts);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'P-ID',
      'Naam',
      'Geboortedatum',
      'BSN',
      'Huisartspraktijk',
      'Laatste waarde',
      'Datum laatste meting',
      'Voldoet',
    ]);
    expect(sheet.rowCount).toBe(expected.numerator.size + 1);
    const exported = new Set<string>();
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      exported.add(String(row.getCell(1).value));
      expect(row.getCell(3).value).toBeInstanceOf(Date);
      expect(row.getCell(3).numFmt).toBe('dd-mm-yyyy');
      expect(typeof row.getCell(6).value).toBe('number');
      expect(row.getCell(4).value).toMatch(/^\*{6}\d{3}$/);
    });
    expect(exported).toEqual(new Set(listed.map((row) => row.displayId)));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('audits a report run with its code, parameters and rows, and each listed patient; exports as action export', async () => {
    const db = subject.database.db;
    const before = await db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow();
    const page = (
      await get(`/api/werkplek/reports/linked-patients?referenceDate=${REFERENCE_DATE}&sort=birthDate`, huisarts)
    ).json();
    expect(page.rows.length).toBeGreaterThan(0);
    const events = await db
      .selectFrom('audit_event')
      .select(['action', 'object_type', 'object_id', 'patient_id', 'details'])
      .where('id', '>', String(before.max ?? 0))
      .execute();
    const run = events.filter((event) => event.object_type === 'report');
    expect(run).toHaveLength(1);
    expect(run[0]).toMatchObject({ action: 'read', object_id: 'linked-patients', patient_id: null });
    expect(run[0]?.details).toMatchObject({
      report: 'linked-patients',
      rows: page.rows.length,
      parameters: { referenceDate: REFERENCE_DATE, sort: 'birthDate', page: 1 },
    });
    const perPatient = events.filter((event) => event.object_type === 'report-result');
    expect(new Set(perPatient.map((event) => String(event.patient_id)))).toEqual(
      new Set(page.rows.map((row: { patientId: string }) => row.patientId)),
    );

    const csv = await get('/api/werkplek/reports/linked-patients/export/csv', huisarts);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('P-ID;Naam;Geboortedatum;BSN;Huisartspraktijk;Koppeling;Sinds');
    expect(lines.length).toBe(page.total + 1);
    expect(lines[1]).toMatch(/^P\d{10};.*;\d{2}-\d{2}-\d{4};/);
    const exported = await db
      .selectFrom('audit_event')
      .select(['details'])
      .where('action', '=', 'export')
      .where('object_type', '=', 'report')
      .where('object_id', '=', 'linked-patients')
      .execute();
    expect(exported).toHaveLength(1);
    expect(exported[0]?.details).toMatchObject({ rows: page.total });
  });

  it("gives a chain partner only its own patients (referral), never the practice's", async () => {
    const db = subject.database.db;
    const vitaal = await db
      .selectFrom('organisation')
      .select('id')
      .where('abbreviation', '=', 'VITAAL')
      .executeTakeFirstOrThrow();
    const referrer = await db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'huisarts.hapz')
      .executeTakeFirstOrThrow();
    const practicePatients = (await allPages('/api/werkplek/reports/linked-patients', huisarts)).map((row) => row.patientId);
    expect(practicePatients.length).toBeGreaterThan(3);
    // Referrals already in the demo data, plus one made here.
    const referred = practicePatients[practicePatients.length - 1] as string;
    await db
      .insertInto('referral')
      .values({
        patient_id: referred,
        from_account_id: referrer.id,
        to_organisation_id: vitaal.id,
        to_role: 'dietist',
        reason: 'test',
        // Before the demo clock (the database's now() is the real time, later than the clock after 09:00 UTC).
        created_at: new Date('2026-11-29T08:00:00Z'),
      })
      .execute();
    const links = await db.selectFrom('referral').select('patient_id').where('to_organisation_id', '=', vitaal.id).execute();
    const trajectories = await db
      .selectFrom('trajectory')
      .select('patient_id')
      .where('organisation_id', '=', vitaal.id)
      .where('ended_on', 'is', null)
      .execute();
    const vitaalPatients = new Set([...links, ...trajectories].map((row) => String(row.patient_id)));

    const dietist = await subject.login('dietist.vitaal');
    const rows = await allPages('/api/werkplek/reports/linked-patients', dietist);
    const listed = new Set(rows.map((row) => row.patientId));
    expect(listed.has(referred)).toBe(true);
    for (const id of listed) expect(vitaalPatients.has(id)).toBe(true);
    expect(listed.size).toBeLessThan(practicePatients.length);

    const indicators = (await get('/api/werkplek/reports/indicators', dietist)).json().indicators as { denominator: number }[];
    for (const indicator of indicators) expect(indicator.denominator).toBeLessThanOrEqual(vitaalPatients.size);
  });

  it("lists a hospital's admitted patient once the specialist may reach the record, with how it is linked", async () => {
    const db = subject.database.db;
    const admission = await db
      .selectFrom('admission')
      .select('patient_id')
      .where('discharged_at', 'is', null)
      .executeTakeFirstOrThrow();
    const specialist = await subject.login('specialist.zkh');
    const before = (await get('/api/werkplek/reports/linked-patients', specialist)).json();
    expect(before.rows.map((row: { patientId: string }) => row.patientId)).not.toContain(String(admission.patient_id));

    const account = await db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'specialist.zkh')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('access_ground')
      .values({
        patient_id: admission.patient_id,
        grantee_type: 'account',
        grantee_id: String(account.id),
        kind: 'treatment-relationship',
        source: 'test',
        valid_from: new Date('2026-11-28T00:00:00Z'),
      })
      .execute();
    const after = (await get('/api/werkplek/reports/linked-patients', specialist)).json();
    const row = after.rows.find((item: { patientId: string }) => item.patientId === String(admission.patient_id));
    expect(row?.links).toEqual(expect.arrayContaining(['admission', 'treatment-relationship']));
    expect(after.total).toBe(before.total + 1);
  });

  it('is not there for a role without the reports function (404, as the other admin areas)', async () => {
    const helpdesk = await subject.login('helpdesk.zorggroep');
    for (const url of [
      '/api/werkplek/reports',
      '/api/werkplek/reports/linked-patients',
      '/api/werkplek/reports/indicators',
      '/api/werkplek/reports/indicators/dm2-hba1c-measured/patients',
      '/api/werkplek/reports/trajectories/export/xlsx',
    ]) {
      expect((await get(url, helpdesk)).statusCode, url).toBe(404);
    }
    expect((await subject.app.inject({ method: 'GET', url: '/api/werkplek/reports' })).statusCode).toBe(401);
  });

  it('lists open trajectories per programme with counts by the database', async () => {
    const body = (await get('/api/werkplek/reports/trajectories?programme=DM2', huisarts)).json();
    const dm2 = body.counts.find((count: { programme: string }) => count.programme === 'DM2');
    expect(dm2.patients).toBe(body.total);
    expect(body.rows.every((row: { programme: string }) => row.programme === 'DM2')).toBe(true);
    expect((await get('/api/werkplek/reports/indicators/nope/patients', huisarts)).statusCode).toBe(404);
  });
});
