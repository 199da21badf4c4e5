import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseUnavailableError, openDatabase } from '../db/connection.js';
import { DirectoryLockedError } from '../db/directory-lock.js';
import { AuditHeadError, auditHeadPaths, readSignedHead, type SignedHead } from './head.js';
import { verifyAuditChain } from './verify.js';

// `npm run audit:verify`: walks the whole NEN 7513 audit chain and checks it against the signed head.
// Settings: DATABASE_URL or DATA_DIR (as the server), AUDIT_HEAD_FILE (default <DATA_DIR>/audit-head.json),
// AUDIT_SIGNING_KEY_FILE (default <DATA_DIR>/audit-signing-key.pem). It never migrates or writes.
// Exit 0: intact. Exit 1: broken or the head file was tampered with. Exit 2: could not check.
// On PGlite only one process may open the data directory: stop the server first (it says so), or run
// Keten on PostgreSQL, where the check runs beside the server.

const EXIT_OK = 0;
const EXIT_BROKEN = 1;
const EXIT_CANNOT_CHECK = 2;

class CannotCheckError extends Error {}

async function main(): Promise<number> {
  const config = loadConfig();
  const headFile = config.audit.headFile;
  const files = { dataDir: config.dataDir, headFile, keyFile: config.audit.signingKeyFile };
  const paths = auditHeadPaths(files);
  if (!config.databaseUrl && !existsSync(path.join(config.dataDir, 'pgdata'))) {
    // Opening would silently create an empty database there.
    throw new CannotCheckError(`There is no embedded database in ${config.dataDir} (DATA_DIR); set DATA_DIR or DATABASE_URL`);
  }
  if (headFile && !existsSync(headFile))
    throw new CannotCheckError(`The audit head file ${headFile} (AUDIT_HEAD_FILE) does not exist`);

  let head: SignedHead | undefined;
  let headProblem: string | undefined;
  try {
    head = await readSignedHead(files);
  } catch (error) {
    if (!(error instanceof AuditHeadError)) throw error;
    headProblem = error.message;
  }

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const showProgress = process.stderr.isTTY === true;
  let result: Awaited<ReturnType<typeof verifyAuditChain>>;
  try {
    result = await verifyAuditChain(database.db, {
      head,
      onProgress: showProgress ? (checked) => process.stderr.write(`\rChecked ${formatCount(checked)} events…`) : undefined,
    });
  } finally {
    if (showProgress) process.stderr.write('\r\x1b[K');
    await database.close();
  }

  if (!result.ok) {
    if (headProblem) console.log(`Audit head NOT TRUSTED: ${headProblem}`);
    console.log(`Audit chain BROKEN at event #${result.firstBadId}: ${result.problem}`);
    return EXIT_BROKEN;
  }
  const events = `${formatCount(result.count)} events`;
  if (headProblem) {
    console.log(`Audit head NOT TRUSTED: ${headProblem}`);
    console.log(`Audit chain intact in itself: ${events}, but deleting the newest events cannot be ruled out`);
    return EXIT_BROKEN;
  }
  if (!head) {
    console.log(
      `Audit chain OK: ${events}${result.lastId ? `, last #${result.lastId}` : ''}; no signed head at ${paths.headFile}, ` +
        'so deleting the newest events cannot be detected',
    );
    return EXIT_OK;
  }
  const headName = head.count === 0 ? 'head (empty log)' : `head #${head.id}`;
  console.log(`Audit chain OK: ${events}, ${headName} signed ${formatMoment(head.signedAt)} verified`);
  return EXIT_OK;
}

function formatCount(count: number): string {
  return new Intl.NumberFormat('en-GB').format(count);
}

/** dd-mm-jjjj HH:mm in Europe/Amsterdam, as everywhere in Keten. */
function formatMoment(moment: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

function oneLine(error: unknown): string {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof CannotCheckError) {
    return error.message;
  }
  if (error instanceof DirectoryLockedError) return `${error.message} The audit check needs the directory to itself.`;
  if ((error as { code?: unknown })?.code === '42P01') {
    return 'The database has no audit_event table: it has not been migrated to 0004-audit yet (start the server once)';
  }
  return `Could not check the audit chain: ${error instanceof Error ? error.message : String(error)}`;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit:verify: ${oneLine(error)}`);
    process.exitCode = EXIT_CANNOT_CHECK;
  },
);
