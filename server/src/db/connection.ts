import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.js';
import type { Database } from './schema.js';

export type Engine = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, without credentials: safe to log. */
  location: string;
  /**
   * After migrations: continue as the restricted application role (`keten_app`, migration 0004), which may
   * not UPDATE/DELETE/TRUNCATE the audit log. Returns the handle to use from now on.
   */
  asApplicationRole(): Promise<DatabaseHandle>;
  close(): Promise<void>;
}

export const APPLICATION_ROLE = 'keten_app';

export class DatabaseUnavailableError extends Error {}

// Which engine a Kysely instance opened here talks to, for code that gets only `db` (seedDemo: PGlite needs a
// VACUUM after a bulk load, db/maintenance.ts).
const engines = new WeakMap<Kysely<Database>, Engine>();

/** The engine behind a Kysely instance opened by this module; undefined for any other instance. */
export function engineOf(db: Kysely<Database>): Engine | undefined {
  return engines.get(db);
}

// Both engines return the same JS shapes: int8 and numeric as exact strings, dates as 'YYYY-MM-DD',
// timestamps as Date. Without this pg returns Date for `date` and PGlite numbers for int8.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const keepText = (value: string) => value;
pg.types.setTypeParser(OID.int8, keepText);
pg.types.setTypeParser(OID.numeric, keepText);
pg.types.setTypeParser(OID.date, keepText);

export async function openPostgres(
  databaseUrl: string,
  options: { maxConnections?: number; role?: string } = {},
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const location = redactUrl(databaseUrl);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${location} (DATABASE_URL): ${describe(error)}`);
  }
  const role = options.role;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      // Every pooled connection takes the restricted role before it is used.
      onCreateConnection: role
        ? (connection) => connection.executeQuery(CompiledQuery.raw(`set role ${role}`)).then(() => undefined)
        : undefined,
    }),
  });
  engines.set(db, 'postgres');
  const handle: DatabaseHandle = {
    db,
    engine: 'postgres',
    location,
    async asApplicationRole() {
      if (role) return handle;
      const restricted = await openPostgres(databaseUrl, { ...options, role: APPLICATION_ROLE });
      await db.destroy();
      return restricted;
    },
    close: () => db.destroy(),
  };
  return handle;
}

/**
 * PGlite is the single-machine/demo engine: one process owns the directory, so we hold a lock file
 * and checkpoint before closing, which keeps a restart fast and the files consistent.
 */
export async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  let lock: DirectoryLock | undefined;
  if (dataDir) lock = await acquireDirectoryLock(dataDir);
  let pglite: PGlite;
  try {
    pglite = await createPglite(dataDir ? `${dataDir}/pgdata` : undefined);
  } catch (error) {
    await lock?.release();
    throw new DatabaseUnavailableError(`Cannot open the embedded database in ${dataDir}: ${describe(error)}`);
  }
  return wrapPglite(pglite, dataDir ?? 'memory', lock);
}

/** A PGlite instance with our extensions and type parsers; in memory when no directory is given. */
export function createPglite(pgDataDir?: string, loadDataDir?: Blob | File): Promise<PGlite> {
  // Extensions go in the options object: `create(undefined, {…})` silently drops them (stack-notes).
  return PGlite.create({
    dataDir: pgDataDir,
    loadDataDir,
    extensions: { pg_trgm, unaccent },
    parsers: { [OID.int8]: keepText, [OID.numeric]: keepText, [OID.date]: keepText },
  });
}

export function wrapPglite(pglite: PGlite, location: string, lock?: DirectoryLock): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  engines.set(db, 'pglite');
  let closed = false;
  const handle: DatabaseHandle = {
    db,
    engine: 'pglite',
    location,
    async asApplicationRole() {
      // PGlite has one connection: switching it is enough.
      await pglite.exec(`set role ${APPLICATION_ROLE}`);
      return handle;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        // CHECKPOINT needs the owner's rights, not the application role's.
        await pglite.exec('reset role; checkpoint');
      } finally {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        await lock?.release();
      }
    },
  };
  return handle;
}

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
