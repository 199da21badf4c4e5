import { type Kysely, sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { testEngines } from '../test/database.js';
import { createAuditTestDatabase, sampleEvent } from './audit-test-database.js';
import { recordAuditEvent } from './record.js';
import { verifyAuditChain } from './verify.js';

// NEN 7513: the log is protected against alteration and removal. Two layers, both tested on both engines:
// the trigger (binds every role, the owner too) and the keten_app role's privileges (select + insert only).

/** Runs `work` in a transaction as the application's role, as the app's connections will. */
function asApp<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local role keten_app`.execute(trx);
    return work(trx);
  });
}

describe.each(testEngines)('the audit log is append-only (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createAuditTestDatabase(engine);
    await database.db.transaction().execute((trx) => recordAuditEvent(trx, sampleEvent()));
  });
  afterAll(async () => {
    await database.close();
  });

  it.each([
    ['UPDATE', `update audit_event set actor_name = 'x'`],
    ['DELETE', 'delete from audit_event'],
    ['TRUNCATE', 'truncate audit_event'],
  ])('refuses %s through the trigger, even for the table owner', async (operation, statement) => {
    await expect(sql.raw(statement).execute(database.db)).rejects.toThrow(
      `audit_event is append-only (NEN 7513): ${operation} is not allowed`,
    );
  });

  it.each([
    ['UPDATE', `update audit_event set actor_name = 'x'`, 'permission denied for table audit_event'],
    ['DELETE', 'delete from audit_event', 'permission denied for table audit_event'],
    ['TRUNCATE', 'truncate audit_event', 'permission denied for table audit_event'],
    // Turning the trigger off needs ownership, which the application role does not have.
    ['disabling the trigger', 'alter table audit_event disable trigger user', 'must be owner of table audit_event'],
  ])('denies %s to the application role', async (_operation, statement, message) => {
    await expect(asApp(database.db, (trx) => sql.raw(statement).execute(trx))).rejects.toThrow(message);
  });

  it('lets the application role append and read events, and use the other tables', async () => {
    const recorded = await asApp(database.db, async (trx) => {
      await trx.insertInto('organisation').values({ type: 'physio', name: 'Fysio Als App' }).execute();
      return recordAuditEvent(trx, sampleEvent({ action: 'create', objectType: 'organisation' }));
    });
    const { rows } = await asApp(database.db, (trx) =>
      sql<{ id: string }>`select id::text as id from audit_event order by id desc limit 1`.execute(trx),
    );
    expect(rows[0]?.id).toBe(recorded.id);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 2 });
  });

  it('keeps the role cluster-wide and the migration repeatable on another database', async () => {
    // A second database on the same cluster runs the same migration while keten_app already exists.
    const other = await createAuditTestDatabase(engine);
    try {
      const { rows } = await sql<{
        count: string;
      }>`select count(*)::text as count from pg_roles where rolname = 'keten_app'`.execute(other.db);
      expect(rows[0]?.count).toBe('1');
    } finally {
      await other.close();
    }
  });
});
