import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { testEngines } from '../test/database.js';
import type { AuditEventRecord } from './audit-event.js';
import { createAuditTestDatabase, sampleEvent, steppingClock } from './audit-test-database.js';
import { recordAuditEvents } from './record.js';
import { auditEventsToCsv, listedPatientCount, searchAuditEvents } from './search.js';

describe.each(testEngines)('searching the audit log (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createAuditTestDatabase(engine);
    // One event per minute from 29-11-2026 10:00 UTC: three actors in two organisations, two patients.
    const now = steppingClock(new Date('2026-11-29T10:00:00.000Z'), 60_000);
    const events = Array.from({ length: 12 }, (_, index) =>
      sampleEvent({
        actor: {
          type: 'provider',
          id: String(index % 3),
          name: `Zorgverlener ${index % 3}`,
          role: 'huisarts',
          organisationId: index % 3 === 2 ? '20' : '10',
          organisationName: index % 3 === 2 ? 'Diëtistenpraktijk' : 'Huisartsenpraktijk',
        },
        patientId: index % 2 === 0 ? '100' : '200',
        action: index === 5 ? 'export' : 'read',
        outcome: index === 7 ? 'denied' : 'success',
        requestId: `r${index}`,
      }),
    );
    await database.db.transaction().execute((trx) => recordAuditEvents(trx, events, { now }));
  });
  afterAll(async () => {
    await database.close();
  });
  const requests = (events: AuditEventRecord[]) => events.map((event) => event.requestId);

  it('finds a patient’s events newest first, a page at a time', async () => {
    const first = await searchAuditEvents(database.db, { patientId: '100', limit: 4 });
    expect(requests(first.events)).toEqual(['r10', 'r8', 'r6', 'r4']);
    expect(first.hasMore).toBe(true);
    const second = await searchAuditEvents(database.db, { patientId: '100', limit: 4, offset: 4 });
    expect(requests(second.events)).toEqual(['r2', 'r0']);
    expect(second.hasMore).toBe(false);
    expect(second.events[0]).toMatchObject({
      patientId: '100',
      actorType: 'provider',
      occurredAt: new Date('2026-11-29T10:02:00.000Z'),
    });
  });

  it('filters by actor, organisation, time window, action and outcome', async () => {
    expect(requests((await searchAuditEvents(database.db, { actorId: '1', limit: 50 })).events)).toEqual([
      'r10',
      'r7',
      'r4',
      'r1',
    ]);
    expect(requests((await searchAuditEvents(database.db, { organisationId: '20', limit: 50 })).events)).toEqual([
      'r11',
      'r8',
      'r5',
      'r2',
    ]);
    const window = { from: new Date('2026-11-29T10:03:00.000Z'), to: new Date('2026-11-29T10:06:00.000Z'), limit: 50 };
    expect(requests((await searchAuditEvents(database.db, window)).events)).toEqual(['r5', 'r4', 'r3']);
    expect(requests((await searchAuditEvents(database.db, { action: 'export', limit: 50 })).events)).toEqual(['r5']);
    expect(
      requests((await searchAuditEvents(database.db, { action: ['export', 'read'], patientId: '200', limit: 2 })).events),
    ).toEqual(['r11', 'r9']);
    expect(requests((await searchAuditEvents(database.db, { outcome: 'denied', limit: 50 })).events)).toEqual(['r7']);
  });

  it('rejects a page size outside 1..10,000', async () => {
    await expect(searchAuditEvents(database.db, { limit: 0 })).rejects.toThrow(RangeError);
    await expect(searchAuditEvents(database.db, { limit: 10_001 })).rejects.toThrow(RangeError);
  });

  it('exports CSV that Dutch Excel opens: BOM, semicolons, CRLF, quoting, local time, no formulas', async () => {
    const { events } = await searchAuditEvents(database.db, { patientId: '100', limit: 1 });
    const [event] = events;
    if (!event) throw new Error('no event');
    const csv = auditEventsToCsv([
      event,
      { ...event, actorName: 'de Vries; "Jan"', userAgent: '=HYPERLINK("http://evil.example")', details: null },
    ]);
    expect(csv.startsWith('\uFEFFNummer;Tijdstip;Tijdstip (UTC);Soort gebruiker;')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    // 29-11-2026 10:10 UTC is 11:10 in Amsterdam (CET).
    expect(lines[1]).toContain(`${event.id};29-11-2026 11:10:00;2026-11-29T10:10:00.000Z;provider;1;Zorgverlener 1;huisarts;10;`);
    expect(lines[1]).toContain(';"{""view"":""record""}"');
    expect(lines[2]).toContain(';"de Vries; ""Jan""";');
    expect(lines[2]).toContain(`;"'=HYPERLINK(""http://evil.example"")";`);
    expect(lines[2]?.endsWith(';')).toBe(true);
    expect(auditEventsToCsv([], { language: 'en' })).toMatch(/^\uFEFFNumber;Time;Time \(UTC\);Actor type;/);
  });
});

describe.each(testEngines)('finding a patient in listings (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createAuditTestDatabase(engine);
    const now = steppingClock(new Date('2026-11-29T10:00:00.000Z'), 60_000);
    const listing = (requestId: string, patientIds: string[]) =>
      sampleEvent({
        patientId: patientIds.length === 1 ? patientIds[0] : null,
        action: 'search',
        objectType: 'patient-search-result',
        objectId: null,
        details: { criteria: 'family-name', patientIds },
        requestId,
      });
    const events = [
      sampleEvent({ patientId: '7', objectId: '7', requestId: 'read-7' }),
      listing('list-7-8', ['7', '8']),
      sampleEvent({ patientId: '9', objectId: '9', requestId: 'read-9' }),
      // Ids that contain 7 as a substring, and a report's listing without criteria.
      listing('list-17-70', ['17', '70']),
      sampleEvent({
        patientId: null,
        action: 'export',
        objectType: 'report',
        objectId: null,
        details: { report: 'linked-patients', patientIds: ['8', '9'] },
        requestId: 'report-8-9',
      }),
      listing('list-8', ['8']),
    ];
    await database.db.transaction().execute((trx) => recordAuditEvents(trx, events, { now }));
  });
  afterAll(async () => {
    await database.close();
  });
  const requests = async (patientId: string, extra: { limit?: number; offset?: number; action?: 'search' } = {}) =>
    (await searchAuditEvents(database.db, { patientId, limit: 50, ...extra })).events.map((event) => event.requestId);

  it('finds the events about the patient and the listings that showed the patient, newest first', async () => {
    expect(await requests('7')).toEqual(['list-7-8', 'read-7']);
    expect(await requests('8')).toEqual(['list-8', 'report-8-9', 'list-7-8']);
    expect(await requests('9')).toEqual(['report-8-9', 'read-9']);
  });

  it('matches whole ids only', async () => {
    expect(await requests('77')).toEqual([]);
    expect(await requests('1')).toEqual([]);
    expect(await requests('17')).toEqual(['list-17-70']);
    // The id as the log stores it: no leading zeros.
    expect(await requests('007')).toEqual(['list-7-8', 'read-7']);
    await expect(searchAuditEvents(database.db, { patientId: '7 or 1=1', limit: 50 })).rejects.toThrow(RangeError);
  });

  it('keeps the other filters and the paging', async () => {
    expect(await requests('7', { action: 'search' })).toEqual(['list-7-8']);
    const first = await searchAuditEvents(database.db, { patientId: '8', limit: 2 });
    expect(first.events.map((event) => event.requestId)).toEqual(['list-8', 'report-8-9']);
    expect(first.hasMore).toBe(true);
    const second = await searchAuditEvents(database.db, { patientId: '8', limit: 2, offset: 2 });
    expect(second.events.map((event) => event.requestId)).toEqual(['list-7-8']);
    expect(second.hasMore).toBe(false);
  });

  it('returns a listing as stored: no patient, the shown ids in the details', async () => {
    const [listing, read] = (await searchAuditEvents(database.db, { patientId: '7', limit: 50 })).events;
    expect(listing).toMatchObject({
      patientId: null,
      action: 'search',
      objectType: 'patient-search-result',
      details: { criteria: 'family-name', patientIds: ['7', '8'] },
    });
    expect(listing && listedPatientCount(listing)).toBe(2);
    expect(read && listedPatientCount(read)).toBeNull();
    const [single] = (await searchAuditEvents(database.db, { patientId: '8', limit: 1 })).events;
    expect(single).toMatchObject({ patientId: '8', requestId: 'list-8' });
  });

  it('exports a listing to CSV with an empty patient cell and the details as JSON', async () => {
    const { events } = await searchAuditEvents(database.db, { patientId: '7', limit: 1 });
    const lines = auditEventsToCsv(events).split('\r\n');
    expect(lines).toHaveLength(3);
    // Organisation; on behalf of (none); patient (none: a list); action; object type; object id (none); outcome.
    expect(lines[1]).toContain(';Huisartsenpraktijk De Linde;;;search;patient-search-result;;success;');
    expect(lines[1]?.endsWith(';"{""criteria"":""family-name"",""patientIds"":[""7"",""8""]}"')).toBe(true);
    expect(lines[2]).toBe('');
  });
});
