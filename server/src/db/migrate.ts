import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as core from './migrations/0001-core.js';
import * as identity from './migrations/0002-identity.js';
import * as access from './migrations/0003-access.js';
import * as audit from './migrations/0004-audit.js';
import * as patients from './migrations/0005-patients.js';
import * as hisLaunch from './migrations/0006-his-launch.js';
import * as legacyImport from './migrations/0007-legacy-import.js';
import * as patientSearch from './migrations/0008-patient-search.js';
import * as clinicalRecord from './migrations/0009-clinical-record.js';
import * as messages from './migrations/0010-messages.js';
import * as invoices from './migrations/0012-invoices.js';
import * as referrals from './migrations/0013-referrals.js';
import * as resultSignals from './migrations/0014-result-signals.js';
import * as patientNameOrder from './migrations/0015-patient-name-order.js';
import * as referralDrafts from './migrations/0016-referral-drafts.js';

// Migrations are listed here in order (no directory scanning: works the same from source and bundles).
// Numbered, frozen once landed; add a new file and a line below.
const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-identity': identity,
  '0003-access': access,
  '0004-audit': audit,
  '0005-patients': patients,
  '0006-his-launch': hisLaunch,
  '0007-legacy-import': legacyImport,
  '0008-patient-search': patientSearch,
  '0009-clinical-record': clinicalRecord,
  '0010-messages': messages,
  '0012-invoices': invoices,
  '0013-referrals': referrals,
  '0014-result-signals': resultSignals,
  '0015-patient-name-order': patientNameOrder,
  '0016-referral-drafts': referralDrafts,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'keten_migration',
    migrationLockTableName: 'keten_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  return (results ?? []).map((result) => result.migrationName);
}
