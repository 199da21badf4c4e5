import { type Kysely, sql } from 'kysely';
import type { DatabaseHandle, Engine } from '../db/connection.js';
import { up as auditMigration } from '../db/migrations/0004-audit.js';
import type { Database } from '../db/schema.js';
import { createTestDatabase } from '../test/database.js';
import type { AuditEventInput } from './audit-event.js';

// Test helpers for the audit log. Until 0004-audit is in the migration list, tests apply it themselves on
// top of the migrated test database; once it is listed, the table exists and this does nothing.

/** A fresh migrated test database with the audit log. Close it. */
export async function createAuditTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  const handle = await createTestDatabase(engine);
  try {
    await ensureAuditMigration(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

export async function ensureAuditMigration(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ present: boolean }>`select to_regclass('public.audit_event') is not null as present`.execute(db);
  if (rows[0]?.present) return;
  await db.transaction().execute((trx) => auditMigration(trx));
}

/** Runs statements as the table owner with the append-only triggers off, like an attacker with owner rights. */
export async function tamper(db: Kysely<Database>, statement: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_event disable trigger user`.execute(trx);
    await sql.raw(statement).execute(trx);
    await sql`alter table audit_event enable trigger user`.execute(trx);
  });
}

export function sampleEvent(overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    actor: {
      type: 'provider',
      id: '7',
      name: 'Dr. A. de Vries',
      role: 'huisarts',
      organisationId: '3',
      organisationName: 'Huisartsenpraktijk De Linde',
    },
    patientId: '42',
    action: 'read',
    objectType: 'patient',
    objectId: '42',
    outcome: 'success',
    reason: 'treatment-relationship',
    ip: '192.0.2.10',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chromium/156',
    sessionRef: 'session-9f2c',
    requestId: 'req-1',
    details: { view: 'record' },
    ...overrides,
  };
}

/** A clock that starts at `start` and moves one second per call, so tests control every timestamp. */
export function steppingClock(start = new Date('2026-11-29T13:03:00.000Z'), stepMs = 1000): () => Date {
  let next = start.getTime();
  return () => {
    const moment = new Date(next);
    next += stepMs;
    return moment;
  };
}
