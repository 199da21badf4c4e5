import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './db/connection.js';
import { freePort, removeTemporaryDirectories, startKeten, temporaryDirectory, waitForReady } from './test/process.js';

function expectOneClearLine(stderr: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^keten: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

afterAll(removeTemporaryDirectories);

describe('starting Keten', () => {
  it('refuses a bad setting with one line naming the variable', async () => {
    const started = startKeten({ PORT: 'drieduizend' });
    expect(await started.exited).toBe(1);
    expectOneClearLine(started.stderr());
    expect(started.stderr()).toContain('PORT="drieduizend"');
  });

  it('reports an unreachable DATABASE_URL in one line without the password', async () => {
    const started = startKeten({ DATABASE_URL: 'postgres://keten:geheim@127.0.0.1:9/keten', PORT: String(await freePort()) });
    expect(await started.exited).toBe(1);
    expectOneClearLine(started.stderr());
    expect(started.stderr()).toContain('Cannot connect to PostgreSQL at postgres://keten:***@127.0.0.1:9/keten (DATABASE_URL)');
    expect(started.stderr()).not.toContain('geheim');
  });

  it('reports a port in use in one line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const started = startKeten({ PORT: String(port), DATA_DIR: await temporaryDirectory() });
      expect(await started.exited).toBe(1);
      expectOneClearLine(started.stderr());
      expect(started.stderr()).toContain(`Port ${port} is already in use (PORT)`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('locks its PGlite directory, seeds demo data, stops cleanly on SIGTERM and keeps the data', async () => {
    const dataDir = await temporaryDirectory();
    const port = await freePort();
    const first = startKeten({ PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'true', DEMO_PATIENTS: '30' });
    await waitForReady(port, first);
    expect(first.stdout()).toContain(`Keten draait op http://localhost:${port}`);
    expect(first.stdout()).toContain('huisarts.hapz');

    const second = startKeten({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expectOneClearLine(second.stderr());
    expect(second.stderr()).toContain('is in use by another Keten process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'keten.lock'))).toBe(false);

    const reopened = await openPglite(dataDir);
    try {
      const { count } = await reopened.db
        .selectFrom('patient')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(35);
    } finally {
      await reopened.close();
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('starting Keten on PostgreSQL', () => {
  it('runs the same with DATABASE_URL, as the restricted application role', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL ?? '';
    const name = `keten_main_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const port = await freePort();
      const started = startKeten({
        PORT: String(port),
        DATABASE_URL: url.toString(),
        DATA_DIR: await temporaryDirectory(),
        SEED_DEMO: 'true',
        DEMO_PATIENTS: '20',
      });
      await waitForReady(port, started);
      const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
      expect(health).toEqual({ status: 'ok', database: 'ok', engine: 'postgres' });
      // A login writes a challenge, a mail and audit events: all as keten_app.
      const login = await fetch(`http://127.0.0.1:${port}/api/werkplek/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'huisarts.hapz', password: 'keten-demo-wachtwoord' }),
      });
      expect(((await login.json()) as { status: string }).status).toBe('code-required');
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      try {
        const { rows } = await check.query("select count(*)::int as n from audit_event where action = 'code-sent'");
        expect(rows[0].n).toBe(1);
        const { rows: patients } = await check.query('select count(*)::int as n from patient');
        expect(patients[0].n).toBe(25);
      } finally {
        await check.end();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
