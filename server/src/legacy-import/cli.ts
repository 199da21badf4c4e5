import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../config.js';
import { type DatabaseHandle, DatabaseUnavailableError, openDatabase } from '../db/connection.js';
import { DirectoryLockedError } from '../db/directory-lock.js';
import { vacuumAnalyze } from '../db/maintenance.js';
import { migrateToLatest } from '../db/migrate.js';
import { createProgressLine, formatDuration, type ProgressLine } from '../db/seed/progress.js';
import { LegacyImportError } from './csv.js';
import { openLegacyExport } from './export-source.js';
import { importLegacyExport, type LegacyImportProgress } from './importer.js';

// `npm run import:legacy -- MAP_OF_BESTAND [--dry-run]`: imports an export of the previous system into the
// configured database (DATABASE_URL, else the embedded database in DATA_DIR), see docs/legacy-import.md.
// Progress on stderr, the report on stdout. Problems a user can fix (an unreadable file, a missing column,
// a bad date, no database) are one line without a stack trace, exit code 1.

const usage = `Gebruik: npm run import:legacy -- MAP_OF_BESTAND [--dry-run]

Leest een export van het vorige systeem (een map met accounts.csv, patients.csv en journaal.csv, of één
van die bestanden) in de database (DATABASE_URL, anders de ingebouwde database in DATA_DIR). Eerst worden
alle bestanden volledig gecontroleerd; pas dan wordt er iets opgeslagen. Opnieuw draaien is veilig: wat er
al is, wordt herkend en niet nog eens toegevoegd. Zie docs/legacy-import.md voor het formaat.

Opties:
  --dry-run    alles controleren en het verslag tonen, zonder iets op te slaan
  -h, --help   deze hulp
`;

class UsageError extends Error {}

const numberFormat = new Intl.NumberFormat('nl-NL');
const count = (value: number) => numberFormat.format(value);

function parseArguments(argv: string[]): { location?: string; dryRun: boolean; help: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 1) throw new UsageError(`één map of bestand, niet ${positionals.length}`);
    return { location: positionals[0], dryRun: values['dry-run'] ?? false, help: values.help ?? false };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const phaseLabels: Readonly<Record<LegacyImportProgress['phase'], string>> = {
  accounts: 'Accounts',
  patients: 'Patiënten',
  journal: 'Journaalregels',
};

function progressReporter(dryRun: boolean) {
  let current: { phase: string; line: ProgressLine } | undefined;
  const report = (progress: LegacyImportProgress) => {
    if (current?.phase !== progress.phase) {
      current?.line.finish();
      if (progress.total === 0) {
        current = undefined;
        return;
      }
      const label = `${phaseLabels[progress.phase]} ${dryRun ? 'controleren' : 'importeren'}`;
      current = { phase: progress.phase, line: createProgressLine(label, progress.total) };
    }
    current?.line.update(progress.done);
  };
  return Object.assign(report, { finish: () => current?.line.finish() });
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (!args.location) throw new UsageError('geef de map (of het bestand) van de export');
  // npm runs the script inside server/; a relative path means the directory the user typed the command in.
  const location = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.location);

  const started = performance.now();
  const exported = await openLegacyExport(location);
  process.stderr.write(
    `Export gecontroleerd (${formatDuration(performance.now() - started)}): ` +
      `${exported.files.map((file) => `${file.file} ${count(file.rows)} regels`).join(', ')}\n`,
  );

  const config = loadConfig();
  if (!config.databaseUrl && !existsSync(path.join(config.dataDir, 'pgdata'))) {
    // Opening would silently create an empty database, without the practices the patients belong to.
    throw new LegacyImportError(
      `er is geen database in ${config.dataDir} (DATA_DIR); start Keten eerst of zet DATA_DIR of DATABASE_URL`,
    );
  }

  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    process.stderr.write('\nStoppen na de lopende batch (nogmaals Ctrl+C om direct te stoppen)…\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const reporter = progressReporter(args.dryRun);
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(config);
    process.stderr.write(`${args.dryRun ? 'Proefimport' : 'Import'} in ${handle.location} (${handle.engine})\n`);
    if (args.dryRun) {
      // A dry run writes nothing, not even migrations: it needs a database Keten has already set up.
      const { rows } = await sql<{ present: boolean }>`select to_regclass('public.organisation') is not null as present`.execute(
        handle.db,
      );
      if (!rows[0]?.present) throw new LegacyImportError('de database is nog niet ingericht; start Keten eerst');
    } else {
      await migrateToLatest(handle.db);
    }
    const result = await importLegacyExport(handle.db, exported, {
      dryRun: args.dryRun,
      onProgress: reporter,
      signal: controller.signal,
    });
    reporter.finish();
    if (!args.dryRun) {
      // PGlite has no autovacuum: without this the imported patients get no index-only scans until the nightly run.
      const vacuumStarted = performance.now();
      if (await vacuumAnalyze(handle)) {
        process.stderr.write(`Database bijgewerkt (VACUUM ANALYZE, ${formatDuration(performance.now() - vacuumStarted)}).\n`);
      }
    }
    process.stdout.write(`\n${result.report}`);
    process.stderr.write(`Klaar in ${formatDuration(performance.now() - started)}.\n`);
    return result.interrupted ? 130 : 0;
  } finally {
    reporter.finish();
    await handle?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`import:legacy: ${error.message}\n\n${usage}`);
    } else if (
      error instanceof LegacyImportError ||
      error instanceof ConfigError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof DirectoryLockedError
    ) {
      process.stderr.write(`import:legacy: ${error.message}\n`);
    } else {
      // Unexpected: a bug or a database failure half-way; the stack helps whoever fixes it. Committed
      // batches stay and the run is marked unfinished; running the same command again continues.
      process.stderr.write(`import:legacy mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
