import type { Kysely } from 'kysely';
import { type Clock, systemClock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { LegacyImportError } from './csv.js';
import type { ExportFileKind, RowTypes } from './export-format.js';
import { type ExportFile, exportBatches, type LegacyExport } from './export-source.js';
import { importAccountBatch } from './import-accounts.js';
import { importJournalBatch } from './import-journal.js';
import { importPatientBatch } from './import-patients.js';
import { formatReport } from './report.js';
import { finishImportRun, insertImportRun, loadImportRuns, loadOrganisations, loadRoles } from './repository.js';
import { emptyCounts, type LegacyImportResult } from './result.js';
import { type LegacyImportProgress, OrganisationDirectory, type RunContext, shouldStop } from './run-context.js';

// `importLegacyExport(db, export)`: brings an export of the previous system into Keten (docs/legacy-import.md).
// Accounts, then patients, then the Journaal, in batches of one transaction each: an interrupted run keeps
// what it committed, and running the same export again adds nothing (accounts are matched by username,
// patients by old number and BSN, Journaal lines by their unique key). Every run is logged with its source
// files, counts and report; a dry run reads the database, reports what would happen and writes nothing.

export interface LegacyImportOptions {
  dryRun?: boolean;
  clock?: Clock;
  /** Rows per transaction (default 1,000). */
  batchSize?: number;
  onProgress?: (progress: LegacyImportProgress) => void;
  /** Stops between batches; the run is marked interrupted. */
  signal?: AbortSignal;
}

export type { LegacyImportProgress };

export async function importLegacyExport(
  db: Kysely<Database>,
  source: LegacyExport,
  options: LegacyImportOptions = {},
): Promise<LegacyImportResult> {
  const clock = options.clock ?? systemClock;
  const dryRun = options.dryRun ?? false;
  const startedAt = clock.now();
  const sourceFiles = source.files.map(({ file, bytes, rows, sha256 }) => ({ file, bytes, rows, sha256 }));

  const previousRuns = await loadImportRuns(db);
  const sameSourceRuns = previousRuns
    .filter((run) => sameFiles(run.source, sourceFiles))
    .map((run) => ({ id: run.id, startedAt: run.startedAt }));
  const organisations = await loadOrganisations(db);
  const patientRows = source.files.find((file) => file.kind === 'patients')?.rows ?? 0;
  if (patientRows > 0 && !organisations.some((organisation) => organisation.type === 'gp-practice')) {
    throw new LegacyImportError('er zijn nog geen huisartsenpraktijken in Keten; voeg eerst de praktijken toe');
  }
  const runId = dryRun ? null : await insertImportRun(db, startedAt, sourceFiles);

  const context: RunContext = {
    db,
    dryRun,
    runId,
    now: () => clock.now(),
    batchSize: Math.max(1, Math.floor(options.batchSize ?? 1000)),
    signal: options.signal,
    onProgress: options.onProgress,
    organisations: new OrganisationDirectory(organisations),
    roles: await loadRoles(db),
    counts: emptyCounts(),
    skippedPatients: [],
    skippedAccounts: [],
    linkedPatients: [],
    orphanedJournal: new Map(),
    patientIdByNumber: new Map(),
    authors: new Map(),
    accountNames: new Map(),
    interrupted: false,
  };

  const result = (): LegacyImportResult => {
    const partial = {
      runId,
      dryRun,
      interrupted: context.interrupted,
      location: source.location,
      source: sourceFiles,
      startedAt,
      finishedAt: clock.now(),
      counts: context.counts,
      skippedPatients: context.skippedPatients,
      skippedAccounts: context.skippedAccounts,
      linkedPatients: context.linkedPatients,
      orphanedJournal: context.orphanedJournal,
      sameSourceRuns,
    };
    return { ...partial, report: formatReport(partial) };
  };

  try {
    const accountsSeen = new Map<string, number>();
    const patients = { numbers: new Map<string, number>(), bsns: new Map<string, string>() };
    const journal = { seen: new Set<string>() };
    await eachBatch(context, source, 'accounts', (rows) => importAccountBatch(context, rows, accountsSeen));
    await eachBatch(context, source, 'patients', (rows) => importPatientBatch(context, rows, patients));
    await eachBatch(context, source, 'journal', (rows) => importJournalBatch(context, rows, journal));
  } catch (error) {
    if (runId) {
      // Keep what the committed batches did, readable for whoever looks into the failure.
      const failed = result();
      const message = error instanceof Error ? error.message : String(error);
      await finishImportRun(db, runId, {
        finishedAt: null,
        counts: { ...failed.counts, failed: message },
        report: `${failed.report}\nMISLUKT: ${message}\n`,
      }).catch(() => undefined);
    }
    throw error;
  }

  const done = result();
  if (runId) {
    await finishImportRun(db, runId, {
      finishedAt: done.finishedAt,
      counts: { ...done.counts, interrupted: done.interrupted },
      report: done.report,
    });
  }
  return done;
}

async function eachBatch<K extends ExportFileKind>(
  context: RunContext,
  source: LegacyExport,
  kind: K,
  work: (rows: RowTypes[K][]) => Promise<void>,
): Promise<void> {
  const file = source.files.find((candidate): candidate is ExportFile & { kind: K } => candidate.kind === kind);
  if (!file || shouldStop(context)) return;
  let done = 0;
  context.onProgress?.({ phase: kind, done, total: file.rows });
  for await (const rows of exportBatches(file, context.batchSize)) {
    await work(rows);
    done += rows.length;
    context.onProgress?.({ phase: kind, done, total: file.rows });
    if (shouldStop(context)) return;
  }
}

function sameFiles(a: readonly { file: string; sha256: string }[], b: readonly { file: string; sha256: string }[]): boolean {
  const key = (files: readonly { file: string; sha256: string }[]) =>
    files
      .map((file) => `${file.file}:${file.sha256}`)
      .sort()
      .join(',');
  return a.length > 0 && key(a) === key(b);
}
