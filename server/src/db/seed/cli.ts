import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config.js';
import { type DatabaseHandle, DatabaseUnavailableError, openDatabase } from '../connection.js';
import { DirectoryLockedError } from '../directory-lock.js';
import { migrateToLatest } from '../migrate.js';
import { DEMO_PASSWORD, seedDemo } from './index.js';
import { createProgressReporter, formatDuration } from './progress.js';

// `npm run seed -- --patients 100000 [--seed N]`: fills the configured database with the demo region.
// Errors a user can fix (configuration, no database, directory in use, bad arguments) are one line
// without a stack trace, exit code 1.

const usage = `Gebruik: npm run seed -- [--patients N] [--seed N]

Vult de database (DATABASE_URL, anders de ingebouwde database in DATA_DIR) met de demoregio:
organisaties, demo-accounts (wachtwoord ${DEMO_PASSWORD}), vijf vaste patiënten en N synthetische
patiënten met drie jaar ketenzorgmetingen. Opnieuw draaien is veilig: alleen wat ontbreekt wordt
toegevoegd, dus --patients 100000 op een database met 2.000 patiënten voegt er 98.000 toe.

Opties:
  --patients N   hoeveel synthetische patiënten de database moet bevatten (standaard DEMO_PATIENTS, 2000)
  --seed N       demo-seed; dezelfde seed geeft dezelfde patiënten (standaard DEMO_SEED)
  -h, --help     deze hulp
`;

class UsageError extends Error {}

const numberFormat = new Intl.NumberFormat('nl-NL');
const count = (value: number) => numberFormat.format(value);

function parseArguments(argv: string[]): { patients?: number; seed?: number; help: boolean } {
  let values: { patients?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { patients: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const integer = (name: string, text: string | undefined, pattern: RegExp): number | undefined => {
    if (text === undefined) return undefined;
    const cleaned = text.replace(/[_,]/g, '');
    if (!pattern.test(cleaned) || !Number.isSafeInteger(Number(cleaned))) {
      throw new UsageError(`--${name} moet een geheel getal zijn, niet "${text}"`);
    }
    return Number(cleaned);
  };
  return {
    patients: integer('patients', values.patients, /^\d+$/),
    seed: integer('seed', values.seed, /^-?\d+$/),
    help: values.help ?? false,
  };
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(usage);
    return 0;
  }
  const config = loadConfig();
  const patients = args.patients ?? config.demoPatients;
  const seed = args.seed ?? config.demoSeed;

  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    process.stderr.write('\nStoppen na de lopende batch (nogmaals Ctrl+C om direct te stoppen)…\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const started = performance.now();
  const reporter = createProgressReporter('Demo-patiënten');
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(config);
    process.stderr.write(
      `Demodata in ${handle.location} (${handle.engine}): ${count(patients)} synthetische patiënten, seed ${seed}\n`,
    );
    await migrateToLatest(handle.db);
    const summary = await seedDemo(handle.db, { seed, patients, signal: controller.signal, onProgress: reporter });
    reporter.finish();
    const elapsed = formatDuration(performance.now() - started);
    if (summary.organisations > 0) {
      process.stdout.write(
        `${count(summary.organisations)} organisaties en ${count(summary.accounts)} demo-accounts aangemaakt ` +
          `(wachtwoord ${DEMO_PASSWORD}, bijvoorbeeld huisarts.hapz).\n`,
      );
    }
    process.stdout.write(
      `${summary.interrupted ? 'Onderbroken' : 'Klaar'} in ${elapsed}: ${count(summary.patients)} patiënten en ` +
        `${count(summary.measurements)} metingen toegevoegd; ${count(summary.alreadyPresent)} synthetische patiënten waren er al.\n`,
    );
    if (summary.interrupted) process.stdout.write('Draai hetzelfde commando opnieuw om verder te gaan.\n');
    return summary.interrupted ? 130 : 0;
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
      process.stderr.write(`seed: ${error.message}\n\n${usage}`);
    } else if (
      error instanceof ConfigError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof DirectoryLockedError
    ) {
      process.stderr.write(`seed: ${error.message}\n`);
    } else {
      // Unexpected: a bug or a database failure half-way; the stack helps whoever fixes it.
      process.stderr.write(`seed mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
