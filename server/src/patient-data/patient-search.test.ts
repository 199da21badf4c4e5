import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, ProviderActor, RequestContext } from '../access/context.js';
import type { SearchScope } from '../access/decision.js';
import { addExclusion, patientAccessCondition, patientNotExcludedCondition } from '../access/repository.js';
import { verifyAuditChain } from '../audit/verify.js';
import { findAccountByUsername } from '../auth/repository.js';
import { ManualClock } from '../clock.js';
import type { DatabaseHandle } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { parseSearchQuery } from '../modules/patients/search-query.js';
import { createTestDatabase, testEngines } from '../test/database.js';
import { createAccount, createOrganisation } from '../test/fixtures.js';
import {
  choosePlan,
  foldName,
  type PatientSearchCriteria,
  type PlanLimits,
  rarestGram,
  SEARCH_PAGE_SIZE,
  type SearchPlan,
  searchPageQuery,
  searchPatients,
  termGrams,
} from './patient-search.js';

// The search's four plans (patient-search.ts) must give exactly what the straightforward query gave before
// migration 0008 — the same patients, in the same order, page by page, under the same access condition — for
// every kind of term: long and 1-2 letters, with tussenvoegsel, with accents, combined with a birth date.

const families: readonly (readonly [string | null, string])[] = [
  ['de', 'Vries'],
  [null, 'Vries'],
  ['van der', 'Berg'],
  ['van den', 'Berg'],
  ['van', 'Dijk'],
  [null, 'Jansen'],
  [null, 'Janssen'],
  ['de', 'Jong'],
  [null, 'Bakker'],
  [null, 'Çelik'],
  [null, 'Müller'],
  [null, 'Öztürk'],
  [null, 'Yılmaz'],
  ['El', 'Amrani'],
  [null, 'Elzinga'],
  ["van 't", 'Hof'],
  ['ten', 'Brink'],
  [null, 'Zwart'],
  [null, 'Ünal'],
  [null, 'Smit'],
  [null, 'Smits'],
  [null, 'Visser'],
  [null, '100%_Echt'],
];

const terms = [
  'vries',
  'de vr',
  'VAN DER',
  'van',
  'berg',
  'jans',
  'jong',
  'de jo',
  'celik',
  'Çelik',
  'muller',
  'ozturk',
  'yilm',
  'el',
  'el amrani',
  'e',
  'a',
  'zw',
  'q',
  "'t h",
  'smit',
  'ij',
  'n d',
  '%',
  '_e',
  '0%_',
  'jong 12-03-1961',
  'e 12-03-1961',
];

describe.each(testEngines)('patient search plans (%s)', (engine) => {
  let database: DatabaseHandle;
  const clock = new ManualClock('2026-11-29T10:00:00Z');
  const contexts: Record<string, RequestContext> = {};
  const actor = (username: string) => contexts[username]?.actor as Actor;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const north = await createOrganisation(db, { name: 'Huisartsenpraktijk Zoek Noord', abbreviation: 'HAPSN' });
    const south = await createOrganisation(db, { name: 'Huisartsenpraktijk Zoek Zuid', abbreviation: 'HAPSZ' });
    const dietitians = await createOrganisation(db, { name: 'Diëtisten Zoek', abbreviation: 'DZOEK', type: 'dietitian' });
    await createAccount(db, { organisationId: north.id, username: 'huisarts.hapsn', role: 'huisarts', gebruikersnummer: 1 });
    await createAccount(db, { organisationId: south.id, username: 'huisarts.hapsz', role: 'huisarts', gebruikersnummer: 1 });
    await createAccount(db, { organisationId: dietitians.id, username: 'dietist.dzoek', role: 'dietist', gebruikersnummer: 1 });
    for (const username of ['huisarts.hapsn', 'huisarts.hapsz', 'dietist.dzoek']) {
      const account = await findAccountByUsername(db, username);
      contexts[username] = {
        actor: account?.actor as ProviderActor,
        requestId: `search-${username}`,
        ip: '127.0.0.1',
        userAgent: 'vitest',
        sessionRef: 'session-ref',
      };
    }
    const gp = actor('huisarts.hapsn') as ProviderActor;

    // 460 patients: every family 20 times, birth dates repeating (so the id decides the order within a date),
    // at the north or south practice or none, some referred to the dietitians, one excluding the north GP.
    const rows = Array.from({ length: 460 }, (_, index) => {
      const [prefix, family] = families[index % families.length] ?? [null, 'Leeg'];
      return {
        bsn: String(100_000_000 + index * 7),
        roepnaam: `Patiënt${index}`,
        family_name_prefix: prefix,
        family_name: family,
        birth_date: index % 9 === 0 ? '1961-03-12' : `19${40 + (index % 50)}-0${1 + (index % 9)}-1${index % 10}`,
        gender: 'female' as const,
      };
    });
    const patients = await db.insertInto('patient').values(rows).returning('id').execute();
    const enrolments = patients.flatMap(({ id }, index) =>
      index % 5 === 4 ? [] : [{ patient_id: id, organisation_id: index % 5 < 2 ? north.id : south.id, valid_from: '2020-01-01' }],
    );
    await db.insertInto('enrolment').values(enrolments).execute();
    const referred = patients.filter((_, index) => index % 11 === 3);
    await db
      .insertInto('referral')
      .values(
        referred.map(({ id }) => ({
          patient_id: id,
          from_account_id: gp.accountId,
          to_organisation_id: dietitians.id,
          to_role: 'dietist',
          reason: 'GLI',
          // Before the test's clock (the database's now() is the real time, which passes the clock during the day).
          created_at: new Date('2026-11-01T10:00:00Z'),
        })),
      )
      .execute();
    await addExclusion(db, {
      patientId: patients[0]?.id ?? '',
      granteeType: 'account',
      granteeId: gp.accountId,
      createdBy: 'portal-user:1',
      at: clock.now(),
    });
    await sql`analyze`.execute(db);
  });
  afterAll(() => database.close());

  /** The search as it was before migration 0008: keten_fold() per row, sort everything, OFFSET/LIMIT. */
  async function referenceIds(who: Actor, scope: SearchScope, criteria: PatientSearchCriteria, page: number) {
    const db: Kysely<Database> = database.db;
    let query = db
      .selectFrom('patient')
      .select('patient.id')
      .where(scope === 'any-patient' ? patientNotExcludedCondition(who) : patientAccessCondition(who, clock.now()));
    if (criteria.patientNumber) {
      const number = criteria.patientNumber;
      query = query.where((eb) => eb.or([eb('patient.id', '=', number), eb('patient.legacy_id', '=', number)]));
    }
    if (criteria.bsn) query = query.where('patient.bsn', '=', criteria.bsn);
    if (criteria.birthDate) query = query.where('patient.birth_date', '=', criteria.birthDate);
    if (criteria.name) {
      const pattern = `%${foldName(criteria.name).replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql`keten_fold(patient.family_name)`, 'like', pattern),
          eb(sql`keten_fold(coalesce(patient.family_name_prefix || ' ', '') || patient.family_name)`, 'like', pattern),
        ]),
      );
    }
    const rows = await query
      .orderBy('patient.family_name')
      .orderBy('patient.birth_date')
      .orderBy('patient.id')
      .limit(SEARCH_PAGE_SIZE + 1)
      .offset((page - 1) * SEARCH_PAGE_SIZE)
      .execute();
    return rows.map((row) => row.id);
  }

  async function planIds(
    who: Actor,
    scope: SearchScope,
    criteria: PatientSearchCriteria,
    page: number,
    plan: SearchPlan,
    gram?: string,
  ) {
    const rows = await searchPageQuery(database.db, who, scope, criteria, page, clock.now(), plan, gram).execute();
    return rows.map((row) => row.id);
  }

  /** gram-order applies to name-only terms of 2+ letters; whichever of the term's pieces is read, same result. */
  function gramsToTry(criteria: PatientSearchCriteria): string[] {
    if (!criteria.name || criteria.birthDate || criteria.bsn || criteria.patientNumber) return [];
    return termGrams(foldName(criteria.name));
  }

  it.each(['huisarts.hapsn', 'huisarts.hapsz', 'dietist.dzoek'])(
    'finds for %s exactly what the straightforward query found, with every plan, page by page',
    async (username) => {
      const who = actor(username);
      let compared = 0;
      for (const term of terms) {
        const criteria = parseSearchQuery(term);
        for (let page = 1; page <= 5; page++) {
          const expected = await referenceIds(who, 'within-grounds', criteria, page);
          for (const plan of ['matches-first', 'name-order', 'grounds-first'] as const) {
            expect(await planIds(who, 'within-grounds', criteria, page, plan), `${term} page ${page} ${plan}`).toEqual(expected);
          }
          for (const gram of gramsToTry(criteria)) {
            expect(
              await planIds(who, 'within-grounds', criteria, page, 'gram-order', gram),
              `${term} page ${page} gram-order "${gram}"`,
            ).toEqual(expected);
          }
          compared += expected.length;
          if (expected.length <= SEARCH_PAGE_SIZE) break;
        }
      }
      expect(compared).toBeGreaterThan(username === 'dietist.dzoek' ? 20 : 400);
    },
  );

  it('finds any patient who has not excluded the actor by BSN and birth date, like before', async () => {
    for (const username of ['huisarts.hapsn', 'dietist.dzoek']) {
      for (const index of [0, 1, 9, 13]) {
        const criteria = { bsn: String(100_000_000 + index * 7), birthDate: '1961-03-12' };
        const expected = await referenceIds(actor(username), 'any-patient', criteria, 1);
        expect(await planIds(actor(username), 'any-patient', criteria, 1, 'matches-first')).toEqual(expected);
      }
    }
    // Patient 0 excluded the north GP: not even BSN and birth date find them.
    expect(await referenceIds(actor('huisarts.hapsn'), 'any-patient', { bsn: '100000000', birthDate: '1961-03-12' }, 1)).toEqual(
      [],
    );
  });

  it('keeps the pieces of a name right when a patient is renamed or their birth date corrected', async () => {
    const gp = actor('huisarts.hapsn');
    const [visser] = await planIds(gp, 'within-grounds', { name: 'visser' }, 1, 'gram-order', 'vis');
    expect(visser).toBeDefined();
    await database.db
      .updateTable('patient')
      .set({ family_name_prefix: 'de', family_name: 'Wit-Kwakernaak', birth_date: '1999-09-09' })
      .where('id', '=', visser ?? '')
      .execute();
    expect(await planIds(gp, 'within-grounds', { name: 'visser' }, 1, 'gram-order', 'vis')).not.toContain(visser);
    expect(await planIds(gp, 'within-grounds', { name: 'de wit-kwak' }, 1, 'gram-order', 'kwa')).toEqual([visser]);
    const grams = await database.db
      .selectFrom('patient_name_gram')
      .select(['gram', 'birth_date'])
      .where('patient_id', '=', visser ?? '')
      .execute();
    const name = 'de wit-kwakernaak';
    const pieces = [2, 3].flatMap((size) => Array.from({ length: name.length - size + 1 }, (_, at) => name.slice(at, at + size)));
    expect(grams.map((row) => row.gram).sort()).toEqual([...new Set(pieces)].sort());
    expect(grams.every((row) => String(row.birth_date).startsWith('1999-09-09'))).toBe(true);
    await database.db
      .updateTable('patient')
      .set({ family_name_prefix: null, family_name: 'Visser', birth_date: '1961-03-12' })
      .where('id', '=', visser ?? '')
      .execute();
    expect(await planIds(gp, 'within-grounds', { name: 'visser' }, 1, 'gram-order', 'vis')).toContain(visser);
  });

  it('reads the piece of the term that the statistics count least often', () => {
    expect(termGrams('jansen')).toEqual(['jan', 'ans', 'nse', 'sen']);
    expect(termGrams('de')).toEqual(['de']);
    expect(termGrams('e')).toEqual([]);
    const frequencies = new Map([
      ['jan', 0.02],
      ['ans', 0.03],
      ['sen', 0.05],
    ]);
    expect(rarestGram(['jan', 'ans', 'sen'], frequencies)).toBe('jan');
    // Outside the most common values: rarer than all of them.
    expect(rarestGram(['jan', 'ans', 'nse', 'sen'], frequencies)).toBe('nse');
    expect(rarestGram([], frequencies)).toBeUndefined();
  });

  it('sorts the matches of exact criteria and narrow names, reads broad names in list order, starts from few grounds', async () => {
    const gp = actor('huisarts.hapsn');
    const dietitian = actor('dietist.dzoek');
    const choose = (who: Actor, criteria: PatientSearchCriteria, limits?: PlanLimits) =>
      choosePlan(database.db, who, 'within-grounds', criteria, limits);
    expect(await choose(gp, { bsn: '100000007' })).toBe('matches-first');
    expect(await choose(dietitian, { birthDate: '1961-03-12', name: 'e' })).toBe('matches-first');
    expect(await choosePlan(database.db, dietitian, 'any-patient', { bsn: '100000007', birthDate: '1961-03-12' })).toBe(
      'matches-first',
    );
    // 460 patients: names are never too broad to sort or to probe one by one.
    expect(await choose(gp, { name: 'e' })).toBe('matches-first');
    expect(await choose(dietitian, { name: 'e' })).toBe('matches-first');
    // With lower limits the planner's estimate of the matches and the kind of actor decide.
    const limits = { maxSortedNameMatches: 100, maxSortedNameMatchesIndexOnly: 100, maxProbedNameMatches: 50 };
    expect(await choose(dietitian, { name: 'e' }, limits)).toBe('grounds-first');
    expect(await choose(dietitian, { name: 'yilm' }, limits)).toBe('matches-first');
    expect(await choose(gp, { name: 'e' }, limits)).toBe('name-order');
    // A GP practice's name terms of 2 or more letters: the term's rarest piece in list order, whatever the estimate.
    expect(await choose(gp, { name: 'yilm' }, limits)).toBe('gram-order');
    expect(await choose(gp, { name: 'yilm' })).toBe('gram-order');
    expect(await choose(gp, { name: 'el' }, limits)).toBe('gram-order');
    const none = { maxSortedNameMatches: 0, maxSortedNameMatchesIndexOnly: 0, maxProbedNameMatches: 0 };
    expect(await choose(gp, { name: 'jong', birthDate: '1961-03-12' }, none)).toBe('matches-first');
    // Reading in list order is cheaper once VACUUM has marked the pages all-visible (index-only).
    await sql`vacuum analyze patient`.execute(database.db);
    const visible = { maxSortedNameMatches: 100_000, maxSortedNameMatchesIndexOnly: 100, maxProbedNameMatches: 50 };
    expect(await choose(gp, { name: 'e' }, visible)).toBe('name-order');
    expect(await choose(gp, { name: 'q' }, visible)).toBe('matches-first');
  });

  it('logs each result page as one event naming every shown patient, keeps the chain intact, tells whether there is more', async () => {
    const context = contexts['huisarts.hapsn'] as RequestContext;
    const before = await database.db
      .selectFrom('audit_event')
      .select(sql<string>`count(*)`.as('count'))
      .executeTakeFirstOrThrow();
    const first = await searchPatients({ db: database.db, clock }, context, { name: 'e' }, 1);
    const second = await searchPatients({ db: database.db, clock }, context, { name: 'e' }, 2);
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    expect(second.hits.map((hit) => hit.id)).toEqual(
      (await referenceIds(context.actor, 'within-grounds', { name: 'e' }, 2)).slice(0, SEARCH_PAGE_SIZE),
    );
    const events = await database.db
      .selectFrom('audit_event')
      .select(['patient_id', 'action', 'object_type', 'reason', 'details'])
      .where('id', '>', sql<string>`(select max(id) - 2 from audit_event)`)
      .orderBy('id')
      .execute();
    expect(events).toEqual(
      [first, second].map((page) => ({
        patient_id: null,
        action: 'search',
        object_type: 'patient-search-result',
        reason: 'within-grounds',
        details: { criteria: 'family-name', patientIds: page.hits.map((hit) => hit.id) },
      })),
    );
    const after = await database.db.selectFrom('audit_event').select(sql<string>`count(*)`.as('count')).executeTakeFirstOrThrow();
    expect(Number(after.count) - Number(before.count)).toBe(2);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    const last = await searchPatients({ db: database.db, clock }, context, { name: 'jong' }, 1);
    expect(last.hasMore).toBe(false);
    expect(last.hits.every((hit) => hit.familyName === 'Jong' && hit.practiceName === 'Huisartsenpraktijk Zoek Noord')).toBe(
      true,
    );
    // One patient shown: the event is about that patient, like any other access.
    const bsn = await searchPatients({ db: database.db, clock }, context, { bsn: '100000007' }, 1);
    expect(bsn.hits).toHaveLength(1);
    const lastEvent = await database.db
      .selectFrom('audit_event')
      .select(['patient_id', 'details'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(lastEvent).toEqual({ patient_id: bsn.hits[0]?.id, details: { criteria: 'bsn', patientIds: [bsn.hits[0]?.id] } });
    // Nothing shown, nothing logged.
    const newest = () => database.db.selectFrom('audit_event').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const beforeEmpty = await newest();
    expect((await searchPatients({ db: database.db, clock }, context, { name: 'qqq' }, 1)).hits).toEqual([]);
    expect(await newest()).toEqual(beforeEmpty);
  });
});
