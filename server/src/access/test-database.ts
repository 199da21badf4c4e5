import { type Kysely, sql } from 'kysely';
import type { DatabaseHandle, Engine } from '../db/connection.js';
import { up as accessMigration } from '../db/migrations/0003-access.js';
import { createTestDatabase } from '../test/database.js';
import type { AccessDatabase, AccessTables } from './tables.js';

export interface AccessTestDatabase {
  handle: DatabaseHandle;
  /** The same connection, typed with the access tables. */
  db: Kysely<AccessDatabase>;
  close(): Promise<void>;
}

/**
 * A fresh test database with migration 0003-access applied. Until 0003 is listed in db/migrate.ts it is run
 * here on top of `createTestDatabase`; once listed, the database already has it and this only checks.
 */
export async function createAccessTestDatabase(engine: Engine): Promise<AccessTestDatabase> {
  const handle = await createTestDatabase(engine);
  const { rows } = await sql<{ present: boolean }>`select to_regclass('public.role_right') is not null as present`.execute(
    handle.db,
  );
  if (!rows[0]?.present) await accessMigration(handle.db);
  return { handle, db: handle.db.withTables<AccessTables>(), close: () => handle.close() };
}
