import { type Kysely, sql } from 'kysely';
import { type Clock, systemClock } from '../clock.js';
import { amsterdamDate, amsterdamToUtc } from '../domain/amsterdam-time.js';
import { type Engine, engineOf } from './connection.js';
import type { Database } from './schema.js';

// PGlite maintenance: the job PostgreSQL's autovacuum does. PGlite has no autovacuum, so without this nobody
// vacuums or analyses: the visibility map stays empty (no index-only scans), dead rows from updates (sessions,
// drafts) pile up and GIN pending lists are never merged. On PostgreSQL everything here does nothing.
//
// The price: PGlite has ONE connection, so while VACUUM runs every request waits for it (seconds on a large
// demo database). Hence one run shortly after start and then one a day at 03:30 Amsterdam time, never two at once.

export interface MaintainedDatabase {
  db: Kysely<Database>;
  engine: Engine;
}

/**
 * `VACUUM (ANALYZE)` of the whole database on PGlite; nothing on PostgreSQL (autovacuum does it there).
 * Runs as the database owner (only owners may vacuum their tables) on the single connection, held for the
 * duration so no request runs in between with the owner's rights, and restores the application role after.
 * Returns whether it vacuumed.
 */
export async function vacuumAnalyze(database: MaintainedDatabase): Promise<boolean> {
  if (database.engine !== 'pglite') return false;
  await database.db.connection().execute(async (connection) => {
    const { rows } = await sql<{ current: string; session: string }>`
      select current_user as current, session_user as session`.execute(connection);
    const role = rows[0];
    const switched = role !== undefined && role.current !== role.session;
    if (switched) await sql`reset role`.execute(connection);
    try {
      // Not in a transaction: VACUUM refuses to run inside one.
      await sql`vacuum (analyze)`.execute(connection);
    } finally {
      if (switched) await sql`set role ${sql.id(role.current)}`.execute(connection);
    }
  });
  return true;
}

/**
 * After a bulk load (demo seed, legacy import): on PGlite `VACUUM (ANALYZE)`, so the visibility map is set and
 * searches get index-only scans at once; on PostgreSQL `ANALYZE` (fresh statistics now rather than when
 * autovacuum gets round to it). A Kysely instance not opened through connection.ts gets the ANALYZE.
 */
export async function maintainAfterBulkLoad(db: Kysely<Database>): Promise<void> {
  const engine = engineOf(db);
  if (engine === 'pglite') await vacuumAnalyze({ db, engine });
  else await sql`analyze`.execute(db);
}

/** 03:30 in Europe/Amsterdam: the quiet hour of a Dutch practice. */
export const MAINTENANCE_TIME = { hour: 3, minute: 30 } as const;

/** The first moment after `now` at which the Amsterdam wall clock reads hour:minute (default 03:30). */
export function nextDailyRun(now: Date, at: { hour: number; minute: number } = MAINTENANCE_TIME): Date {
  const today = amsterdamDate(now);
  for (let offsetDays = 0; offsetDays <= 2; offsetDays++) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const candidate = amsterdamToUtc(day, { hour: at.hour, minute: at.minute, second: 0 });
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  throw new Error('unreachable: a daily time always falls within two days');
}

export interface NightlyMaintenanceOptions {
  clock?: Clock;
  /** The first run this long after start (default 30 s): catches what migrations and earlier use left behind. */
  firstRunAfterMs?: number;
  onError: (error: unknown) => void;
  /**
   * Other nightly housekeeping, run before the VACUUM on either engine (e.g. deleting abandoned uploads). With it
   * the schedule runs on PostgreSQL too; without it PostgreSQL needs nothing (autovacuum).
   */
  housekeeping?: (now: Date) => Promise<unknown>;
  /** Told after each run: why and how long (no data, no table contents). */
  log?: (run: { reason: 'start' | 'daily'; durationMs: number }) => void;
}

export interface NightlyMaintenance {
  /** Runs now unless a run is already going (then waits for that one). */
  runNow(reason?: 'start' | 'daily'): Promise<void>;
  /** Clears the timer and waits for a running VACUUM, so the database can be closed after. */
  stop(): Promise<void>;
}

// A timer never waits longer than this before looking at the clock again: after a laptop sleeps or the clock
// is set, the run still comes (late) instead of a day later.
const MAX_TIMER_MS = 60 * 60 * 1000;

/**
 * The nightly maintenance: the housekeeping, then on PGlite VACUUM (ANALYZE) — once shortly after start (covers
 * migrations, a machine that is never on at night, and dead rows from the previous run), then daily at 03:30
 * Europe/Amsterdam, a quiet moment, because on PGlite requests wait while it runs. On PostgreSQL without
 * housekeeping it starts nothing. Timers are unref'd.
 */
export function startNightlyMaintenance(database: MaintainedDatabase, options: NightlyMaintenanceOptions): NightlyMaintenance {
  if (database.engine !== 'pglite' && !options.housekeeping) {
    return { runNow: async () => undefined, stop: async () => undefined };
  }
  const clock = options.clock ?? systemClock;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let next = { at: clock.now().getTime() + (options.firstRunAfterMs ?? 30_000), reason: 'start' as 'start' | 'daily' };

  const runNow = (reason: 'start' | 'daily' = 'daily'): Promise<void> => {
    running ??= (async () => {
      const started = performance.now();
      try {
        await options.housekeeping?.(clock.now());
        await vacuumAnalyze(database);
        options.log?.({ reason, durationMs: Math.round(performance.now() - started) });
      } catch (error) {
        options.onError(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const arm = () => {
    if (stopped) return;
    const wait = Math.min(Math.max(next.at - clock.now().getTime(), 0), MAX_TIMER_MS);
    timer = setTimeout(tick, wait);
    timer.unref();
  };

  const tick = async () => {
    timer = undefined;
    const now = clock.now();
    if (now.getTime() >= next.at) {
      const { reason } = next;
      next = { at: nextDailyRun(now).getTime(), reason: 'daily' };
      await runNow(reason);
    }
    arm();
  };

  arm();
  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
