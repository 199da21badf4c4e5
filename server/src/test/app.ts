import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { DatabaseHandle, Engine } from '../db/connection.js';
import type { StartupState } from '../startup-state.js';
import { createTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  startup: StartupState;
  config: Config;
  close(): Promise<void>;
}

/** The real app on a fresh database, for `app.inject()` tests. */
export async function createTestApp(engine: Engine = 'pglite', overrides: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'keten-test-')),
    ...overrides,
  });
  const database = await createTestDatabase(engine);
  const startup: StartupState = { stage: 'ready' };
  const app = await buildApp({ config, database, startup });
  return {
    app,
    database,
    startup,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
