import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './paths';

export interface KetenServer {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  baseUrl: string;
  /** SIGTERM, wait for the exit, remove the data directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Extra or overriding environment variables for the server. */
  env?: Record<string, string>;
  /** How long to wait for `GET /health` (and `/ready`) to answer 200. */
  startTimeoutMs?: number;
  /**
   * Also wait for `GET /ready` (migrated and demo data seeded): needed before logging in with the
   * demo accounts. `/health` answers as soon as the database does, while the seed still runs.
   */
  waitForReady?: boolean;
}

const outputLimit = 64 * 1024;

/** A port that was free a moment ago: listen on port 0 and let the OS choose. */
export async function findFreePort(): Promise<number> {
  return await new Promise<number>((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

/** Keeps the last `outputLimit` characters of a stream, for error messages. */
function tail(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-outputLimit);
  });
  return () => text;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => child.once('exit', () => resolveExit()));
}

async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Start a real Keten server (`node --import tsx server/src/main.ts`) on a free port with an empty
 * data directory and a small demo seed, and wait until it is healthy. With `E2E_BASE_URL` set,
 * use that server instead and start nothing.
 */
export async function startServer(options: StartServerOptions = {}): Promise<KetenServer> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    const baseUrl = external.replace(/\/+$/, '');
    if (options.waitForReady && !(await answersOk(`${baseUrl}/ready`))) throw new Error(`${baseUrl}/ready does not answer 200`);
    return { baseUrl, stop: async () => {} };
  }

  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'keten-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_PATIENTS: options.env?.DEMO_PATIENTS ?? '100',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = tail(child.stdout);
  const stderr = tail(child.stderr);
  const exited = waitForExit(child);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const finished = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!finished) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const describeOutput = (): string =>
    [`--- stderr ---\n${stderr() || '(empty)'}`, `--- stdout (tail) ---\n${stdout().slice(-4_000) || '(empty)'}`].join('\n');

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  let exitedEarly = false;
  void exited.then(() => {
    exitedEarly = true;
  });
  try {
    const probe = options.waitForReady ? `${baseUrl}/ready` : `${baseUrl}/health`;
    while (!(await answersOk(probe))) {
      if (exitedEarly) {
        throw new Error(
          `Keten server exited before it was healthy (code ${child.exitCode}, signal ${child.signalCode})\n${describeOutput()}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(`Keten server did not answer GET ${probe} with 200 in time\n${describeOutput()}`);
      }
      await sleep(250);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return { baseUrl, stop };
}
