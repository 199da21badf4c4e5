import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { testEngines } from '../test/database.js';
import type { AuditTables } from './audit-event.js';
import { createAuditTestDatabase, sampleEvent, steppingClock } from './audit-test-database.js';
import { canonicalize, GENESIS_HASH } from './canonical.js';
import { AuditInputError, recordAuditEvent, recordAuditEvents } from './record.js';
import { verifyAuditChain } from './verify.js';

describe.each(testEngines)('recording audit events (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await createAuditTestDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });
  // Ids compared as text: PGlite test clones currently parse int8 as numbers (see the report on test/database.ts).
  const rows = async () =>
    (await database.db.withTables<AuditTables>().selectFrom('audit_event').selectAll().orderBy('id').execute()).map((row) => ({
      ...row,
      id: String(row.id),
      patient_id: row.patient_id === null ? null : String(row.patient_id),
    }));

  it('verifies an empty log', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: true,
      count: 0,
      lastId: null,
      lastHash: GENESIS_HASH,
      headVerified: false,
    });
  });

  it('links 50 recorded events into one chain that verifies', async () => {
    const now = steppingClock();
    for (let index = 0; index < 25; index++) {
      await database.db.transaction().execute((trx) => recordAuditEvent(trx, sampleEvent({ requestId: `r${index}` }), { now }));
    }
    // And a batch of 25 in one transaction, as a request that read 25 things logs them.
    await database.db.transaction().execute((trx) =>
      recordAuditEvents(
        trx,
        Array.from({ length: 25 }, (_, index) => sampleEvent({ objectId: String(index), requestId: 'batch' })),
        { now },
      ),
    );

    const stored = await rows();
    expect(stored).toHaveLength(50);
    expect(stored[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let index = 1; index < stored.length; index++) {
      expect(stored[index]?.prev_hash).toBe(stored[index - 1]?.hash);
    }
    const result = await verifyAuditChain(database.db, { pageSize: 7 });
    expect(result).toMatchObject({ ok: true, count: 50, lastId: stored[49]?.id, lastHash: stored[49]?.hash });
  });

  it('stores what it hashed: the columns, the clock time in UTC and the canonical text', async () => {
    const at = new Date('2026-11-29T13:03:04.567Z');
    const recorded = await database.db.transaction().execute((trx) =>
      recordAuditEvent(
        trx,
        sampleEvent({
          actor: { type: 'proxy', id: '12', name: 'Zoë Çelik\u0000', role: 'parent' },
          onBehalfOf: 'patient:42',
          patientId: 42,
          details: { z: 1, a: [true, null, 'é'], nested: { b: 2.5, a: '\uD800' } },
        }),
        { now: () => at },
      ),
    );
    const [row] = await rows();
    expect(row).toMatchObject({
      id: recorded.id,
      occurred_at: at,
      actor_type: 'proxy',
      actor_name: 'Zoë Çelik\uFFFD',
      patient_id: '42',
      on_behalf_of: 'patient:42',
      details: { z: 1, a: [true, null, 'é'], nested: { b: 2.5, a: '\uFFFD' } },
      hash: recorded.hash,
    });
    expect(row?.canonical).toBe(canonicalize(row as NonNullable<typeof row>));
    expect(row?.canonical).toContain('"occurred_at":"2026-11-29T13:03:04.567Z"');
    expect(row?.canonical.indexOf('"action"')).toBeLessThan(row?.canonical.indexOf('"actor_id"') ?? 0);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('keeps every character of a batch exactly as hashed (the rows travel as one JSON parameter)', async () => {
    const awkward = 'quote " backslash \\ tab \t newline \n bell \u0007 line sep \u2028 emoji 🩺 ĳ ß ❤️ \\u0041';
    const events = Array.from({ length: 30 }, (_, index) =>
      sampleEvent({
        actor: { type: 'provider', id: String(index), name: `${awkward} ${index}`, role: 'huisarts' },
        patientId: index + 1,
        userAgent: awkward,
        objectId: index % 2 === 0 ? null : `o-${index}`,
        details: { [awkward]: awkward, list: [1, 2.5, -0.001, 1e21, awkward], empty: {} },
      }),
    );
    const recorded = await database.db.transaction().execute((trx) => recordAuditEvents(trx, events));
    const stored = await rows();
    expect(stored.map((row) => row.id)).toEqual(recorded.map((event) => event.id));
    expect(stored.map((row) => row.hash)).toEqual(recorded.map((event) => event.hash));
    expect(stored[29]).toMatchObject({ actor_name: `${awkward} 29`, user_agent: awkward, object_id: 'o-29', patient_id: '30' });
    expect(stored[0]?.details).toEqual({ [awkward]: awkward, list: [1, 2.5, -0.001, 1e21, awkward], empty: {} });
    for (const row of stored) expect(row.canonical).toBe(canonicalize(row));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 30 });
  });

  it('rolls its events back with the transaction they belong to, and the chain stays intact', async () => {
    await database.db.transaction().execute((trx) => recordAuditEvent(trx, sampleEvent()));
    await expect(
      database.db.transaction().execute(async (trx) => {
        await recordAuditEvent(trx, sampleEvent({ action: 'update' }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await database.db.transaction().execute((trx) => recordAuditEvent(trx, sampleEvent({ action: 'export' })));

    expect((await rows()).map((row) => row.action)).toEqual(['read', 'export']);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 2 });
  });

  it('fails the caller’s transaction when its audit event cannot be written', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('organisation').values({ type: 'gp-practice', name: 'Praktijk Zonder Log' }).execute();
        await recordAuditEvent(trx, sampleEvent({ patientId: 'P0000000042' }));
      }),
    ).rejects.toThrow(AuditInputError);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('organisation').values({ type: 'gp-practice', name: 'Praktijk Zonder Log' }).execute();
        // Rejected by the database itself (the action check), after the organisation was inserted.
        await recordAuditEvents(
          trx,
          [sampleEvent({ action: 'Read!' as 'read' })].map((event) => event),
        );
      }),
    ).rejects.toThrow();
    const organisations = await database.db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Praktijk Zonder Log')
      .execute();
    expect(organisations).toEqual([]);
    expect(await rows()).toEqual([]);
  });

  it('refuses to run outside a transaction, where the chain lock would not hold', async () => {
    // @ts-expect-error: a Kysely instance is not a transaction
    await expect(recordAuditEvent(database.db, sampleEvent())).rejects.toThrow(/inside the transaction/);
  });

  it('keeps one unforked chain under 200 concurrent transactions', async () => {
    await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        database.db.transaction().execute(async (trx) => {
          // Some work in the transaction before the audit append, as a real command has.
          await sql`select 1`.execute(trx);
          return recordAuditEvent(trx, sampleEvent({ requestId: `concurrent-${index}` }));
        }),
      ),
    );
    const stored = await rows();
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((row) => row.prev_hash)).size).toBe(200);
    expect(await verifyAuditChain(database.db, { pageSize: 50 })).toMatchObject({ ok: true, count: 200 });
  });
});
