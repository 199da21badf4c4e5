import { buildApp } from './app.js';
import { startHeadSigner } from './audit/head.js';
import { ShiftableClock, systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { type DatabaseHandle, DatabaseUnavailableError, openDatabase } from './db/connection.js';
import { DirectoryLockedError } from './db/directory-lock.js';
import { type NightlyMaintenance, startNightlyMaintenance } from './db/maintenance.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './db/seed/index.js';
import { createProgressReporter } from './db/seed/progress.js';
import { loggerOptions } from './logging.js';
import { type MailSender, startMailSender } from './mail/sender.js';
import { developmentMailbox, smtpTransport } from './mail/transport.js';
import { FormLibraryConflictError, syncFormLibrary } from './modules/clinical-record/form-library-sync.js';
import { deleteAbandonedUploads } from './patient-data/abandoned-uploads.js';
import { printStartBanner } from './start-banner.js';
import type { StartupState } from './startup-state.js';

// Start: config → database (lock) → migrations → listen → demo data → ready.
// Expected failures (bad setting, database down, directory locked, port taken) end in one clear line.
async function main(): Promise<void> {
  const config = loadConfig();
  const startup: StartupState = { stage: 'migrating' };
  const owner = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // Migrations run as the owner; everything after as the application role, which cannot alter the audit log.
  await migrateToLatest(owner.db);
  // The form library's new definitions, before anything (the demo data too) refers to them; a changed published
  // version stops the start (FormLibraryConflictError names the form).
  await syncFormLibrary(owner.db);
  // Demo data is loaded as the owner too: it is a bulk load that ends with ANALYZE, on PGlite VACUUM (ANALYZE)
  // (only owners may).
  if (config.seedDemo) {
    startup.stage = 'seeding';
    await seedDemo(owner.db, {
      seed: config.demoSeed,
      patients: config.demoPatients,
      onProgress: createProgressReporter('Demo-patiënten'),
    });
  }
  const database = await owner.asApplicationRole();
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let mailSender: MailSender | undefined;
  let headSigner: { stop(): Promise<void> } | undefined;
  let maintenance: NightlyMaintenance | undefined;
  const shutdown = installShutdown(startup, database, async () => {
    await app?.close();
    await mailSender?.stop();
    await headSigner?.stop();
    // Waits for a running VACUUM: the database is closed (CHECKPOINT) after this.
    await maintenance?.stop();
  });

  // Browser tests (NODE_ENV=test) may move time forward through /dev/clock; everywhere else it is the real time.
  const clock = config.nodeEnv === 'test' ? new ShiftableClock() : systemClock;
  app = await buildApp({
    config,
    database,
    startup,
    logger: loggerOptions(config),
    clock,
    mailQueued: () => mailSender?.nudge(),
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      await shutdown.closeQuietly();
      fail(`Port ${config.port} is already in use (PORT). Stop the other process or start with another PORT.`);
    }
    throw error;
  }

  // The outbox is in the database: mail queued before a restart is sent after it.
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : developmentMailbox;
  mailSender = startMailSender(database.db, transport, clock, app.log);
  const log = app.log;
  headSigner = startHeadSigner(database.db, {
    dataDir: config.dataDir,
    headFile: config.audit.headFile,
    keyFile: config.audit.signingKeyFile,
    intervalMs: config.audit.headIntervalSeconds * 1000,
    onError: (error) => log.error({ err: error }, 'audit head not signed: audit log integrity problem'),
  });

  // Shortly after start and daily at 03:30: abandoned uploads deleted (both engines); PGlite, which has no
  // autovacuum, also gets VACUUM (ANALYZE) (requests wait meanwhile). Real time, also in browser tests: a shifted
  // test clock must not start one mid-test.
  maintenance = startNightlyMaintenance(database, {
    housekeeping: (now) => deleteAbandonedUploads(database.db, now),
    onError: (error) => log.error({ err: error }, 'nightly maintenance failed'),
    log: (run) => log.info({ reason: run.reason, durationMs: run.durationMs }, 'nightly maintenance done'),
  });

  startup.stage = 'ready';
  printStartBanner(config, database, app.server.address());
}

function installShutdown(startup: StartupState, database: DatabaseHandle, stopServices: () => Promise<void>) {
  let stopping = false;
  const closeQuietly = async () => {
    await stopServices().catch(() => undefined);
    await database.close().catch(() => undefined);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl+C: the user means it.
      process.exit(130);
    }
    stopping = true;
    startup.stage = 'stopping';
    process.stderr.write(`\n${signal}: Keten stopt — lopende verzoeken afronden, database sluiten…\n`);
    // Finish in-flight requests, then checkpoint and close the database (and release the PGlite lock).
    closeQuietly().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return { closeQuietly };
}

function fail(message: string): never {
  process.stderr.write(`keten: ${message}\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof DirectoryLockedError ||
    error instanceof FormLibraryConflictError
  ) {
    fail(error.message);
  }
  process.stderr.write('keten: start failed\n');
  console.error(error);
  process.exit(1);
});
