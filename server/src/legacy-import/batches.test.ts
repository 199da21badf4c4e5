import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import type { DatabaseHandle } from '../db/connection.js';
import { seedDemo } from '../db/seed/index.js';
import { createTestDatabase, testEngines } from '../test/database.js';
import { openLegacyExport } from './export-source.js';
import { importLegacyExport, type LegacyImportProgress } from './importer.js';
import type { LegacyImportTables } from './tables.js';

// Large exports run in many batches, each its own transaction: an interrupted run keeps what it committed,
// the next run continues, and the end result is the same as one uninterrupted run. Tiny batches here make
// the fixture's cases (one person's two accounts, a repeated Journaal line) fall into different batches.

const fixture = path.resolve(import.meta.dirname, '../../test/fixtures/legacy-export');

describe.each(testEngines)('legacy import in small batches, interrupted and continued (%s)', (engine) => {
  let database: DatabaseHandle;
  const clock = new ManualClock('2026-11-29T09:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, { seed: 7, patients: 20, referenceDate: '2026-11-29' });
  });
  afterAll(() => database?.close());

  it('a dry run in tiny batches counts the same as one run (also before migration 0007 is applied)', async () => {
    const exported = await openLegacyExport(fixture);
    const dry = await importLegacyExport(database.db, exported, { clock, batchSize: 2, dryRun: true });
    expect(dry.counts.accounts).toEqual({ rows: 7, created: 5, existing: 1, skipped: 1 });
    expect(dry.counts.patients).toMatchObject({
      imported: 24,
      linked: 1,
      skippedNoBsn: 2,
      skippedInvalidBsn: 2,
      roepnaamQuestionMark: 3,
    });
    expect(dry.counts.journal).toEqual({
      rows: 36,
      imported: 30,
      alreadyPresent: 1,
      duplicateInExport: 1,
      orphaned: 5,
      withoutAuthorAccount: 3,
    });
  });

  it('stops between batches when asked, and a second run completes the same import', async () => {
    const exported = await openLegacyExport(fixture);
    const controller = new AbortController();
    const progress: LegacyImportProgress[] = [];
    const interrupted = await importLegacyExport(database.db, exported, {
      clock,
      batchSize: 4,
      signal: controller.signal,
      onProgress: (event) => {
        progress.push(event);
        if (event.phase === 'patients' && event.done >= 12) controller.abort();
      },
    });
    expect(interrupted.interrupted).toBe(true);
    expect(interrupted.report).toContain('ONDERBROKEN');
    expect(interrupted.counts.patients.rows).toBe(12);
    expect(interrupted.counts.journal.rows).toBe(0);
    expect(progress.filter((event) => event.phase === 'accounts').map((event) => event.done)).toEqual([0, 4, 7]);
    const stored = await database.db
      .withTables<LegacyImportTables>()
      .selectFrom('legacy_import_run')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(stored.counts).toMatchObject({ interrupted: true });

    const continued = await importLegacyExport(database.db, exported, { clock, batchSize: 3 });
    expect(continued.interrupted).toBe(false);
    expect(continued.counts.accounts).toEqual({ rows: 7, created: 0, existing: 6, skipped: 1 });
    expect(continued.counts.patients.imported + interrupted.counts.patients.imported).toBe(24);
    expect(continued.counts.patients.linked + interrupted.counts.patients.linked).toBe(1);
    expect(continued.counts.journal).toEqual({
      rows: 36,
      imported: 30,
      alreadyPresent: 1,
      duplicateInExport: 1,
      orphaned: 5,
      withoutAuthorAccount: 3,
    });

    const { rows } = await sql<{ patients: string; journal: string; persons: string; creates: string }>`
      select (select count(*) from patient where legacy_id is not null)::text as patients,
             (select count(*) from legacy_journal_entry)::text as journal,
             (select count(distinct person_id) from account where username like 'ydebruijn.%')::text as persons,
             (select count(*) from audit_event where reason = 'legacy-import' and object_type = 'patient'
                and action = 'create')::text as creates`.execute(database.db);
    expect(rows[0]).toEqual({ patients: '25', journal: '30', persons: '1', creates: '24' });
  });
});
