import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { type Clock, ManualClock } from '../clock.js';
import { type Config, loadConfig } from '../config.js';
import type { DatabaseHandle, Engine } from '../db/connection.js';
import { sendDueMail } from '../mail/sender.js';
import { developmentMailbox } from '../mail/transport.js';
import type { StartupState } from '../startup-state.js';
import { createTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  startup: StartupState;
  config: Config;
  clock: ManualClock;
  /** Runs the mail sender once (what the background sender does every few seconds). */
  deliverMail(): Promise<number>;
  /** The development mailbox as a client sees it (/dev/mail.json), newest first. */
  mailbox(): Promise<{ to: string; subject: string; text: string; sentAt: string }[]>;
  close(): Promise<void>;
}

/** The real app on a fresh database, for `app.inject()` tests. */
export async function createTestApp(
  engine: Engine = 'pglite',
  overrides: NodeJS.ProcessEnv = {},
  clock = new ManualClock(),
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'keten-test-')),
    ...overrides,
  });
  const database = await createTestDatabase(engine);
  const startup: StartupState = { stage: 'ready' };
  const app = await buildApp({ config, database, startup, clock, logger: process.env.TEST_LOG ? { level: 'error' } : false });
  const deliverMail = () => sendDueMail(database.db, developmentMailbox, clock as Clock);
  return {
    app,
    database,
    startup,
    config,
    clock,
    deliverMail,
    async mailbox() {
      await deliverMail();
      return (await app.inject({ method: 'GET', url: '/dev/mail.json' })).json();
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
