import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/verify.js';
import { testEngines } from '../../test/database.js';
import { demoAppWithSessions } from '../../test/demo-app.js';

// Signalen "Uitslagen" (issue 7) on the demo region: new hospital/lab documents and lab measurements of the
// patients the account itself has a treatment relationship with, of record types its role may read, since "Gezien".
// Demo: huisarts.hapb has his relationship with Pieter (3, admitted); every demo account saw its results two days
// ago at 12:00, so yesterday's lab, its measurements and the microbiology are new.

const usernames = ['huisarts.hapb', 'huisarts.hapz', 'assistent.hapz', 'poh.hapz'] as const;
type Username = (typeof usernames)[number];

interface ResultItem {
  id: string;
  patientId: string;
  patientName: string;
  kind: string;
  what: { nl: string; en: string };
  createdAt: string;
}

describe.each(testEngines)('result signals (%s)', (engine) => {
  const subject = demoAppWithSessions(engine, usernames, 10);
  let zkh: string;

  beforeAll(async () => {
    for (const username of ['huisarts.hapz', 'assistent.hapz'] as const) {
      const confirmed = await request(username, 'POST', '/api/werkplek/patients/1/treatment-relationship', {});
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    }
    const hospital = await subject.database.db
      .selectFrom('organisation')
      .select('id')
      .where('abbreviation', '=', 'ZKH')
      .executeTakeFirstOrThrow();
    zkh = hospital.id;
  }, 180_000);

  const request = subject.request;
  const counts = async (user: Username) => {
    const answer = await request(user, 'GET', '/api/werkplek/signals/count');
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as { total: number; referrals: number; messages: number | null; results: number };
  };
  const list = async (user: Username) => {
    const answer = await request(user, 'GET', '/api/werkplek/signals');
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as { results: number; resultItems: ResultItem[] };
  };
  const seen = async (user: Username) => {
    const answer = await request(user, 'POST', '/api/werkplek/signals/results/seen', {});
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as { seenAt: string; results: number };
  };
  /** A new result, a minute after the clock's now (the clock then moves on to it). */
  const arrives = async (
    result:
      | { measurement: { source: 'lab' | 'hospital-lab'; recordType: string; code?: string } }
      | { document: 'lab-result' | 'radiology' | 'discharge-letter'; title: string },
  ) => {
    subject.clock.advance(60_000);
    const now = subject.clock.now();
    if ('measurement' in result) {
      await subject.database.db
        .insertInto('measurement')
        .values({
          patient_id: '1',
          code: result.measurement.code ?? 'hba1c',
          value: '53',
          unit: 'mmol/mol',
          measured_at: now,
          organisation_id: zkh,
          source: result.measurement.source,
          record_type: result.measurement.recordType,
          created_at: now,
        })
        .execute();
    } else {
      await subject.database.db
        .insertInto('clinical_document')
        .values({
          patient_id: '1',
          organisation_id: zkh,
          kind: result.document,
          title: result.title,
          body: 'Uitslag',
          created_at: now,
        })
        .execute();
    }
    subject.clock.advance(60_000);
  };

  it("shows huisarts.hapb Pieter's latest demo results, without values, each listed patient audited", async () => {
    const { results } = await counts('huisarts.hapb');
    expect(results).toBeGreaterThan(0);
    const body = await list('huisarts.hapb');
    expect(body.results).toBe(results);
    expect(body.resultItems).toHaveLength(results);
    expect(new Set(body.resultItems.map((item) => item.patientId))).toEqual(new Set(['3']));
    const kinds = new Set(body.resultItems.map((item) => item.kind));
    expect(kinds).toContain('lab-result');
    expect(kinds).toContain('microbiology');
    expect(kinds).toContain('measurement');
    // Only the latest: the admission day's lab (three days ago) is not new any more.
    expect(body.resultItems.every((item) => item.createdAt > '2026-11-27T11:00:00.000Z')).toBe(true);
    for (const item of body.resultItems) expect(Object.keys(item).sort()).not.toContain('value');
    const audited = await subject.database.db
      .selectFrom('audit_event')
      .select(['patient_id', 'action'])
      .where('object_type', '=', 'result-signal')
      .execute();
    expect(audited).toContainEqual({ patient_id: '3', action: 'read' });
  });

  it('a GP with a relationship sees a new lab result; after "Gezien" the count is 0; a new result counts again', async () => {
    await seen('huisarts.hapz');
    expect((await counts('huisarts.hapz')).results).toBe(0);

    await arrives({ measurement: { source: 'lab', recordType: 'somatic' } });
    expect((await counts('huisarts.hapz')).results).toBe(1);
    const body = await list('huisarts.hapz');
    expect(body.resultItems).toEqual([
      expect.objectContaining({ patientId: '1', patientName: 'Anna de Jong', kind: 'measurement' }),
    ]);
    // The badge (total) stays referrals + messages.
    const count = await counts('huisarts.hapz');
    expect(count.total).toBe(count.referrals + (count.messages ?? 0));

    const marked = await seen('huisarts.hapz');
    expect(marked.results).toBe(0);
    expect((await counts('huisarts.hapz')).results).toBe(0);
    expect((await list('huisarts.hapz')).resultItems).toEqual([]);

    await arrives({ document: 'lab-result', title: 'Laboratoriumuitslag ZKH' });
    await arrives({ document: 'discharge-letter', title: 'Ontslagbrief' }); // not a result
    expect((await counts('huisarts.hapz')).results).toBe(1);
    expect((await list('huisarts.hapz')).resultItems).toEqual([
      expect.objectContaining({
        patientId: '1',
        kind: 'lab-result',
        what: { nl: 'Laboratoriumuitslag ZKH', en: 'Laboratoriumuitslag ZKH' },
      }),
    ]);

    const audit = await subject.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('object_type', '=', 'result-signals-seen')
      .execute();
    expect(audit.filter((event) => event.action === 'update').length).toBeGreaterThanOrEqual(2);
  });

  it("a role without the 'hospital' read right never sees a hospital result as a signal", async () => {
    await seen('assistent.hapz');
    await arrives({ document: 'radiology', title: 'X-thorax' });
    await arrives({ measurement: { source: 'hospital-lab', recordType: 'hospital', code: 'crp' } });
    expect((await counts('assistent.hapz')).results).toBe(0);
    expect((await list('assistent.hapz')).resultItems).toEqual([]);
    // The same results are signals for the GP, who may read them.
    expect((await counts('huisarts.hapz')).results).toBe(3);
    // A somatic lab measurement the assistant may read does count.
    await arrives({ measurement: { source: 'lab', recordType: 'somatic' } });
    expect((await counts('assistent.hapz')).results).toBe(1);
  });

  it('an account without its own treatment relationship sees none', async () => {
    // poh.hapz reaches Anna through her practice's enrolment, but has no relationship of its own.
    await arrives({ measurement: { source: 'lab', recordType: 'somatic' } });
    expect((await counts('poh.hapz')).results).toBe(0);
    expect((await list('poh.hapz')).resultItems).toEqual([]);
    expect((await counts('huisarts.hapz')).results).toBeGreaterThan(0);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(subject.database.db)).ok).toBe(true);
  });
});
