import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { testEngines } from '../test/database.js';
import type { AuditTables } from './audit-event.js';
import { createAuditTestDatabase, sampleEvent, steppingClock, tamper } from './audit-test-database.js';
import { CONTENT_COLUMNS, canonicalize, chainHash } from './canonical.js';
import { readSignedHead, writeSignedHead } from './head.js';
import { recordAuditEvents } from './record.js';
import { verifyAuditChain } from './verify.js';

describe.each(testEngines)('detecting tampering with the audit log (%s)', (engine) => {
  let database: DatabaseHandle;
  let dataDir: string;
  let ids: string[];
  beforeEach(async () => {
    database = await createAuditTestDatabase(engine);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'keten-audit-'));
    const recorded = await database.db.transaction().execute((trx) =>
      recordAuditEvents(
        trx,
        Array.from({ length: 10 }, (_, index) => sampleEvent({ patientId: String(40 + index), objectId: String(index) })),
        { now: steppingClock() },
      ),
    );
    ids = recorded.map((event) => event.id);
  });
  afterEach(async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names the row whose column was changed, even though its stored canonical and hash were left alone', async () => {
    await tamper(database.db, `update audit_event set patient_id = 99 where id = ${ids[4]}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      firstBadId: ids[4],
      problem: expect.stringContaining('a column was changed'),
    });
  });

  it('names the row whose canonical text was rewritten to match a changed column', async () => {
    await tamper(
      database.db,
      `update audit_event set outcome = 'denied', canonical = replace(canonical, '"success"', '"denied"') where id = ${ids[6]}`,
    );
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      firstBadId: ids[6],
      count: 6,
      problem: 'hash does not match its content',
    });
  });

  it('catches a rewritten row with a recomputed hash at the next row, which no longer links', async () => {
    const db = database.db.withTables<AuditTables>();
    const row = await db.selectFrom('audit_event').selectAll().where('id', '=', String(ids[2])).executeTakeFirstOrThrow();
    const forged = { ...row, id: String(row.id), patient_id: '77' };
    const canonical = canonicalize(forged);
    const hash = chainHash(row.prev_hash, canonical);
    await tamper(
      database.db,
      `update audit_event set patient_id = 77, canonical = '${canonical}', hash = '${hash}' where id = ${ids[2]}`,
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      firstBadId: ids[3],
      problem: expect.stringContaining(`does not link to event #${ids[2]}`),
    });
  });

  it('catches a row deleted from the middle', async () => {
    await tamper(database.db, `delete from audit_event where id = ${ids[5]}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBadId: ids[6] });
  });

  it('catches a renumbered row: the id is part of what was hashed', async () => {
    // An identity column cannot be updated: move the row by deleting and re-inserting it with another id.
    const columns = CONTENT_COLUMNS.filter((column) => column !== 'id').join(', ');
    await tamper(
      database.db,
      `with moved as (delete from audit_event where id = ${ids[9]} returning *)
       insert into audit_event (id, ${columns}, canonical, prev_hash, hash) overriding system value
       select 1000, ${columns}, canonical, prev_hash, hash from moved`,
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      firstBadId: '1000',
      problem: expect.stringContaining('a column was changed'),
    });
  });

  it('catches removal of the oldest events', async () => {
    await tamper(database.db, `delete from audit_event where id = ${ids[0]}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      firstBadId: ids[1],
      problem: expect.stringContaining('earlier events were removed'),
    });
  });

  it('needs the signed head to notice that the newest events were deleted', async () => {
    await writeSignedHead(database.db, { dataDir });
    const head = await readSignedHead({ dataDir });
    expect(head).toMatchObject({ id: ids[9], count: 10 });
    expect(await verifyAuditChain(database.db, { head })).toMatchObject({ ok: true, count: 10, headVerified: true });

    await tamper(database.db, `delete from audit_event where id > ${ids[6]}`);

    // Without the head the shorter chain is intact in itself: nothing to see.
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 7, lastId: ids[6] });
    // With it, the deletion shows.
    expect(await verifyAuditChain(database.db, { head })).toEqual({
      ok: false,
      firstBadId: ids[9],
      count: 7,
      problem: `the chain ends at event #${ids[6]} with 7 events, but the signed head names event #${ids[9]} as event 10: the newest events were deleted`,
    });
  });

  it('notices a head event that was replaced, and a head position that moved', async () => {
    await writeSignedHead(database.db, { dataDir });
    const head = await readSignedHead({ dataDir });
    if (!head) throw new Error('no head written');
    expect(await verifyAuditChain(database.db, { head: { ...head, hash: '1'.repeat(64) } })).toMatchObject({
      ok: false,
      firstBadId: ids[9],
      problem: expect.stringContaining('differs from the signed head'),
    });
    expect(await verifyAuditChain(database.db, { head: { ...head, count: 12 } })).toMatchObject({
      ok: false,
      firstBadId: ids[9],
      problem: expect.stringContaining('the signed head says 12'),
    });
  });

  it('accepts events appended after the head was signed', async () => {
    await writeSignedHead(database.db, { dataDir });
    await database.db.transaction().execute((trx) => recordAuditEvents(trx, [sampleEvent(), sampleEvent()]));
    const head = await readSignedHead({ dataDir });
    expect(await verifyAuditChain(database.db, { head })).toMatchObject({ ok: true, count: 12, headVerified: true });
  });
});
