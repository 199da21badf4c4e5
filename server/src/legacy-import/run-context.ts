import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { lockLegacyImport, type OrganisationRef } from './repository.js';
import type { LegacyImportCounts, SkippedAccount, SkippedPatient } from './result.js';

// What the three phases (accounts, patients, Journaal) share during one run.

export type ImportPhase = 'accounts' | 'patients' | 'journal';

export interface LegacyImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

/** A Journaal author as far as the run knows: a Keten account (id null in a dry run until created). */
export interface AuthorRef {
  accountId: string | null;
  name: string;
  role: string;
  organisationId: string | null;
}

export interface RunContext {
  db: Kysely<Database>;
  dryRun: boolean;
  /** Null in a dry run. */
  runId: string | null;
  now: () => Date;
  batchSize: number;
  signal: AbortSignal | undefined;
  onProgress: ((progress: LegacyImportProgress) => void) | undefined;
  organisations: OrganisationDirectory;
  roles: ReadonlyMap<string, readonly string[]>;
  counts: LegacyImportCounts;
  skippedPatients: SkippedPatient[];
  skippedAccounts: SkippedAccount[];
  linkedPatients: { patientNumber: string; patientId: string | null }[];
  orphanedJournal: Map<string, number>;
  /** Old number → Keten patient id; null: imported in this dry run (no id yet); false: no migrated patient. */
  patientIdByNumber: Map<string, string | null | false>;
  /** Lower-case username → the author; false: no Keten account. */
  authors: Map<string, AuthorRef | false>;
  /** Lower-case username → the name in accounts.csv (kept for Journaal lines of accounts that were skipped). */
  accountNames: Map<string, string>;
  interrupted: boolean;
}

/** Runs one batch in its own transaction (serialised with other imports), or without writing in a dry run. */
export async function inBatch<T>(
  context: RunContext,
  work: (executor: Kysely<Database>, trx: Transaction<Database> | null) => Promise<T>,
) {
  if (context.dryRun) return work(context.db, null);
  return context.db.transaction().execute(async (trx) => {
    await lockLegacyImport(trx);
    return work(trx, trx);
  });
}

export function shouldStop(context: RunContext): boolean {
  if (context.signal?.aborted) context.interrupted = true;
  return context.interrupted;
}

/** Organisations by AGB code or abbreviation (case-insensitive), as the export's "praktijk" column names them. */
export class OrganisationDirectory {
  private readonly byAbbreviation = new Map<string, OrganisationRef>();
  private readonly byAgb = new Map<string, OrganisationRef[]>();

  constructor(organisations: readonly OrganisationRef[]) {
    for (const organisation of organisations) {
      if (organisation.abbreviation) this.byAbbreviation.set(organisation.abbreviation.toLowerCase(), organisation);
      if (organisation.agbCode) {
        this.byAgb.set(organisation.agbCode, [...(this.byAgb.get(organisation.agbCode) ?? []), organisation]);
      }
    }
  }

  /** The organisation a value names; undefined when none or when an AGB code is ambiguous. */
  find(value: string): OrganisationRef | undefined {
    const key = value.trim();
    if (key === '') return undefined;
    const byAgb = this.byAgb.get(key) ?? this.byAgb.get(key.padStart(8, '0'));
    if (byAgb) return byAgb.length === 1 ? byAgb[0] : undefined;
    return this.byAbbreviation.get(key.toLowerCase());
  }

  /** The GP practice a patient is enrolled at (seed 001 §1 item 8: at a practice, not at a GP). */
  practice(value: string): OrganisationRef | undefined {
    const found = this.find(value);
    return found?.type === 'gp-practice' ? found : undefined;
  }
}
