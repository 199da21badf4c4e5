import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPglite, type DatabaseHandle, type Engine, openPostgres, wrapPglite } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { syncFormLibrary } from '../modules/clinical-record/form-library-sync.js';

/**
 * Engines the database tests run on: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set.
 * Use as `describe.each(testEngines)('… (%s)', (engine) => …)`.
 */
export const testEngines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let pgliteTemplate: Promise<Blob | File> | undefined;

/** A fresh, migrated, empty database of the given engine, owned by the caller (close it). */
export async function createTestDatabase(engine: Engine = 'pglite'): Promise<DatabaseHandle> {
  return engine === 'postgres' ? createPostgresTestDatabase() : createPgliteTestDatabase();
}

async function createPgliteTestDatabase(): Promise<DatabaseHandle> {
  // Loading a dump of a migrated template is several times faster than creating and migrating a new one.
  // (PGlite's own clone() would drop our type parsers.)
  pgliteTemplate ??= (async () => {
    const template = await createPglite();
    const { db } = wrapPglite(template, 'template');
    await migrateToLatest(db);
    await syncFormLibrary(db);
    const dump = await template.dumpDataDir('none');
    await template.close();
    return dump;
  })();
  return wrapPglite(await createPglite(undefined, await pgliteTemplate), 'memory');
}

// Each test database on PostgreSQL is its own database, so parallel runs and files never collide.
async function createPostgresTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `keten_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { maxConnections: 5 });
  await migrateToLatest(handle.db);
  await syncFormLibrary(handle.db);
  return {
    ...handle,
    asApplicationRole: async () => {
      throw new Error('test databases keep the owner role; use a process test for the application role');
    },
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
