import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, type Engine, openPglite, openPostgres } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { testEngines } from '../test/database.js';
import { ensureAuditMigration, sampleEvent, tamper } from './audit-test-database.js';
import { writeSignedHead } from './head.js';
import { recordAuditEvents } from './record.js';

// The `npm run audit:verify` entry as an operator runs it: a separate process on a closed PGlite
// directory, or beside the server on PostgreSQL.

const repositoryRoot = path.resolve(import.meta.dirname, '../../..');
const cli = path.join(import.meta.dirname, 'verify-cli.ts');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(environment: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', AUDIT_HEAD_FILE: '', AUDIT_SIGNING_KEY_FILE: '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A database the CLI can open by itself: a PGlite directory or a PostgreSQL database with a URL. */
interface CliDatabase {
  environment: NodeJS.ProcessEnv;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

async function createCliDatabase(engine: Engine, dataDir: string): Promise<CliDatabase> {
  if (engine === 'pglite') {
    return {
      environment: { DATA_DIR: dataDir },
      open: () => openPglite(dataDir),
      drop: async () => undefined,
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `keten_test_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    environment: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    open: () => openPostgres(url.toString(), { maxConnections: 2 }),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

describe.each(testEngines)('npm run audit:verify (%s)', (engine) => {
  let dataDir: string;
  let target: CliDatabase;
  let ids: string[];
  const withDatabase = async <T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> => {
    const database = await target.open();
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'keten-audit-cli-'));
    target = await createCliDatabase(engine, dataDir);
    ids = await withDatabase(async (database) => {
      await migrateToLatest(database.db);
      await ensureAuditMigration(database.db);
      const recorded = await database.db.transaction().execute((trx) =>
        recordAuditEvents(
          trx,
          Array.from({ length: 20 }, () => sampleEvent()),
        ),
      );
      return recorded.map((event) => event.id);
    });
  });
  afterAll(async () => {
    await target.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says OK without a head, and that it cannot see deleted newest events then', async () => {
    const run = await runCli(target.environment);
    expect(run.stdout).toMatch(
      /^Audit chain OK: 20 events, last #\d+; no signed head at .*audit-head\.json, so deleting the newest/,
    );
    expect(run.code).toBe(0);
  });

  it('verifies an intact chain against the signed head: exit 0', async () => {
    await withDatabase((database) => writeSignedHead(database.db, { dataDir }));
    const run = await runCli(target.environment);
    expect(run.stdout).toMatch(
      new RegExp(`^Audit chain OK: 20 events, head #${ids[19]} signed \\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d verified\\n$`),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('reports a tampered head file: exit 1', async () => {
    const headFile = path.join(dataDir, 'audit-head.json');
    const original = await readFile(headFile, 'utf8');
    const other = path.join(dataDir, 'copied-head.json');
    await writeFile(other, JSON.stringify({ ...JSON.parse(original), count: 19 }));
    const run = await runCli({ ...target.environment, AUDIT_HEAD_FILE: other });
    expect(run.stdout).toContain('Audit head NOT TRUSTED');
    expect(run.stdout).toContain('signature does not match');
    expect(run.code).toBe(1);
  });

  it('reports the newest events deleted, naming the event, and a changed row: exit 1', async () => {
    await withDatabase((database) => tamper(database.db, `delete from audit_event where id = ${ids[19]}`));
    const deleted = await runCli(target.environment);
    expect(deleted.stdout).toBe(
      `Audit chain BROKEN at event #${ids[19]}: the chain ends at event #${ids[18]} with 19 events, but the signed head names ` +
        `event #${ids[19]} as event 20: the newest events were deleted\n`,
    );
    expect(deleted.code).toBe(1);

    await withDatabase((database) => tamper(database.db, `update audit_event set ip = '203.0.113.9' where id = ${ids[16]}`));
    const changed = await runCli(target.environment);
    expect(changed.stdout).toBe(
      `Audit chain BROKEN at event #${ids[16]}: its columns differ from the content that was hashed: a column was changed\n`,
    );
    expect(changed.code).toBe(1);
  });

  it('says in one line why it cannot check: exit 2', async () => {
    const badConfig = await runCli({ ...target.environment, DATABASE_URL: 'mysql://localhost/keten' });
    expect(badConfig.stderr).toMatch(/^audit:verify: Invalid configuration: DATABASE_URL=.*\n$/);
    expect(badConfig.code).toBe(2);

    const empty = await mkdtemp(path.join(os.tmpdir(), 'keten-audit-empty-'));
    try {
      const noDatabase = await runCli({ DATA_DIR: empty });
      expect(noDatabase.stderr).toBe(
        `audit:verify: There is no embedded database in ${empty} (DATA_DIR); set DATA_DIR or DATABASE_URL\n`,
      );
      expect(noDatabase.code).toBe(2);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }

    if (engine === 'pglite') {
      // The server holds the directory: PGlite allows one process per data directory.
      const running = await target.open();
      try {
        const locked = await runCli(target.environment);
        expect(locked.stderr).toMatch(
          /^audit:verify: The data directory .* is in use by another Keten process \(pid \d+\)\..*\n$/,
        );
        expect(locked.code).toBe(2);
      } finally {
        await running.close();
      }
    }
  });
});
