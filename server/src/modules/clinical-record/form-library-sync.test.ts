import { type FormDefinition, formLibrary } from '@keten/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPglite } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createTestDatabase, testEngines } from '../../test/database.js';
import { freePort, removeTemporaryDirectories, startKeten, temporaryDirectory } from '../../test/process.js';
import { canonicalJson, FormLibraryConflictError, syncFormLibrary } from './form-library-sync.js';

// Form definitions are stored at start-up and never changed afterwards (docs/clinical-record.md §2).

describe.each(testEngines)('the form library sync (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);
  afterAll(() => database.close());

  const stored = () =>
    database.db.selectFrom('form_definition').select(['key', 'version', 'content_sha256']).orderBy('id').execute();

  it('stores every version of the library once; a second start adds nothing', async () => {
    const before = await stored();
    expect(before).toHaveLength(formLibrary.length);
    const again = await syncFormLibrary(database.db);
    expect(again).toEqual({ inserted: [], unchanged: formLibrary.length });
    expect(await stored()).toEqual(before);
  });

  it('adds a new version of a form next to the old one', async () => {
    const first = formLibrary[0] as FormDefinition;
    const next: FormDefinition = { ...first, version: first.version + 100, title: { nl: 'Nieuw', en: 'New' } };
    const result = await syncFormLibrary(database.db, [...formLibrary, next]);
    expect(result.inserted).toEqual([{ key: first.key, version: first.version + 100 }]);
  });

  it('refuses to start when a stored version differs from the library, naming the form, and stores nothing', async () => {
    const before = await stored();
    const [first, ...rest] = formLibrary as [FormDefinition, ...FormDefinition[]];
    const changed: FormDefinition = { ...first, title: { nl: `${first.title.nl} (gewijzigd)`, en: first.title.en } };
    const extra: FormDefinition = { ...first, key: 'brand-new-form', version: 1 };
    const attempt = syncFormLibrary(database.db, [extra, changed, ...rest]);
    await expect(attempt).rejects.toBeInstanceOf(FormLibraryConflictError);
    await expect(attempt).rejects.toThrow(`form "${first.key}" version ${first.version}`);
    expect(await stored()).toEqual(before);
  });

  it('compares content, not key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe(canonicalJson({ a: [{ c: null, d: 2 }], b: 1 }));
  });
});

describe('starting Keten with a changed published form', () => {
  afterAll(removeTemporaryDirectories);

  it('refuses to start with one clear line naming the form', async () => {
    const dataDir = await temporaryDirectory();
    const first = formLibrary[0] as FormDefinition;
    const handle = await openPglite(dataDir);
    try {
      await migrateToLatest(handle.db);
      await syncFormLibrary(handle.db);
      // As if the library's content of this stored version had been edited since it was stored.
      await handle.db
        .updateTable('form_definition')
        .set({ content_sha256: '0'.repeat(64) })
        .where('key', '=', first.key)
        .where('version', '=', first.version)
        .execute();
    } finally {
      await handle.close();
    }
    const started = startKeten({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await started.exited).toBe(1);
    const lines = started.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^keten: form "${first.key}" version ${first.version} in the form library differs`));
  }, 120_000);
});
