import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderActor, RequestContext } from '../access/context.js';
import { verifyAuditChain } from '../audit/verify.js';
import { findAccountByUsername } from '../auth/repository.js';
import { ManualClock } from '../clock.js';
import type { DatabaseHandle } from '../db/connection.js';
import { seedDemo } from '../db/seed/index.js';
import { readPatientCard } from '../patient-data/patient-card.js';
import { confirmTreatmentRelationship } from '../patient-data/patient-registration.js';
import { searchPatients } from '../patient-data/patient-search.js';
import { createTestDatabase, testEngines } from '../test/database.js';
import { type LegacyExport, openLegacyExport } from './export-source.js';
import { importLegacyExport } from './importer.js';
import type { LegacyImportCounts } from './result.js';
import type { LegacyImportTables } from './tables.js';

// The fixture (server/test/fixtures/legacy-export, described in docs/legacy-import.md) imported into the demo
// region: every hard case of the export ends up in the count and list it belongs to.

const fixture = path.resolve(import.meta.dirname, '../../test/fixtures/legacy-export');

/** What the fixture holds; docs/legacy-import.md lists the same numbers. */
const firstRun: LegacyImportCounts = {
  // huisarts.hapz exists in the demo region; stagiair.hapb has an unknown role.
  accounts: { rows: 7, created: 5, existing: 1, skipped: 1 },
  patients: {
    rows: 30,
    imported: 24,
    linked: 1, // 3000117 has the BSN of demo patient Fatima El Amrani
    alreadyImported: 0,
    skippedNoBsn: 2, // 3000107, 3000119
    skippedInvalidBsn: 2, // 3000113 (11-proef), 3000126 (8 digits)
    skippedUnknownPractice: 1, // 3000129 (AGB 01059999)
    skippedDuplicate: 0,
    skippedConflict: 0,
    roepnaamQuestionMark: 3, // 3000104, 3000111, 3000123
  },
  journal: {
    rows: 36,
    imported: 30,
    alreadyPresent: 1,
    duplicateInExport: 1, // 3000116, 23-01-2023 10:30, twice
    orphaned: 5, // 3000107 ×2, 3000119, 3000129, 3009999
    withoutAuthorAccount: 3, // jdekker ×2 (no account), stagiair.hapb (account skipped)
  },
};

const secondRun: LegacyImportCounts = {
  accounts: { rows: 7, created: 0, existing: 6, skipped: 1 },
  patients: { ...firstRun.patients, imported: 0, linked: 0, alreadyImported: 25, roepnaamQuestionMark: 0 },
  journal: { ...firstRun.journal, imported: 0, alreadyPresent: 31, withoutAuthorAccount: 0 },
};

describe.each(testEngines)('legacy import of the fixture export (%s)', (engine) => {
  let database: DatabaseHandle;
  let exported: LegacyExport;
  const clock = new ManualClock('2026-11-29T09:00:00Z');
  const deps = () => ({ db: database.db, clock });
  const legacy = () => database.db.withTables<LegacyImportTables>();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, { seed: 7, patients: 20, referenceDate: '2026-11-29' });
    exported = await openLegacyExport(fixture);
  });
  afterAll(() => database?.close());

  async function rowCounts() {
    const { rows } = await sql<Record<string, string>>`
      select (select count(*) from patient)::text as patient,
             (select count(*) from enrolment)::text as enrolment,
             (select count(*) from person)::text as person,
             (select count(*) from account)::text as account,
             (select count(*) from legacy_journal_entry)::text as legacy_journal_entry,
             (select count(*) from audit_event)::text as audit_event,
             (select count(*) from legacy_import_run)::text as legacy_import_run`.execute(database.db);
    return rows[0];
  }

  async function providerContext(username: string): Promise<RequestContext> {
    const account = await findAccountByUsername(database.db, username);
    return {
      actor: account?.actor as ProviderActor,
      requestId: `test-${username}`,
      ip: null,
      userAgent: 'vitest',
      sessionRef: null,
    };
  }

  async function patientByNumber(patientNumber: string) {
    return database.db.selectFrom('patient').selectAll().where('legacy_id', '=', patientNumber).executeTakeFirst();
  }

  it('reads the export: three files, their lines and SHA-256', () => {
    expect(exported.files.map(({ file, rows }) => ({ file, rows }))).toEqual([
      { file: 'accounts.csv', rows: 7 },
      { file: 'patients.csv', rows: 30 },
      { file: 'journaal.csv', rows: 36 },
    ]);
    for (const file of exported.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a dry run reports exactly what the import will do and writes nothing', async () => {
    const before = await rowCounts();
    const result = await importLegacyExport(database.db, exported, { dryRun: true, clock });
    expect(result.runId).toBeNull();
    expect(result.counts).toEqual(firstRun);
    expect(result.report).toContain('--dry-run');
    expect(await rowCounts()).toEqual(before);
  });

  it('imports the export: the counts per category match the hard cases of the fixture', async () => {
    const result = await importLegacyExport(database.db, exported, { clock });
    expect(result.counts).toEqual(firstRun);
    expect(result.interrupted).toBe(false);
    const run = await legacy()
      .selectFrom('legacy_import_run')
      .selectAll()
      .where('id', '=', result.runId ?? '')
      .executeTakeFirstOrThrow();
    expect(run.finished_at).not.toBeNull();
    expect(run.counts).toMatchObject(firstRun);
    expect(run.report).toBe(result.report);
    expect(run.source.map((file) => file.file)).toEqual(['accounts.csv', 'patients.csv', 'journaal.csv']);
    expect(run.source.map((file) => file.sha256)).toEqual(exported.files.map((file) => file.sha256));
  });

  it('names every patient it did not import with the old number and the reason', async () => {
    const result = (
      await legacy().selectFrom('legacy_import_run').select('report').orderBy('id', 'desc').executeTakeFirstOrThrow()
    ).report;
    const lines = (result ?? '').split('\n');
    const listed = (reason: string) =>
      lines
        .filter((line) => line.startsWith('  3') && line.includes(reason))
        .map((line) => line.trim().split(/\s+/)[0])
        .sort();
    expect(listed('geen BSN')).toEqual(['3000107', '3000119']);
    expect(listed('ongeldig BSN')).toEqual(['3000113', '3000126']);
    expect(listed('onbekende praktijk')).toEqual(['3000129']);
    expect(result).toContain('3000117 → P0000000004');
    expect(result).toContain('stagiair.hapb  regel 8  onbekende rol "Stagiair"');
    expect(result).toContain('per oud nummer:\n  3000107 (2), 3000119 (1), 3000129 (1), 3009999 (1)\n');
    // The report is about old numbers: no BSN or name of a skipped patient.
    expect(result).not.toContain('123456789');
    expect(result).not.toContain('Smulders');
    for (const number of ['3000107', '3000113', '3000119', '3000126', '3000129'])
      expect(await patientByNumber(number)).toBeUndefined();
  });

  it('keeps the old number searchable and the names as written; an empty roepnaam becomes "?"', async () => {
    const context = await providerContext('huisarts.hapz');
    const found = await searchPatients(deps(), context, { patientNumber: '3000101' }, 1);
    expect(found.hits).toHaveLength(1);
    expect(found.hits[0]).toMatchObject({
      legacyId: '3000101',
      roepnaam: 'Riek',
      familyNamePrefix: 'van den',
      familyName: 'Heuvel',
    });
    const byName = await searchPatients(deps(), context, { name: 'celik' }, 1);
    expect(byName.hits.map((hit) => hit.legacyId)).toEqual(['3000103']);

    for (const number of ['3000104', '3000111', '3000123']) expect((await patientByNumber(number))?.roepnaam).toBe('?');
    expect(await patientByNumber('3000105')).toMatchObject({
      given_names: 'Zoë',
      family_name_prefix: "van 't",
      family_name: 'Hof',
      birth_date: '1996-02-29',
      house_number_suffix: 'bis',
    });
    expect(await patientByNumber('3000112')).toMatchObject({ street: 'Dorpsstraat; ingang achterzijde', postcode: '5504 HG' });
    expect(await patientByNumber('3000101')).toMatchObject({ postcode: '5625 KL', gender: 'female', insurance_country: 'NL' });
    expect(await patientByNumber('3000123')).toMatchObject({ gender: 'unknown' });
    expect(await patientByNumber('3000114')).toMatchObject({ family_name: 'Ölçer' });

    const enrolments = await database.db
      .selectFrom('enrolment')
      .innerJoin('patient', 'patient.id', 'enrolment.patient_id')
      .innerJoin('organisation', 'organisation.id', 'enrolment.organisation_id')
      .select(['patient.legacy_id', 'organisation.abbreviation', 'enrolment.valid_from', 'enrolment.valid_to'])
      .where('patient.legacy_id', 'in', ['3000101', '3000103', '3000106', '3000110', '3000120', '3000130'])
      .orderBy('patient.legacy_id')
      .execute();
    expect(enrolments).toEqual([
      { legacy_id: '3000101', abbreviation: 'HAPZ', valid_from: '1988-03-01', valid_to: null },
      { legacy_id: '3000103', abbreviation: 'HAPZ', valid_from: '2026-11-29', valid_to: null },
      { legacy_id: '3000106', abbreviation: 'HAPZ', valid_from: '1980-02-02', valid_to: null },
      { legacy_id: '3000110', abbreviation: 'HAPB', valid_from: '2026-11-29', valid_to: null },
      { legacy_id: '3000120', abbreviation: 'HAPA', valid_from: '2026-11-29', valid_to: null },
      { legacy_id: '3000130', abbreviation: 'HAPZ', valid_from: '2026-11-29', valid_to: null },
    ]);
  });

  it('links the existing record with the same BSN instead of making a second one', async () => {
    const records = await database.db.selectFrom('patient').selectAll().where('bsn', '=', '999990056').execute();
    expect(records).toHaveLength(1);
    // Keten's data stays as it was (roepnaam, address); only the old number is added.
    expect(records[0]).toMatchObject({ id: '4', legacy_id: '3000117', roepnaam: 'Fatima', family_name: 'El Amrani' });
    expect(records[0]?.street).not.toBe('Kastanjelaan');
  });

  it('creates the migrated accounts without a password, marked to change it, with their old user numbers', async () => {
    const accounts = await database.db
      .selectFrom('account')
      .innerJoin('organisation', 'organisation.id', 'account.organisation_id')
      .innerJoin('person', 'person.id', 'account.person_id')
      .select([
        'account.username',
        'account.role',
        'account.gebruikersnummer',
        'account.password_hash',
        'account.must_change_password',
      ])
      .select([
        'account.personal',
        'account.state',
        'account.person_id',
        'organisation.abbreviation',
        'person.family_name_prefix',
      ])
      .select(['person.given_name', 'person.family_name'])
      .where('account.username', 'in', ['gvandam.hapz', 'lmeijer.hapz', 'ydebruijn.hapb', 'ydebruijn.hapa', 'kpeeters.hapa'])
      .orderBy('account.username')
      .execute();
    expect(accounts.map(({ person_id: _, ...account }) => account)).toEqual([
      {
        username: 'gvandam.hapz',
        role: 'huisarts',
        gebruikersnummer: 13,
        abbreviation: 'HAPZ',
        given_name: 'Gerard',
        family_name_prefix: 'van',
        family_name: 'Dam',
        password_hash: null,
        must_change_password: true,
        personal: true,
        state: 'active',
      },
      {
        username: 'kpeeters.hapa',
        role: 'poh-somatiek',
        gebruikersnummer: 24,
        abbreviation: 'HAPA',
        given_name: 'Karin',
        family_name_prefix: null,
        family_name: 'Peeters-Çelik',
        password_hash: null,
        must_change_password: true,
        personal: true,
        state: 'active',
      },
      {
        username: 'lmeijer.hapz',
        role: 'praktijkassistent',
        gebruikersnummer: 32,
        abbreviation: 'HAPZ',
        given_name: 'Lisa',
        family_name_prefix: null,
        family_name: 'Meijer',
        password_hash: null,
        must_change_password: true,
        personal: true,
        state: 'active',
      },
      {
        username: 'ydebruijn.hapa',
        role: 'poh-ggz',
        gebruikersnummer: 23,
        abbreviation: 'HAPA',
        given_name: 'Yvonne',
        family_name_prefix: 'de',
        family_name: 'Bruijn',
        password_hash: null,
        must_change_password: true,
        personal: true,
        state: 'active',
      },
      {
        username: 'ydebruijn.hapb',
        role: 'poh-ggz',
        gebruikersnummer: 23,
        abbreviation: 'HAPB',
        given_name: 'Yvonne',
        family_name_prefix: 'de',
        family_name: 'Bruijn',
        password_hash: null,
        must_change_password: true,
        personal: true,
        state: 'active',
      },
    ]);
    // One person, two practices, two accounts (seed 001 §1 item 5).
    const yvonne = accounts.filter((account) => account.username.startsWith('ydebruijn'));
    expect(new Set(yvonne.map((account) => account.person_id)).size).toBe(1);
    // The existing demo account is left exactly as it was.
    const existing = await findAccountByUsername(database.db, 'huisarts.hapz');
    expect(existing).toMatchObject({ mustChangePassword: false, gebruikersnummer: 11 });
    expect(existing?.passwordHash).toBeTruthy();
  });

  it('stores the Journaal for Historie: Amsterdam times as UTC, authors linked, GGZ lines as ggz', async () => {
    const entries = await legacy()
      .selectFrom('legacy_journal_entry')
      .innerJoin('patient', 'patient.id', 'legacy_journal_entry.patient_id')
      .select(['legacy_journal_entry.legacy_patient_number as number', 'legacy_journal_entry.recorded_at', 'patient.legacy_id'])
      .select(['legacy_journal_entry.author_name', 'legacy_journal_entry.author_account_id', 'legacy_journal_entry.author_role'])
      .select(['legacy_journal_entry.record_type', 'legacy_journal_entry.kind', 'legacy_journal_entry.text'])
      .orderBy('legacy_journal_entry.recorded_at')
      .execute();
    expect(entries).toHaveLength(30);
    for (const entry of entries) expect(entry.legacy_id).toBe(entry.number);
    const at = (number: string) =>
      entries.filter((entry) => entry.number === number).map((entry) => entry.recorded_at.toISOString());
    // Summer (+02:00) and winter (+01:00); the spring gap moves on, the double autumn hour is the later one.
    expect(at('3000102')).toEqual(['2025-01-15T08:30:00.000Z', '2025-07-15T07:30:00.000Z', '2025-07-22T12:00:00.000Z']);
    expect(at('3000110')).toEqual(['2025-03-30T01:30:00.000Z']);
    expect(at('3000111')).toEqual(['2025-10-26T01:30:00.000Z']);
    expect(at('3000106')[0]).toBe('2018-02-06T23:00:00.000Z'); // no time: the start of the day
    expect(at('3000116')).toHaveLength(2); // the line that is twice in the export, once

    const one = (number: string, kind?: string) =>
      entries.find((entry) => entry.number === number && (kind === undefined || entry.kind === kind));
    expect(one('3000104', 'Visite')?.text).toBe(
      'Visite: hematoom heup, loopt met rollator.\nGeen fractuur aanwijzingen. "Valpreventie" besproken met dochter.',
    );
    expect(entries.filter((entry) => entry.number === '3000102').map((entry) => entry.text)).toContain(
      'S: moe, dorst; O: gluc nuchter 8,4; E: verdenking DM2; P: HbA1c en lab',
    );
    expect(one('3000108')).toMatchObject({ author_name: 'Yvonne de Bruijn', author_role: 'poh-ggz', record_type: 'ggz' });
    expect(one('3000108')?.author_account_id).not.toBeNull();
    expect(one('3000103')).toMatchObject({ author_name: 'jdekker', author_account_id: null, record_type: 'somatic' });
    expect(one('3000109')).toMatchObject({ author_name: 'Tim Stagiair', author_account_id: null });
    expect(one('3000124')).toMatchObject({ author_name: 'Jeroen de Vries', author_role: 'huisarts' });
    // The linked record (Fatima) gets her old Journaal too.
    expect(one('3000117')?.text).toContain('Overgewicht');
  });

  it('audits every created and linked record as the system actor, in one intact chain', async () => {
    const events = await database.db
      .selectFrom('audit_event')
      .select(['action', 'object_type', 'actor_type', 'actor_id'])
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('reason', '=', 'legacy-import')
      .groupBy(['action', 'object_type', 'actor_type', 'actor_id'])
      .orderBy('object_type')
      .orderBy('action')
      .execute();
    expect(events).toEqual([
      { action: 'create', object_type: 'account', actor_type: 'system', actor_id: 'keten-system', count: '5' },
      // One per patient whose Journaal grew (22 patients had lines, all in one batch).
      { action: 'create', object_type: 'legacy-journal', actor_type: 'system', actor_id: 'keten-system', count: '22' },
      { action: 'create', object_type: 'patient', actor_type: 'system', actor_id: 'keten-system', count: '24' },
      { action: 'update', object_type: 'patient', actor_type: 'system', actor_id: 'keten-system', count: '1' },
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('asks every account once to confirm the relationship when it first opens a migrated record', async () => {
    const patient = await patientByNumber('3000101');
    for (const username of ['huisarts.hapz', 'gvandam.hapz']) {
      const context = await providerContext(username);
      expect(await readPatientCard(deps(), context, patient?.id ?? '')).toMatchObject({ status: 'confirm-relationship' });
      await confirmTreatmentRelationship(deps(), context, patient?.id ?? '');
      expect(await readPatientCard(deps(), context, patient?.id ?? '')).toMatchObject({
        status: 'open',
        card: { roepnaam: 'Riek', practice: { name: 'Huisartsenpraktijk Zonnehof' } },
      });
    }
  });

  it('changes nothing when the same export is imported again, and says so', async () => {
    const before = await rowCounts();
    const result = await importLegacyExport(database.db, exported, { clock });
    expect(result.counts).toEqual(secondRun);
    expect(await rowCounts()).toEqual({ ...before, legacy_import_run: String(Number(before?.legacy_import_run) + 1) });
    expect(result.report).toContain('Niets nieuws');
    expect(result.report).toMatch(/Dezelfde bestanden zijn eerder ingelezen in run \d+/);
    const stored = await legacy()
      .selectFrom('legacy_import_run')
      .select('counts')
      .where('id', '=', result.runId ?? '')
      .executeTakeFirst();
    expect(stored?.counts).toMatchObject(secondRun);
  });
});
