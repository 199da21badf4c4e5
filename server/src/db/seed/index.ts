import type { Kysely } from 'kysely';
import { hashPassword } from '../../auth/password.js';
import { syncFormLibrary } from '../../modules/clinical-record/form-library-sync.js';
import { seedHisDemo } from '../../modules/his-launch/demo.js';
import { maintainAfterBulkLoad } from '../maintenance.js';
import type { Database } from '../schema.js';
import { SYNTHETIC_BSN_CAPACITY } from './bsn.js';
import { toDay, todayInAmsterdam } from './dates.js';
import { buildStoryHistory } from './demo-history.js';
import { seedDemoMessages } from './demo-messages.js';
import { buildDemoStories } from './demo-persons.js';
import { DEMO_PASSWORD } from './demo-region.js';
import { seedDemoResultSignals } from './demo-result-signals.js';
import { countSyntheticPatients, insertSyntheticBatch } from './insert-patients.js';
import { insertDemoRegion, insertDemoStories, loadRegionIds, lockSeeding } from './insert-region.js';
import type { SeedProgress } from './progress.js';
import { generateSyntheticPatients } from './synthetic-patients.js';

// The demo region generator: `seedDemo(db, { seed, patients })` makes sure the database holds the
// fixed demo region (organisations, accounts, the five fixed patients) and `patients` synthetic
// patients. Idempotent and incremental: a second run adds nothing; a larger count adds only the
// missing patients (index i always becomes the same patient for the same seed and reference date).

export { isValidBsn, SYNTHETIC_BSN_CAPACITY, syntheticBsn } from './bsn.js';
export { type DemoPatient, type DemoPatientKey, demoPatients } from './demo-persons.js';
export { DEMO_PASSWORD, type DemoAccount, demoAccounts, demoOrganisations, roleNames } from './demo-region.js';
export { findMeasurementCode, type MeasurementCode, measurementCodes } from './measurement-codes.js';
export { createProgressReporter, type SeedProgress } from './progress.js';
export { generateSyntheticPatient, type SyntheticPatient } from './synthetic-patients.js';

export interface SeedDemoOptions {
  /** Demo seed: which synthetic patients the indexes become (config DEMO_SEED). */
  seed: number;
  /** How many synthetic patients the database should hold (config DEMO_PATIENTS). */
  patients: number;
  /** "Today" for the data, 'YYYY-MM-DD'; default today in Europe/Amsterdam. Pin it in tests. */
  referenceDate?: string;
  /** Synthetic patients per transaction (default 500). */
  batchSize?: number;
  /** Called after the region step and after every batch. */
  onProgress?: (progress: SeedProgress) => void;
  /** Stops between batches (each batch is its own transaction, so a later run continues). */
  signal?: AbortSignal;
}

export interface SeedSummary {
  /** Rows created by this run. */
  organisations: number;
  accounts: number;
  /** Fixed and synthetic patients created by this run. */
  patients: number;
  measurements: number;
  /** Synthetic patients that were already there before this run. */
  alreadyPresent: number;
  /** True when the run was stopped by the signal before reaching `patients`. */
  interrupted: boolean;
}

export async function seedDemo(db: Kysely<Database>, options: SeedDemoOptions): Promise<SeedSummary> {
  const { seed, patients: target, onProgress, signal } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`demo seed must be an integer, got ${seed}`);
  if (!Number.isInteger(target) || target < 0 || target > SYNTHETIC_BSN_CAPACITY) {
    throw new RangeError(`number of demo patients must be an integer from 0 to ${SYNTHETIC_BSN_CAPACITY}, got ${target}`);
  }
  const referenceDate = options.referenceDate ?? todayInAmsterdam();
  toDay(referenceDate); // validates
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 500));
  const summary: SeedSummary = {
    organisations: 0,
    accounts: 0,
    patients: 0,
    measurements: 0,
    alreadyPresent: 0,
    interrupted: false,
  };

  // The records' entries refer to stored form definitions (also when the seed runs without the app: npm run seed).
  await syncFormLibrary(db);
  let ids = await loadRegionIds(db);
  if (!ids) {
    const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2id is deliberately slow
    const stories = buildDemoStories(referenceDate);
    const history = buildStoryHistory(referenceDate, stories.measurements, stories.referrals);
    ids = await db.transaction().execute(async (trx) => {
      await lockSeeding(trx);
      const existing = await loadRegionIds(trx); // another process may have won the race
      if (existing) return existing;
      const region = await insertDemoRegion(trx, passwordHash);
      const fixed = await insertDemoStories(trx, region.ids, stories, history);
      summary.organisations = region.organisations;
      summary.accounts = region.accounts;
      summary.patients = fixed.patients;
      summary.measurements = fixed.measurements;
      return region.ids;
    });
  }
  await seedHisDemo(db);
  await seedDemoMessages(db, referenceDate);
  await seedDemoResultSignals(db, referenceDate);
  onProgress?.({ phase: 'region', created: summary.organisations > 0 });

  const present = await countSyntheticPatients(db, target);
  summary.alreadyPresent = present;
  const total = Math.max(0, target - present);
  let done = 0;
  onProgress?.({ phase: 'patients', done, total, alreadyPresent: present });
  for (let from = present; from < target; from += batchSize) {
    if (signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    const count = Math.min(batchSize, target - from);
    const batch = generateSyntheticPatients(seed, from, count, referenceDate);
    const result = await insertSyntheticBatch(db, ids, batch);
    summary.patients += result.patients;
    summary.measurements += result.measurements;
    done += count;
    onProgress?.({ phase: 'patients', done, total, alreadyPresent: present });
  }
  // After a bulk load: fresh planner statistics (without them searches plan as if the tables were empty) and, on
  // PGlite, which has no autovacuum, a VACUUM so the visibility map allows index-only scans at once.
  if (summary.patients > 0) await maintainAfterBulkLoad(db);
  return summary;
}
