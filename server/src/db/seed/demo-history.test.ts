import { findDefinition, validateResponse } from '@keten/forms';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../test/database.js';
import type { DatabaseHandle } from '../connection.js';
import { seedDemo } from './index.js';

// The demo record's history (demo-history.ts): entries behind the demo measurements, valid by the form rules.

describe.each(testEngines)('the demo history (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, { seed: 7, patients: 60, referenceDate: '2026-11-29' });
  }, 180_000);
  afterAll(() => database.close());

  const entriesOf = (patientId: string) =>
    database.db
      .selectFrom('form_entry as e')
      .innerJoin('account as a', 'a.id', 'e.author_account_id')
      .innerJoin('form_response as r', 'r.entry_id', 'e.id')
      .innerJoin('form_definition as d', 'd.id', 'r.definition_id')
      .select(['e.id', 'e.form_key', 'e.published_at', 'a.username', 'r.id as response_id', 'r.response', 'd.version'])
      .where('e.patient_id', '=', patientId)
      .orderBy('e.published_at')
      .execute();

  it("gives Anna three years of chain care by the practice's POH and GP, with day curves", async () => {
    const entries = await entriesOf('1');
    expect(entries.length).toBeGreaterThan(12);
    const keys = new Set(entries.map((entry) => entry.form_key));
    for (const key of ['consult-poh-dm2', 'jaarcontrole-dm2', 'dagcurve', 'verwijzing-pedicure', 'voetonderzoek'])
      expect(keys).toContain(key);
    const authors = new Set(entries.map((entry) => entry.username));
    expect(authors).toContain('poh.hapz');
    expect(authors).toContain('huisarts.hapz');
    expect(entries[0]?.published_at.toISOString().localeCompare('2024-01-01')).toBe(-1);
  });

  it('stores only responses that the form rules accept', async () => {
    const all = await database.db
      .selectFrom('form_response as r')
      .innerJoin('form_entry as e', 'e.id', 'r.entry_id')
      .select(['e.form_key', 'r.response', 'r.definition_id'])
      .execute();
    const definitions = await database.db.selectFrom('form_definition').select(['id', 'key', 'version']).execute();
    for (const row of all) {
      const stored = definitions.find((definition) => definition.id === row.definition_id);
      const definition = findDefinition(stored?.key ?? '', stored?.version ?? 0);
      expect(definition, row.form_key).toBeDefined();
      const problems = validateResponse(
        definition?.questionnaire ?? { resourceType: 'Questionnaire', status: 'active' },
        row.response as unknown as QuestionnaireResponse,
      );
      expect(problems, `${row.form_key}: ${JSON.stringify(problems)}`).toEqual([]);
    }
  });

  it("links Anna's HbA1c and blood pressures to the entries Monitoring shows them from", async () => {
    const rows = await database.db
      .selectFrom('measurement')
      .select(['code', 'form_response_id', 'measured_at', 'record_type'])
      .where('patient_id', '=', '1')
      .where('code', 'in', ['hba1c', 'bp-systolic'])
      .execute();
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((row) => row.form_response_id !== null)).toBe(true);
    expect(new Set(rows.map((row) => row.record_type))).toEqual(new Set(['somatic']));
    const oldest = rows.map((row) => row.measured_at.toISOString()).sort()[0] as string;
    expect(oldest < '2024-01-01').toBe(true);
    const hospital = await database.db
      .selectFrom('measurement')
      .select('record_type')
      .where('source', '=', 'hospital-lab')
      .execute();
    expect(hospital.length).toBeGreaterThan(0);
    expect(new Set(hospital.map((row) => row.record_type))).toEqual(new Set(['hospital']));
  });

  it('gives synthetic chain-care patients a few consults and stays idempotent', async () => {
    const synthetic = await database.db
      .selectFrom('form_entry as e')
      .innerJoin('patient as p', 'p.id', 'e.patient_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('p.id', '>', '5')
      .executeTakeFirstOrThrow();
    expect(Number(synthetic.n)).toBeGreaterThan(0);
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('form_entry')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await seedDemo(database.db, { seed: 7, patients: 60, referenceDate: '2026-11-29' });
    expect(await count()).toBe(before);
  });
});
