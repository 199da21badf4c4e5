import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../clock.js';
import type { DatabaseHandle, Engine } from '../db/connection.js';
import { DEMO_PASSWORD } from '../db/seed/demo-region.js';
import { seedDemo } from '../db/seed/index.js';
import { createTestApp, type TestApp } from './app.js';
import { CookieJar } from './cookie-jar.js';

/** The app on a demo-region database (fixed accounts and story patients, plus a few synthetic ones). */
export async function createDemoApp(
  engine: Engine,
  syntheticPatients = 40,
): Promise<TestApp & { login(username: string): Promise<CookieJar> }> {
  const subject = await createTestApp(engine, {}, new ManualClock('2026-11-29T09:00:00Z'));
  await seedDemo(subject.database.db, { seed: 7, patients: syntheticPatients, referenceDate: '2026-11-29' });
  let ipCounter = 0;
  return {
    ...subject,
    /** Logs a demo account in with password + mailed code; each login from its own address (rate limits). */
    async login(username: string) {
      ipCounter++;
      const remoteAddress = `10.9.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
      const jar = new CookieJar();
      const login = await subject.app.inject({
        method: 'POST',
        url: '/api/werkplek/auth/login',
        payload: { username, password: DEMO_PASSWORD },
        remoteAddress,
      });
      jar.store(login);
      if (login.json().status === 'code-required') {
        const mail = (await subject.mailbox()).find((entry) => entry.subject.includes('verificatiecode'));
        const code = mail?.text.match(/\b(\d{6})\b/)?.[1];
        const verify = await subject.app.inject({
          method: 'POST',
          url: '/api/werkplek/auth/verify',
          payload: { code },
          headers: { cookie: jar.header() },
          remoteAddress,
        });
        jar.store(verify);
        if (verify.statusCode !== 200) throw new Error(`login of ${username} failed: ${verify.body}`);
      }
      return jar;
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A test file's demo app with a logged-in session per account (`demoAppWithSessions`). */
export interface DemoSessions<User extends string> {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly clock: ManualClock;
  mailbox: TestApp['mailbox'];
  deliverMail: TestApp['deliverMail'];
  /** The Cookie header of `user`'s session (one of `users`, or logged in later with `login`). */
  cookie(user: User | string): string;
  /** Logs in an account made during the tests; its session is then `cookie(username)`'s. */
  login(username: string): Promise<CookieJar>;
  /** A file upload as `user` (the raw bytes, the name in `x-file-name`), as the web app sends it. */
  upload(user: User | string, url: string, bytes: Uint8Array, fileName: string): Promise<LightMyRequestResponse>;
  /** A request as `user` (Dutch unless another language is asked). */
  request(user: User, method: Method, url: string, payload?: object, language?: string): Promise<LightMyRequestResponse>;
}

/**
 * Registers the file's `beforeAll`/`afterAll`: the demo app (with `syntheticPatients`) and a session per user, logged in
 * with password and mailed code; closed after the file. Call it at the top of a `describe`, before its own hooks.
 */
export function demoAppWithSessions<User extends string>(
  engine: Engine,
  users: readonly User[],
  syntheticPatients = 10,
): DemoSessions<User> {
  let subject: (TestApp & { login(username: string): Promise<CookieJar> }) | undefined;
  const jars = new Map<string, CookieJar>();
  const started = () => {
    if (!subject) throw new Error('demoAppWithSessions: used before its beforeAll ran');
    return subject;
  };
  beforeAll(async () => {
    subject = await createDemoApp(engine, syntheticPatients);
    for (const user of users) jars.set(user, await subject.login(user));
  }, 180_000);
  afterAll(() => subject?.close());
  const cookie = (user: string) => jars.get(user)?.header() ?? '';
  return {
    get app() {
      return started().app;
    },
    get database() {
      return started().database;
    },
    get clock() {
      return started().clock;
    },
    mailbox: () => started().mailbox(),
    deliverMail: () => started().deliverMail(),
    cookie,
    async login(username) {
      const jar = await started().login(username);
      jars.set(username, jar);
      return jar;
    },
    upload: (user, url, bytes, fileName) =>
      started().app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: cookie(user),
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(fileName),
        },
        payload: Buffer.from(bytes),
      }),
    request: (user, method, url, payload, language = 'nl') =>
      started().app.inject({
        method,
        url,
        headers: { cookie: cookie(user), 'accept-language': language },
        ...(payload ? { payload } : {}),
      }),
  };
}
