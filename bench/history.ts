/**
 * Benchmark: Historie of one patient with 5,000 registrations (issue 6: "Opening Historie of a patient with 5,000
 * entries and filtering stays under p99 50 ms"), on PostgreSQL (or PGlite), through real HTTP with a logged-in
 * POH (session check, access policy with the readable record types, audit of the read).
 *
 *   npx tsx bench/history.ts [--entries 5000] [--requests 600] [--database-url postgres://…]
 *
 * Prints p50/p95/p99 per request kind and writes bench/results/history-<engine>.json. The data directory /
 * database is kept between runs (bench/.data-history, or the given database): the entries are loaded once.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type FormDefinition, latestDefinition } from '@keten/forms';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app.js';
import { systemClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/connection.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { filledResponse } from '../server/src/db/seed/form-responses.js';
import { DEMO_PASSWORD, seedDemo } from '../server/src/db/seed/index.js';
import { sendDueMail } from '../server/src/mail/sender.js';
import { developmentMailbox } from '../server/src/mail/transport.js';
import { syncFormLibrary } from '../server/src/modules/clinical-record/form-library-sync.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const entries = Number(option('entries', '5000'));
const requests = Number(option('requests', '600'));
const databaseUrl = option('database-url', '') || undefined;
const benchRoot = import.meta.dirname;
/** Anna de Jong (demo patient 1, HAPZ, DM2 + CVRM). */
const patientId = '1';

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  DATA_DIR: path.join(benchRoot, '.data-history'),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const owner = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateToLatest(owner.db);
await syncFormLibrary(owner.db);
await seedDemo(owner.db, { seed: 20261129, patients: 1000 });

// Five years of registrations by the practice and its chain partners: consults, annual checks, day curves,
// dietitian consults and POH-GGZ intakes (which the POH may not read: the policy filters them in SQL).
const mix: { key: string; author: string }[] = [
  { key: 'consult-poh-dm2', author: 'poh.hapz' },
  { key: 'consult-poh-cvrm', author: 'poh.hapz' },
  { key: 'jaarcontrole-dm2', author: 'huisarts.hapz' },
  { key: 'dagcurve', author: 'poh.hapz' },
  { key: 'consult-dietist', author: 'dietist.vitaal' },
  { key: 'intake-ggz-poh', author: 'pohggz.hapz' },
];
const present = await owner.db
  .selectFrom('form_entry')
  .select((eb) => eb.fn.countAll<string>().as('count'))
  .where('patient_id', '=', patientId)
  .executeTakeFirstOrThrow();
const missing = entries - Number(present.count);
if (missing > 0) {
  console.log(`Historie: ${missing} registraties laden…`);
  const now = Date.now();
  for (const [index, { key, author }] of mix.entries()) {
    const definition = latestDefinition(key) as FormDefinition;
    const stored = await owner.db
      .selectFrom('form_definition')
      .select(['id', 'record_type'])
      .where('key', '=', key)
      .where('version', '=', definition.version)
      .executeTakeFirstOrThrow();
    const account = await owner.db
      .selectFrom('account')
      .select(['id', 'organisation_id'])
      .where('username', '=', author)
      .executeTakeFirstOrThrow();
    const count = Math.floor(missing / mix.length) + (index < missing % mix.length ? 1 : 0);
    const rows = Array.from({ length: count }, (_, n) => {
      // Spread over five years, newest first, a few hours apart.
      const publishedAt = new Date(now - ((n * mix.length + index) / missing) * 5 * 365 * 86_400_000 - 3_600_000);
      const date = publishedAt.toISOString().slice(0, 10);
      return { publishedAt, response: filledResponse(definition, { date }) };
    });
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      await owner.db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('form_entry')
          .values(
            batch.map((row) => ({
              patient_id: patientId,
              form_key: key,
              record_type: stored.record_type,
              organisation_id: account.organisation_id,
              author_account_id: account.id,
              published_at: row.publishedAt,
              current_version: 1,
              updated_at: row.publishedAt,
            })),
          )
          .returning('id')
          .execute();
        await trx
          .insertInto('form_response')
          .values(
            batch.map((row, n) => ({
              entry_id: inserted[n]?.id ?? '',
              patient_id: patientId,
              version: 1,
              definition_id: stored.id,
              response: JSON.stringify(row.response),
              author_account_id: account.id,
              organisation_id: account.organisation_id,
              published_at: row.publishedAt,
              request_id: randomUUID(),
            })),
          )
          .execute();
      });
    }
  }
}
await sql`analyze`.execute(owner.db);
const database = await owner.asApplicationRole();
const app = await buildApp({ config, database, startup: { stage: 'ready' }, clock: systemClock });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

// Log in as the POH (password + code from the outbox), like a user, and confirm the treatment relationship.
const login = await fetch(`${base}/api/werkplek/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'poh.hapz', password: DEMO_PASSWORD }),
});
const challenge = cookiesOf(login);
await sendDueMail(database.db, developmentMailbox, systemClock);
const mail = (await (await fetch(`${base}/dev/mail.json`)).json()) as { to: string; text: string }[];
// Newest first: the code of this login.
const code = mail.find((each) => each.to === 'poh.hapz@keten.test')?.text.match(/\b(\d{6})\b/)?.[1];
const verify = await fetch(`${base}/api/werkplek/auth/verify`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: challenge },
  body: JSON.stringify({ code }),
});
if (verify.status !== 200) throw new Error(`login failed: ${await verify.text()}`);
const cookie = cookiesOf(verify);
await fetch(`${base}/api/werkplek/patients/${patientId}/treatment-relationship`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie },
  body: '{}',
});
const authorId = (
  await database.db.selectFrom('account').select('id').where('username', '=', 'huisarts.hapz').executeTakeFirstOrThrow()
).id;

// What a POH does in Historie: open it (last 12 months), page on, filter by task, author, role, a longer period.
const kinds: Record<string, string[]> = {
  open: [''],
  'next page': ['page=2', 'page=3'],
  task: ['formKey=dagcurve', 'formKey=consult-poh-dm2', 'formKey=consult-dietist'],
  author: [`authorAccountId=${authorId}`],
  role: ['role=poh-somatiek', 'role=dietist'],
  period: ['from=01-01-2022&to=31-12-2024', 'from=01-06-2026&to=30-06-2026'],
  // Reference, not Historie: opening the record card (session, policy, audit) — the fixed cost of any record read.
  'card (reference)': ['card'],
};
const timings: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]));
const kindNames = Object.keys(kinds);
let shown = 0;
for (let i = 0; i < requests; i++) {
  const kind = kindNames[i % kindNames.length] ?? 'open';
  const queries = kinds[kind] ?? [];
  const query = queries[Math.floor(i / kindNames.length) % queries.length] ?? '';
  const started = performance.now();
  const url =
    query === 'card'
      ? `${base}/api/werkplek/patients/${patientId}`
      : `${base}/api/werkplek/patients/${patientId}/history${query ? `?${query}` : ''}`;
  const response = await fetch(url, { headers: { cookie } });
  const body = (await response.json()) as { total: number };
  if (response.status !== 200) throw new Error(`history ${query}: ${response.status}`);
  timings[kind]?.push(performance.now() - started);
  if (kind === 'open') shown = body.total;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const all = Object.entries(timings).flatMap(([kind, values]) => (kind === 'card (reference)' ? [] : values));
const summary = {
  engine: database.engine,
  entries,
  requests,
  shownInLastYear: shown,
  measuredAt: new Date().toISOString(),
  overall: { p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99) },
  byKind: Object.fromEntries(
    Object.entries(timings).map(([kind, values]) => [
      kind,
      { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) },
    ]),
  ),
};
const round = (value: number) => Math.round(value * 10) / 10;
console.log(`\nHistorie, ${database.engine}, ${entries} registraties, ${requests} verzoeken (ms):`);
for (const [kind, stats] of Object.entries(summary.byKind))
  console.log(`  ${kind.padEnd(16)} p50 ${round(stats.p50)}  p95 ${round(stats.p95)}  p99 ${round(stats.p99)}`);
console.log(
  `  ${'alle'.padEnd(10)} p50 ${round(summary.overall.p50)}  p95 ${round(summary.overall.p95)}  p99 ${round(summary.overall.p99)}`,
);
await mkdir(path.join(benchRoot, 'results'), { recursive: true });
await writeFile(path.join(benchRoot, 'results', `history-${database.engine}.json`), `${JSON.stringify(summary, null, 2)}\n`);
await app.close();
await database.close();
