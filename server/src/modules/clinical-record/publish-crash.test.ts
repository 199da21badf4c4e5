import { randomUUID } from 'node:crypto';
import { deriveMeasurements, latestDefinition } from '@keten/forms';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/verify.js';
import { type DatabaseHandle, openDatabase } from '../../db/connection.js';
import { filledResponse } from '../../db/seed/form-responses.js';
import {
  freePort,
  removeTemporaryDirectories,
  type Started,
  startKeten,
  temporaryDirectory,
  waitForReady,
} from '../../test/process.js';

// Issue 6: "Kill the server (SIGKILL) in the middle of 200 concurrent publishes: after restart every acknowledged
// publish is present exactly once and no half-stored response exists." A real process on a real port, killed
// without warning while requests are in flight; then started again on the same data and inspected.

/** Every process this file started, so a failing test leaves none running. */
const processes: Started[] = [];
afterAll(async () => {
  for (const started of processes)
    if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
  await removeTemporaryDirectories();
});

const publishes = 200;
/** Kill after this many acknowledgements, so most requests are still queued or half-way. */
const killAfterAcknowledged = 25;
const definition = latestDefinition('consult-poh-dm2');
if (!definition) throw new Error('consult-poh-dm2 is missing from the form library');
const answers = filledResponse(definition, {
  date: '2026-11-27',
  values: { weight: '81.4', 'bp-systolic': '138', 'bp-diastolic': '84', hba1c: '51' },
  note: 'Controle na aanpassing metformine.',
});
const expectedMeasurements = deriveMeasurements(definition, answers).length;

interface Target {
  environment(): Promise<NodeJS.ProcessEnv>;
  open(): Promise<DatabaseHandle>;
  cleanUp(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dataDir = await temporaryDirectory();
  return {
    environment: async () => ({ DATA_DIR: dataDir }),
    open: () => openDatabase({ dataDir }),
    cleanUp: async () => undefined,
  };
}

async function postgresTarget(adminUrl: string): Promise<Target> {
  const name = `keten_crash_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = await temporaryDirectory();
  return {
    environment: async () => ({ DATABASE_URL: url.toString(), DATA_DIR: dataDir }),
    open: () => openDatabase({ databaseUrl: url.toString() }),
    async cleanUp() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Logs in like a user: password, then the code from the development mailbox. */
async function logIn(base: string, username: string): Promise<string> {
  const login = await fetch(`${base}/api/werkplek/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'keten-demo-wachtwoord' }),
  });
  const challenge = cookiesOf(login);
  const deadline = Date.now() + 30_000;
  let code: string | undefined;
  while (!code && Date.now() < deadline) {
    const mail = (await (await fetch(`${base}/dev/mail.json`)).json()) as { to: string; text: string }[];
    code = mail
      .filter((each) => each.to === `${username}@keten.test`)
      .at(-1)
      ?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const verify = await fetch(`${base}/api/werkplek/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: challenge },
    body: JSON.stringify({ code }),
  });
  if (verify.status !== 200) throw new Error(`login failed: ${verify.status}`);
  return cookiesOf(verify);
}

async function start(target: Target): Promise<{ started: Started; base: string }> {
  const port = await freePort();
  const started = startKeten({ PORT: String(port), SEED_DEMO: 'true', DEMO_PATIENTS: '10', ...(await target.environment()) });
  processes.push(started);
  await waitForReady(port, started);
  return { started, base: `http://127.0.0.1:${port}` };
}

const engines: { name: string; makeTarget: () => Promise<Target> }[] = [{ name: 'pglite', makeTarget: pgliteTarget }];
const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) engines.push({ name: 'postgres', makeTarget: () => postgresTarget(adminUrl) });

describe.each(engines)('publishing when the server is killed ($name)', ({ makeTarget }) => {
  it('keeps every acknowledged publish exactly once and nothing half-stored', { timeout: 240_000 }, async () => {
    const target = await makeTarget();
    try {
      const first = await start(target);
      const cookie = await logIn(first.base, 'poh.hapz');
      const publishUrl = `${first.base}/api/werkplek/patients/1/tasks/consult-poh-dm2/publish`;
      const confirm = await fetch(`${first.base}/api/werkplek/patients/1/treatment-relationship`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: '{}',
      });
      expect(confirm.status).toBe(200);

      const requestIds = Array.from({ length: publishes }, () => randomUUID());
      const acknowledged = new Map<string, string>();
      let killed = false;
      const sent = requestIds.map(async (requestId) => {
        const response = await fetch(publishUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ response: answers, requestId }),
        });
        const body = (await response.json()) as { entryId: string };
        if (response.status !== 201) throw new Error(`publish answered ${response.status}`);
        // Only an answer the client actually received counts as acknowledged.
        acknowledged.set(requestId, body.entryId);
        if (!killed && acknowledged.size >= killAfterAcknowledged) {
          killed = true;
          first.started.child.kill('SIGKILL');
        }
      });
      const outcomes = await Promise.allSettled(sent);
      await first.started.exited;
      expect(killed).toBe(true);
      // The kill came in the middle: some answered, others never did.
      expect(acknowledged.size).toBeGreaterThanOrEqual(killAfterAcknowledged);
      expect(outcomes.filter((outcome) => outcome.status === 'rejected').length).toBeGreaterThan(0);

      // Restart on the same data (a crashed PGlite's lock is taken over): the same request again is answered
      // with the entry it made before, not with a second one.
      // The session lives in the database, so the same browser carries on after the restart.
      const second = await start(target);
      const [replayedId, replayedEntry] = [...acknowledged.entries()][0] ?? ['', ''];
      const replay = await fetch(`${second.base}/api/werkplek/patients/1/tasks/consult-poh-dm2/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ response: answers, requestId: replayedId }),
      });
      expect([200, 201]).toContain(replay.status);
      expect(((await replay.json()) as { entryId: string }).entryId).toBe(replayedEntry);
      second.started.child.kill('SIGTERM');
      expect(await second.started.exited).toBe(0);

      const database = await target.open();
      try {
        const stored = await database.db
          .selectFrom('form_response')
          .select(['request_id', 'entry_id', 'id'])
          .where('request_id', 'in', requestIds)
          .execute();
        const byRequest = new Map<string, number>();
        for (const row of stored) byRequest.set(row.request_id, (byRequest.get(row.request_id) ?? 0) + 1);
        for (const [requestId, entryId] of acknowledged) {
          expect(byRequest.get(requestId), `acknowledged ${requestId}`).toBe(1);
          expect(stored.find((row) => row.request_id === requestId)?.entry_id).toBe(entryId);
        }
        expect([...byRequest.values()].every((count) => count === 1)).toBe(true);

        // Nothing half-stored: every entry has its version, every version its entry and all its measurements.
        const { rows: orphanEntries } = await sql<{ n: number }>`
          select count(*)::int as n from form_entry e
          where not exists (select 1 from form_response r where r.entry_id = e.id and r.version = e.current_version)`.execute(
          database.db,
        );
        expect(orphanEntries[0]?.n).toBe(0);
        const { rows: measurementCounts } = await sql<{ id: string; n: number }>`
          select r.id, (select count(*)::int from measurement m where m.form_response_id = r.id) as n
          from form_response r where r.request_id = any(${requestIds}::uuid[])`.execute(database.db);
        expect(measurementCounts.length).toBe(stored.length);
        for (const row of measurementCounts) expect(row.n, `measurements of response ${row.id}`).toBe(expectedMeasurements);
        expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
      } finally {
        await database.close();
      }
    } finally {
      await target.cleanUp();
    }
  });
});
