import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { type AuditChainHead, verifyAuditChain } from './verify.js';

// The signed chain head. A hash chain shows edits, but deleting the newest events leaves a shorter chain
// that is still intact. So every minute the newest event (id, hash, position) is signed with an Ed25519 key
// and written OUTSIDE the database; the verifier then demands that the chain still reaches that point.
// NEN 7513 asks that removal of log records be detectable; this closes the gap at the end of the chain.
// It guards against someone with database access only: whoever holds the key file can re-sign, so keep the
// key (AUDIT_SIGNING_KEY_FILE) where database administrators cannot write.

export const HEAD_FILE_NAME = 'audit-head.json';
export const SIGNING_KEY_FILE_NAME = 'audit-signing-key.pem';

export interface AuditHeadFiles {
  /** Default home of both files. */
  dataDir: string;
  /** Overrides `<dataDir>/audit-head.json`. */
  headFile?: string;
  /** Overrides `<dataDir>/audit-signing-key.pem`. */
  keyFile?: string;
}

export interface SignedHead extends AuditChainHead {
  signedAt: Date;
  /** First 16 hex digits of the SHA-256 of the public key: tells which key signed. */
  keyId: string;
  /** Ed25519 signature (base64) over `signedHeadMessage`. */
  signature: string;
}

/** The head file is wrong: unreadable, altered, or signed with another key. Never overwrite it silently. */
export class AuditHeadError extends Error {}

/** The chain does not extend the previously signed head (or is broken): no new head is signed. */
export class AuditChainBrokenError extends Error {
  constructor(
    readonly firstBadId: string,
    readonly problem: string,
  ) {
    super(`The audit chain is broken at event #${firstBadId}: ${problem}. The signed head was not updated.`);
  }
}

export function auditHeadPaths(files: AuditHeadFiles): { headFile: string; keyFile: string } {
  return {
    headFile: files.headFile ?? path.join(files.dataDir, HEAD_FILE_NAME),
    keyFile: files.keyFile ?? path.join(files.dataDir, SIGNING_KEY_FILE_NAME),
  };
}

/** The exact text that is signed: a version tag and the fields, one per line. */
export function signedHeadMessage(head: Omit<SignedHead, 'signature'>): string {
  return ['keten-audit-head/1', head.id, head.hash, String(head.count), head.signedAt.toISOString(), head.keyId].join('\n');
}

const headFileSchema = z.object({
  id: z.string().regex(/^[0-9]+$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  count: z.number().int().min(0),
  signedAt: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().min(1),
});

/**
 * Reads and authenticates the head file. Returns undefined when there is none yet; throws AuditHeadError
 * when it cannot be read or its signature does not match (a tampered head file).
 */
export async function readSignedHead(files: AuditHeadFiles): Promise<SignedHead | undefined> {
  const { headFile, keyFile } = auditHeadPaths(files);
  let text: string;
  try {
    text = await readFile(headFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AuditHeadError(`Cannot read the audit head file ${headFile}: ${(error as Error).message}`);
  }
  let parsed: z.infer<typeof headFileSchema>;
  try {
    parsed = headFileSchema.parse(JSON.parse(text));
  } catch {
    throw new AuditHeadError(`The audit head file ${headFile} is not a valid signed head: it was altered or damaged`);
  }
  const head: SignedHead = { ...parsed, signedAt: new Date(parsed.signedAt) };
  const key = await loadSigningKey(keyFile, { create: false });
  const publicKey = createPublicKey(key);
  if (keyIdOf(publicKey) !== head.keyId) {
    throw new AuditHeadError(`The audit head file ${headFile} was signed with another key than ${keyFile}`);
  }
  const authentic = verify(null, Buffer.from(signedHeadMessage(head), 'utf8'), publicKey, Buffer.from(head.signature, 'base64'));
  if (!authentic) {
    throw new AuditHeadError(
      `The audit head file ${headFile} is not authentic: its signature does not match (the file was altered)`,
    );
  }
  return head;
}

/**
 * Signs the current end of the chain and writes it atomically (temp file + rename). Before signing it
 * checks that the chain still contains the previously signed head and is intact from there on (from the
 * start when there is no head yet); otherwise it throws and leaves the old head as evidence.
 */
export async function writeSignedHead(db: Kysely<Database>, options: AuditHeadFiles & { now?: () => Date }): Promise<SignedHead> {
  const { headFile, keyFile } = auditHeadPaths(options);
  const key = await loadSigningKey(keyFile, { create: true });
  const previous = await readSignedHead(options);
  const result = await verifyAuditChain(db, { after: previous });
  if (!result.ok) throw new AuditChainBrokenError(result.firstBadId, result.problem);

  const unsigned = {
    id: result.lastId ?? '0',
    hash: result.lastHash,
    count: result.count,
    signedAt: (options.now ?? (() => new Date()))(),
    keyId: keyIdOf(createPublicKey(key)),
  };
  const signature = sign(null, Buffer.from(signedHeadMessage(unsigned), 'utf8'), key).toString('base64');
  const head: SignedHead = { ...unsigned, signature };
  const json = `${JSON.stringify({ ...head, signedAt: head.signedAt.toISOString() }, null, 2)}\n`;
  await writeFileAtomically(headFile, json);
  return head;
}

export interface HeadSignerOptions extends AuditHeadFiles {
  /** How often to sign; the window in which deleting the newest events goes unnoticed. Default 60 s. */
  intervalMs?: number;
  now?: () => Date;
  /** A failed signing (broken chain, tampered head file) is a security event: log it loudly. */
  onError: (error: unknown) => void;
  onSigned?: (head: SignedHead) => void;
}

/**
 * Signs the head at start, every interval and once more on stop. Call `stop()` before closing the database.
 */
export function startHeadSigner(db: Kysely<Database>, options: HeadSignerOptions): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const signNow = () => {
    // Skip a tick while the previous signing (a first full verify can take minutes) still runs.
    running ??= writeSignedHead(db, options)
      .then((head) => options.onSigned?.(head), options.onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  void signNow();
  const timer = setInterval(signNow, options.intervalMs ?? 60_000);
  timer.unref();
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        clearInterval(timer);
        await running;
        await signNow();
      })();
      return stopped;
    },
  };
}

async function loadSigningKey(keyFile: string, options: { create: boolean }): Promise<KeyObject> {
  let pem: string;
  try {
    pem = await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new AuditHeadError(`Cannot read the audit signing key ${keyFile}: ${(error as Error).message}`);
    }
    if (!options.create) throw new AuditHeadError(`The audit signing key ${keyFile} is missing, so the head cannot be checked`);
    pem = await createSigningKey(keyFile);
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return key;
  } catch (error) {
    throw new AuditHeadError(`The audit signing key ${keyFile} is not a usable Ed25519 private key: ${(error as Error).message}`);
  }
}

async function createSigningKey(keyFile: string): Promise<string> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await mkdir(path.dirname(keyFile), { recursive: true });
  try {
    // wx: two processes starting at once must not overwrite each other's key; 0600: the key is a secret.
    const handle = await open(keyFile, 'wx', 0o600);
    try {
      await handle.writeFile(pem);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFile(keyFile, 'utf8');
    throw error;
  }
}

function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

async function writeFileAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o644);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
