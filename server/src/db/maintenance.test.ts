import { type Kysely, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, testEngines } from '../test/database.js';
import { APPLICATION_ROLE, type DatabaseHandle, engineOf } from './connection.js';
import { maintainAfterBulkLoad, nextDailyRun, startNightlyMaintenance, vacuumAnalyze } from './maintenance.js';
import type { Database } from './schema.js';

const utc = (iso: string) => new Date(iso).toISOString();

describe('nextDailyRun: 03:30 Europe/Amsterdam', () => {
  it('is today at 03:30 before that time, tomorrow after it (winter: UTC+1, summer: UTC+2)', () => {
    expect(nextDailyRun(new Date('2026-01-15T02:29:00Z')).toISOString()).toBe(utc('2026-01-15T02:30:00Z'));
    expect(nextDailyRun(new Date('2026-01-15T02:30:00Z')).toISOString()).toBe(utc('2026-01-16T02:30:00Z'));
    expect(nextDailyRun(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe(utc('2026-07-02T01:30:00Z'));
    // 00:30 on 2 July in Amsterdam is still 1 July in UTC: the run is that same Amsterdam night.
    expect(nextDailyRun(new Date('2026-07-01T22:30:00Z')).toISOString()).toBe(utc('2026-07-02T01:30:00Z'));
  });

  it('follows the clock across the spring change (29 March 2026, 02:00 → 03:00)', () => {
    // Saturday noon in winter time; the next 03:30 is already summer time.
    expect(nextDailyRun(new Date('2026-03-28T12:00:00Z')).toISOString()).toBe(utc('2026-03-29T01:30:00Z'));
    // 01:00 UTC on the change night = 03:00 CEST: 03:30 is half an hour away.
    expect(nextDailyRun(new Date('2026-03-29T01:00:00Z')).toISOString()).toBe(utc('2026-03-29T01:30:00Z'));
    expect(nextDailyRun(new Date('2026-03-29T01:30:00Z')).toISOString()).toBe(utc('2026-03-30T01:30:00Z'));
  });

  it('follows the clock across the autumn change (25 October 2026, 03:00 → 02:00)', () => {
    expect(nextDailyRun(new Date('2026-10-24T12:00:00Z')).toISOString()).toBe(utc('2026-10-25T02:30:00Z'));
    // 01:30 UTC that night = 02:30 CET after the change; 03:30 is an hour away, not in the past.
    expect(nextDailyRun(new Date('2026-10-25T01:30:00Z')).toISOString()).toBe(utc('2026-10-25T02:30:00Z'));
    expect(nextDailyRun(new Date('2026-10-25T02:30:00Z')).toISOString()).toBe(utc('2026-10-26T02:30:00Z'));
  });
});

interface TableStats {
  relallvisible: number;
  relpages: number;
  last_vacuum: Date | null;
  last_analyze: Date | null;
}

async function stats(db: Kysely<Database>, table: string): Promise<TableStats> {
  const { rows } = await sql<TableStats>`
    select c.relallvisible, c.relpages, s.last_vacuum, s.last_analyze
    from pg_class c join pg_stat_user_tables s on s.relid = c.oid
    where c.oid = ${table}::regclass`.execute(db);
  const row = rows[0];
  if (!row) throw new Error(`no statistics for ${table}`);
  return row;
}

async function createProbe(db: Kysely<Database>, table: string): Promise<void> {
  await sql`create table ${sql.table(table)} (id integer primary key, label text not null)`.execute(db);
  await sql`insert into ${sql.table(table)} select i, 'row ' || i from generate_series(1, 5000) i`.execute(db);
  await sql`grant select, insert, update, delete on ${sql.table(table)} to ${sql.id(APPLICATION_ROLE)}`.execute(db);
}

describe.each(testEngines)('database maintenance (%s)', (engine) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('knows the engine behind the Kysely instance', () => {
    expect(engineOf(handle.db)).toBe(engine);
  });

  if (engine === 'pglite') {
    it('VACUUM (ANALYZE) fills the visibility map, as the application role too, and keeps that role', async () => {
      await createProbe(handle.db, 'maintenance_probe');
      const before = await stats(handle.db, 'maintenance_probe');
      expect(before.relallvisible).toBe(0);
      expect(before.last_vacuum).toBeNull();

      // The server runs maintenance on the restricted role, which may not vacuum the owner's tables itself.
      const app = await handle.asApplicationRole();
      expect(await vacuumAnalyze(app)).toBe(true);
      const { rows } = await sql<{ role: string }>`select current_user as role`.execute(app.db);
      expect(rows[0]?.role).toBe(APPLICATION_ROLE);
      await sql`reset role`.execute(handle.db);

      const after = await stats(handle.db, 'maintenance_probe');
      expect(after.relpages).toBeGreaterThan(0);
      expect(after.relallvisible).toBeGreaterThan(0);
      expect(after.last_vacuum).toBeInstanceOf(Date);
      expect(after.last_analyze).toBeInstanceOf(Date);
    });

    it('the seed path (only a Kysely instance) vacuums too', async () => {
      await createProbe(handle.db, 'maintenance_seed_probe');
      await maintainAfterBulkLoad(handle.db);
      const after = await stats(handle.db, 'maintenance_seed_probe');
      expect(after.relallvisible).toBeGreaterThan(0);
      expect(after.last_vacuum).toBeInstanceOf(Date);
    });

    it('runs shortly after start and then at 03:30 Amsterdam, never twice at once; stop clears the timer', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-11-29T09:00:00Z') });
      const runs: string[] = [];
      const errors: unknown[] = [];
      const maintenance = startNightlyMaintenance(handle, {
        firstRunAfterMs: 30_000,
        onError: (error) => errors.push(error),
        log: (run) => runs.push(`${run.reason} ${new Date().toISOString()}`),
      });
      expect(vi.getTimerCount()).toBe(1);

      await vi.advanceTimersByTimeAsync(29_000);
      expect(runs).toEqual([]);
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(() => expect(runs).toEqual(['start 2026-11-29T09:00:30.000Z']));

      // Next: 03:30 CET on 30 November = 02:30 UTC.
      await vi.advanceTimersByTimeAsync(new Date('2026-11-30T02:29:00Z').getTime() - Date.now());
      expect(runs).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(60_000);
      await vi.waitFor(() => expect(runs).toHaveLength(2));
      expect(runs[1]).toBe('daily 2026-11-30T02:30:00.000Z');

      // Two requests at once: one VACUUM.
      await Promise.all([maintenance.runNow(), maintenance.runNow()]);
      expect(runs).toHaveLength(3);

      await maintenance.stop();
      expect(vi.getTimerCount()).toBe(0);
      expect(errors).toEqual([]);
    });
  } else {
    it('does nothing on PostgreSQL: autovacuum does it', async () => {
      await createProbe(handle.db, 'maintenance_probe');
      expect(await vacuumAnalyze(handle)).toBe(false);
      const after = await stats(handle.db, 'maintenance_probe');
      // last_vacuum/last_analyze record manual runs only (autovacuum has its own columns).
      expect(after.last_vacuum).toBeNull();
      expect(after.last_analyze).toBeNull();

      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const maintenance = startNightlyMaintenance(handle, { onError: () => undefined });
      expect(vi.getTimerCount()).toBe(0);
      await maintenance.stop();
    });

    it('runs the nightly housekeeping on PostgreSQL too when there is some', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-11-29T09:00:00Z') });
      const calls: string[] = [];
      const maintenance = startNightlyMaintenance(handle, {
        firstRunAfterMs: 30_000,
        onError: () => undefined,
        housekeeping: async (now) => {
          calls.push(now.toISOString());
        },
      });
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(30_000);
      await vi.waitFor(() => expect(calls).toEqual(['2026-11-29T09:00:30.000Z']));
      await maintenance.stop();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('analyses after a bulk load on PostgreSQL without vacuuming', async () => {
      await createProbe(handle.db, 'maintenance_seed_probe');
      await maintainAfterBulkLoad(handle.db);
      const after = await stats(handle.db, 'maintenance_seed_probe');
      expect(after.last_vacuum).toBeNull();
      expect(after.last_analyze).toBeInstanceOf(Date);
    });
  }
});
