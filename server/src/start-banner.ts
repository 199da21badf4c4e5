import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/connection.js';
import { DEMO_PASSWORD, demoAccounts } from './db/seed/index.js';

/** What a person starting Keten needs: where it runs, on which database, and how to log in to the demo. */
export function printStartBanner(config: Config, database: DatabaseHandle, address: string | AddressInfo | null): void {
  const port = typeof address === 'object' && address ? address.port : config.port;
  const scheme = config.tls ? 'https' : 'http';
  const base = config.publicUrl ?? `${scheme}://localhost:${port}`;
  const engine = database.engine === 'pglite' ? `PGlite (embedded) in ${database.location}` : `PostgreSQL ${database.location}`;
  const lines = [
    '',
    `Keten draait op ${base}`,
    `  Werkplek           ${base}/werkplek`,
    `  Mijn Keten         ${base}/mijn`,
    `  Verwijzersportaal  ${base}/verwijzer`,
    `  API-documentatie   ${base}/api/docs`,
    `  Database           ${engine}`,
  ];
  if (config.seedDemo) {
    const width = Math.max(...demoAccounts.map((account) => account.username.length));
    lines.push('', `Demo-accounts (wachtwoord: ${DEMO_PASSWORD}):`);
    for (const account of demoAccounts) {
      lines.push(`  ${account.username.padEnd(width)}  ${account.roleName} — ${account.organisationName}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
