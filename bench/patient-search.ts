/**
 * Benchmark: Patiënt zoeken over a demo region of N synthetic patients (default 100,000), on PGlite or
 * PostgreSQL, through real HTTP with a logged-in GP practice account (policy and audit included).
 *
 *   npx tsx bench/patient-search.ts [--patients 100000] [--requests 600] [--database-url postgres://…]
 *
 * After one unmeasured pass over every query (warm-up), prints p50/p95/p99 per query kind and p50/max per
 * query, and writes bench/results/patient-search-<engine>.json.
 * The data directory / database is kept between runs (bench/.data, or the given database), so seeding
 * happens once.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from '../server/src/app.js';
import { systemClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/connection.js';
import { maintainAfterBulkLoad } from '../server/src/db/maintenance.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { createProgressReporter, DEMO_PASSWORD, seedDemo } from '../server/src/db/seed/index.js';
import { sendDueMail } from '../server/src/mail/sender.js';
import { developmentMailbox } from '../server/src/mail/transport.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const patients = Number(option('patients', '100000'));
const requests = Number(option('requests', '600'));
const databaseUrl = option('database-url', '') || undefined;
const benchRoot = import.meta.dirname;

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  DATA_DIR: path.join(benchRoot, '.data'),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const owner = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateToLatest(owner.db);
const seedProgress = createProgressReporter('Benchmarkpatiënten');
await seedDemo(owner.db, { seed: 20261129, patients, onProgress: seedProgress });
seedProgress.finish();
// What the server's maintenance does shortly after start (PGlite: VACUUM ANALYZE; PostgreSQL: ANALYZE, autovacuum
// does the rest), so a kept bench database is measured as a running server would have it.
await maintainAfterBulkLoad(owner.db);
const database = await owner.asApplicationRole();
const app = await buildApp({ config, database, startup: { stage: 'ready' }, clock: systemClock });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

// Log in as a GP (password + code from the outbox), like a user.
const login = await fetch(`${base}/api/werkplek/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'huisarts.hapz', password: DEMO_PASSWORD }),
});
let cookies = (login.headers.getSetCookie() ?? []).map((cookie) => cookie.split(';')[0]).join('; ');
await sendDueMail(database.db, developmentMailbox, systemClock);
const mail = (await (await fetch(`${base}/dev/mail.json`)).json()) as { text: string }[];
const code = mail[0]?.text.match(/\b(\d{6})\b/)?.[1];
const verify = await fetch(`${base}/api/werkplek/auth/verify`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: cookies },
  body: JSON.stringify({ code }),
});
cookies = (verify.headers.getSetCookie() ?? []).map((cookie) => cookie.split(';')[0]).join('; ');
if (verify.status !== 200) throw new Error(`login failed: ${await verify.text()}`);

// A realistic mix of what a practice types.
const kinds: Record<string, string[]> = {
  'partial name': ['jans', 'de vr', 'bakk', 'visse', 'van der', 'mul', 'smit', 'el', 'yilm', 'de jo'],
  'birth date': ['12-03-1961', '01-01-1980', '23-11-1948', '15-06-1975', '30-07-1985'],
  bsn: ['999990019', '999990044', '999990056'],
  'patient id': ['1', '15982', 'P0000004711', '2500'],
};
const timings: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]));
const byQuery: Record<string, number[]> = {};
const kindNames = Object.keys(kinds);
const search = async (query: string) => {
  const started = performance.now();
  const response = await fetch(`${base}/api/werkplek/patients?q=${encodeURIComponent(query)}`, { headers: { cookie: cookies } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`search ${query}: ${response.status}`);
  return performance.now() - started;
};
// One unmeasured pass over every query first: the first request of a process compiles code paths and reads
// the indexes from disk; the budget is about a running server.
for (const query of Object.values(kinds).flat()) await search(query);
for (let i = 0; i < requests; i++) {
  const kind = kindNames[i % kindNames.length] ?? 'bsn';
  const queries = kinds[kind] ?? [];
  const query = queries[Math.floor(i / kindNames.length) % queries.length] ?? '';
  const elapsed = await search(query);
  timings[kind]?.push(elapsed);
  byQuery[query] = [...(byQuery[query] ?? []), elapsed];
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const all = Object.values(timings).flat();
const summary = {
  engine: database.engine,
  patients,
  requests,
  measuredAt: new Date().toISOString(),
  overall: { p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99) },
  byKind: Object.fromEntries(
    Object.entries(timings).map(([kind, values]) => [
      kind,
      { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) },
    ]),
  ),
  byQuery: Object.fromEntries(
    Object.entries(byQuery).map(([query, values]) => [query, { p50: percentile(values, 50), max: Math.max(...values) }]),
  ),
};
const round = (value: number) => Math.round(value * 10) / 10;
console.log(`\nPatiënt zoeken, ${database.engine}, ${patients.toLocaleString('nl-NL')} patiënten, ${requests} verzoeken (ms):`);
for (const [kind, stats] of Object.entries(summary.byKind))
  console.log(`  ${kind.padEnd(14)} p50 ${round(stats.p50)}  p95 ${round(stats.p95)}  p99 ${round(stats.p99)}`);
console.log(
  `  ${'alle'.padEnd(14)} p50 ${round(summary.overall.p50)}  p95 ${round(summary.overall.p95)}  p99 ${round(summary.overall.p99)}`,
);
console.log('  per zoekterm (p50 / max):');
for (const [query, stats] of Object.entries(summary.byQuery))
  console.log(`    ${query.padEnd(14)} ${round(stats.p50)} / ${round(stats.max)}`);
await mkdir(path.join(benchRoot, 'results'), { recursive: true });
await writeFile(
  path.join(benchRoot, 'results', `patient-search-${database.engine}.json`),
  `${JSON.stringify(summary, null, 2)}\n`,
);
await app.close();
await database.close();
