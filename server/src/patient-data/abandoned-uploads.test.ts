import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBlob } from '../blob/index.js';
import type { DatabaseHandle } from '../db/connection.js';
import { createTestDatabase, testEngines } from '../test/database.js';
import { createAccount, createOrganisation } from '../test/fixtures.js';
import { ABANDONED_UPLOAD_AGE_MS, deleteAbandonedUploads } from './abandoned-uploads.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

describe.each(testEngines)('abandoned uploads (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  it('deletes uploads nothing holds after a day, keeps younger ones and those a referral holds, and logs the count', async () => {
    const db = database.db;
    const practice = await createOrganisation(db, { name: 'Huisartsenpraktijk Upload', abbreviation: 'HAPUP' });
    const dietitians = await createOrganisation(db, { name: 'Diëtisten Upload', abbreviation: 'DUP', type: 'dietitian' });
    const gp = await createAccount(db, {
      organisationId: practice.id,
      username: 'huisarts.hapup',
      role: 'huisarts',
      gebruikersnummer: 1,
    });
    const now = new Date('2026-11-29T03:30:00Z');
    const old = new Date(now.getTime() - ABANDONED_UPLOAD_AGE_MS - 60_000);
    const young = new Date(now.getTime() - ABANDONED_UPLOAD_AGE_MS + 60_000);
    const store = (at: Date, fileName: string) => storeBlob(db, { bytes: PDF, fileName, accountId: gp.id, now: at });
    const abandoned = await store(old, 'abandoned.pdf');
    const letter = await store(old, 'letter.pdf');
    const recent = await store(young, 'recent.pdf');
    const patient = await db
      .insertInto('patient')
      .values({ bsn: '999990019', roepnaam: 'Anna', family_name: 'Jong', birth_date: '1961-03-12', gender: 'female' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('referral')
      .values({
        patient_id: patient.id,
        from_account_id: gp.id,
        to_organisation_id: dietitians.id,
        reason: 'GLI',
        letter_blob_id: letter.id,
        created_at: old,
      })
      .execute();

    expect(await deleteAbandonedUploads(db, now)).toBe(1);
    const left = await db.selectFrom('blob').select('id').orderBy('id').execute();
    expect(left.map((row) => row.id)).toEqual([letter.id, recent.id]);
    expect(left.map((row) => row.id)).not.toContain(abandoned.id);
    const event = await db
      .selectFrom('audit_event')
      .select(['actor_type', 'action', 'object_type', 'details', 'patient_id'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({
      actor_type: 'system',
      action: 'delete',
      object_type: 'abandoned-upload',
      details: { count: 1 },
      patient_id: null,
    });

    // Nothing left to delete: nothing deleted, nothing logged.
    expect(await deleteAbandonedUploads(db, now)).toBe(0);
    const events = await db.selectFrom('audit_event').select('id').where('object_type', '=', 'abandoned-upload').execute();
    expect(events).toHaveLength(1);
  });
});
