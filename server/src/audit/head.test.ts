import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { testEngines } from '../test/database.js';
import { createAuditTestDatabase, sampleEvent, tamper } from './audit-test-database.js';
import { GENESIS_HASH } from './canonical.js';
import {
  AuditChainBrokenError,
  AuditHeadError,
  auditHeadPaths,
  readSignedHead,
  type SignedHead,
  startHeadSigner,
  writeSignedHead,
} from './head.js';
import { recordAuditEvents } from './record.js';

describe.each(testEngines)('the signed chain head (%s)', (engine) => {
  let database: DatabaseHandle;
  let dataDir: string;
  let files: { headFile: string; keyFile: string };
  const record = (count: number) =>
    database.db.transaction().execute((trx) =>
      recordAuditEvents(
        trx,
        Array.from({ length: count }, () => sampleEvent()),
      ),
    );

  beforeEach(async () => {
    database = await createAuditTestDatabase(engine);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'keten-audit-head-'));
    files = auditHeadPaths({ dataDir });
  });
  afterEach(async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('signs the empty log, then the newest event, with a key it creates readable by the owner only', async () => {
    const signedAt = new Date('2026-11-29T13:03:00.000Z');
    expect(await writeSignedHead(database.db, { dataDir, now: () => signedAt })).toMatchObject({
      id: '0',
      hash: GENESIS_HASH,
      count: 0,
      signedAt,
    });
    expect((await stat(files.keyFile)).mode & 0o777).toBe(0o600);

    const recorded = await record(3);
    const head = await writeSignedHead(database.db, { dataDir });
    expect(head).toMatchObject({ id: recorded[2]?.id, hash: recorded[2]?.hash, count: 3 });
    const onDisk = JSON.parse(await readFile(files.headFile, 'utf8'));
    expect(onDisk).toEqual({ ...head, signedAt: head.signedAt.toISOString() });
    expect(await readSignedHead({ dataDir })).toEqual(head);
    expect(await readFile(files.keyFile, 'utf8')).toContain('BEGIN PRIVATE KEY');
  });

  it('rejects a head file that was edited, damaged or signed with another key', async () => {
    await record(5);
    await writeSignedHead(database.db, { dataDir });
    const original = JSON.parse(await readFile(files.headFile, 'utf8'));

    // Rolling the head back to an older event, so deleting the newest events would pass.
    await writeFile(files.headFile, JSON.stringify({ ...original, count: 3 }));
    await expect(readSignedHead({ dataDir })).rejects.toThrow(/not authentic: its signature does not match/);
    await expect(readSignedHead({ dataDir })).rejects.toBeInstanceOf(AuditHeadError);

    await writeFile(files.headFile, '{"id": "5", "hash": ');
    await expect(readSignedHead({ dataDir })).rejects.toThrow(/not a valid signed head/);

    // A new key (someone replaced the key file to re-sign) does not validate the old head.
    await writeFile(files.headFile, JSON.stringify(original));
    await rm(files.keyFile);
    await expect(readSignedHead({ dataDir })).rejects.toThrow(/signing key .* is missing/);
    await writeSignedHead(database.db, { dataDir: path.join(dataDir, 'elsewhere'), keyFile: files.keyFile });
    await expect(readSignedHead({ dataDir })).rejects.toThrow(/signed with another key/);
  });

  it('refuses to sign over a chain that lost its signed head, and keeps the old head as evidence', async () => {
    const recorded = await record(6);
    await writeSignedHead(database.db, { dataDir });
    const before = await readFile(files.headFile, 'utf8');

    await tamper(database.db, `delete from audit_event where id >= ${recorded[4]?.id}`);
    await record(2); // the application carries on appending after the deletion

    const error = await writeSignedHead(database.db, { dataDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuditChainBrokenError);
    expect((error as AuditChainBrokenError).firstBadId).toBe(recorded[5]?.id);
    expect(String((error as Error).message)).toContain('previous signed head is missing');
    expect(await readFile(files.headFile, 'utf8')).toBe(before);
  });

  it('does not overwrite a tampered head file', async () => {
    await record(2);
    await writeSignedHead(database.db, { dataDir });
    const tampered = JSON.stringify({ ...JSON.parse(await readFile(files.headFile, 'utf8')), count: 1 });
    await writeFile(files.headFile, tampered);
    await expect(writeSignedHead(database.db, { dataDir })).rejects.toThrow(AuditHeadError);
    expect(await readFile(files.headFile, 'utf8')).toBe(tampered);
  });

  it('runs a signer that signs at start and once more on stop, and reports a broken chain', async () => {
    const signed: SignedHead[] = [];
    const errors: unknown[] = [];
    let firstSigned: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      firstSigned = resolve;
    });
    const signer = startHeadSigner(database.db, {
      dataDir,
      intervalMs: 3_600_000,
      onSigned: (head) => {
        signed.push(head);
        firstSigned();
      },
      onError: (error) => errors.push(error),
    });
    await started;
    await record(4);
    await signer.stop();
    expect(errors).toEqual([]);
    expect(signed.map((head) => head.count)).toEqual([0, 4]);
    expect(await readSignedHead({ dataDir })).toMatchObject({ count: 4 });

    // Events appended after the head, one of them altered before the next signing: no new head, an error.
    const recorded = await record(2);
    await tamper(database.db, `update audit_event set actor_name = 'Iemand Anders' where id = ${recorded[1]?.id}`);
    const second = startHeadSigner(database.db, { dataDir, intervalMs: 3_600_000, onError: (error) => errors.push(error) });
    await second.stop();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(AuditChainBrokenError);
    expect(errors[0]).toMatchObject({ firstBadId: recorded[1]?.id });
    expect(await readSignedHead({ dataDir })).toMatchObject({ count: 4 });
  });
});
