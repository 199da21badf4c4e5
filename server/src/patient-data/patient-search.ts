import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type Actor, auditActorOf, type RequestContext } from '../access/context.js';
import {
  canSearch,
  type Executor,
  loadRoleRights,
  patientAccessCondition,
  patientNotExcludedCondition,
  type SearchCriterion,
  type SearchScope,
} from '../access/index.js';
import { patientsWithGroundsQuery } from '../access/repository.js';
import { recordAuditEvents } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import type { PatientDataDependencies } from './patient-access.js';
import { patientDisplayId } from './patient-card.js';

// Patiënt zoeken (seed 001 §1 item 10, §3.2): by P-ID (the numeric part is enough), BSN, birth date and (part of)
// the family name, with or without tussenvoegsel and accents. Which patients a search may return is an access
// decision (canSearch), applied in SQL; every patient shown is an access to that patient's data, so each result
// page is logged as one event naming every patient on it (NEN 7513; found by patient like any other event).
//
// Speed (budget p99 ≤ 30 ms, bench/README.md). The list is ordered by family name, birth date and id, and a page
// is the first 25 patients in that order the actor may see. The query lists the patients that match the criteria
// in that order and checks access (`patientAccessCondition`, an indexed probe per patient) only until the page
// is full. How the candidates are listed in order is one of three plans:
// - `matches-first`: the matches come from an index (P-ID, BSN, birth date, trigrams of the folded name, or the
//   1-2 letter pieces for a short name term), are sorted, then checked. Cost grows with the number of matches.
// - `gram-order`: a name term of 2 or more letters searched by a GP practice: the rows of the term's rarest
//   2- or 3-letter piece come in list order from patient_name_gram (migration 0015) and are tested against the whole
//   term, so the cost grows with the page's position among them, not with the number of matches.
// - `name-order`: for a 1-letter name term so broad that sorting all its matches would blow the budget ("van", "e"), the
//   list order index (migration 0008) is read from the start, testing the folded name stored in the index, and
//   stops when the page is full: broad terms match early.
// - `grounds-first`: an actor with few grounds (a chain partner with its referred patients) starts from the
//   patients it holds a ground for, so a broad name does not probe thousands of patients it cannot see.
// The kind of actor and the planner's own estimate of the number of matches (EXPLAIN, no execution) decide. The
// planner cannot choose between the first two itself: it assumes the matches are spread evenly through the name
// order, while they cluster by name. (Nor can it count an organisation's grounds: there are no statistics for
// that, and counting costs as much as a search.)

export interface PatientSearchCriteria {
  /** The numeric part of a P-ID, or an old id of the previous system. */
  patientNumber?: string;
  bsn?: string;
  /** ISO date. */
  birthDate?: string;
  name?: string;
}

export interface PatientSearchHit {
  id: string;
  displayId: string;
  legacyId: string | null;
  roepnaam: string;
  initials: string | null;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
  gender: string;
  /** Only the last three digits (seed: BSN masked in lists). */
  bsnMasked: string | null;
  practiceName: string | null;
}

export const SEARCH_PAGE_SIZE = 25;

/**
 * Above this many estimated matches a name-only search reads the list order index instead of sorting the matches.
 * Reading in order is cheap per patient when the visibility map says the table's pages are all visible (an
 * index-only scan; PostgreSQL's autovacuum keeps it so), and costs a table read per patient when not (PGlite has
 * no autovacuum). Measured break-even at 100,000 patients (bench/README.md): ≈ 2,500 matches with the map,
 * ≈ 8,000 without.
 */
export const MAX_SORTED_NAME_MATCHES = 8000;
export const MAX_SORTED_NAME_MATCHES_INDEX_ONLY = 2500;

/**
 * Above this many estimated matches, an actor outside a GP practice searching by name starts from its grounds:
 * probing each match would mostly find patients it cannot see.
 */
export const MAX_PROBED_NAME_MATCHES = 500;

export type SearchPlan = 'matches-first' | 'name-order' | 'gram-order' | 'grounds-first';

export interface PlanLimits {
  maxSortedNameMatches: number;
  maxSortedNameMatchesIndexOnly: number;
  maxProbedNameMatches: number;
}

const DEFAULT_LIMITS: PlanLimits = {
  maxSortedNameMatches: MAX_SORTED_NAME_MATCHES,
  maxSortedNameMatchesIndexOnly: MAX_SORTED_NAME_MATCHES_INDEX_ONLY,
  maxProbedNameMatches: MAX_PROBED_NAME_MATCHES,
};

function criteriaOf(criteria: PatientSearchCriteria): SearchCriterion[] {
  const used: SearchCriterion[] = [];
  if (criteria.patientNumber) used.push('patient-id');
  if (criteria.bsn) used.push('bsn');
  if (criteria.birthDate) used.push('birth-date');
  if (criteria.name) used.push('family-name');
  return used;
}

/** Lower case, accents removed — the same folding as `keten_fold()` in SQL, for the LIKE pattern. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}

function likePattern(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The pieces of a folded term that patient_name_gram lists (migration 0015), each in every name that contains the
 * term: a 2-letter term itself, otherwise its distinct 3-letter pieces (rarer than 2-letter ones).
 */
export function termGrams(folded: string): string[] {
  const letters = [...folded];
  if (letters.length === 2) return [folded];
  const grams = new Set<string>();
  for (let start = 0; start + 3 <= letters.length; start++) grams.add(letters.slice(start, start + 3).join(''));
  return [...grams];
}

/** How long the piece frequencies read from the statistics are used before reading them again. */
const GRAM_FREQUENCIES_MAX_AGE_MS = 10 * 60_000;
const gramFrequencyCache = new WeakMap<object, { readAt: number; frequencies: Map<string, number> }>();

/**
 * The frequencies of the most common pieces, from the planner's statistics of patient_name_gram (refreshed by
 * ANALYZE: autovacuum on PostgreSQL, the maintenance job on PGlite). Cached per database for a few minutes: they
 * only steer which piece is read first, never which patients are found.
 */
async function gramFrequencies(executor: Executor, cacheKey: object, nowMs: number): Promise<Map<string, number>> {
  const cached = gramFrequencyCache.get(cacheKey);
  if (cached && nowMs - cached.readAt < GRAM_FREQUENCIES_MAX_AGE_MS) return cached.frequencies;
  const { rows } = await sql<{ grams: string[] | null; frequencies: number[] | null }>`
    select most_common_vals::text::text[] as grams, most_common_freqs as frequencies
      from pg_stats where tablename = 'patient_name_gram' and attname = 'gram'`.execute(executor);
  const frequencies = new Map<string, number>();
  for (const row of rows) {
    for (const [index, gram] of (row.grams ?? []).entries()) frequencies.set(gram, Number(row.frequencies?.[index] ?? 0));
  }
  gramFrequencyCache.set(cacheKey, { readAt: nowMs, frequencies });
  return frequencies;
}

/**
 * The piece of the term with the fewest patients: the one whose rows are read in list order. A piece outside the
 * statistics' most common values is rarer than all of them.
 */
export function rarestGram(grams: readonly string[], frequencies: ReadonlyMap<string, number>): string | undefined {
  let rarest: string | undefined;
  for (const gram of grams) {
    if (rarest === undefined || (frequencies.get(gram) ?? 0) < (frequencies.get(rarest) ?? 0)) rarest = gram;
  }
  return rarest;
}

/** Terms shorter than a trigram: the 1-2 letter pieces index lists their matches (migration 0008). */
const SHORT_TERM_LENGTH = 2;

type PatientExpressions = ExpressionBuilder<Database, 'patient'>;

/**
 * "The folded family name (with tussenvoegsel) contains the term". For the `name-order` plan as a LIKE on the
 * column the list order index holds; otherwise in the form an index can answer: trigrams, or for a 1-2 letter
 * term the pieces (containing the piece is exactly LIKE '%…%' for such a term).
 */
function nameCondition(eb: PatientExpressions, folded: string, plan: SearchPlan): Expression<SqlBool> {
  if (plan === 'matches-first' && [...folded].length <= SHORT_TERM_LENGTH) {
    return eb(sql`keten_short_grams(patient.family_name_search)`, '@>', sql<string[]>`array[${folded}]::text[]`);
  }
  return eb('patient.family_name_search', 'like', likePattern(folded));
}

/**
 * The patients matching the criteria, not yet checked for access; for `grounds-first` only those the actor holds
 * any ground for (a superset of the access condition, which is applied after).
 */
function matchingPatients(executor: Executor, actor: Actor, criteria: PatientSearchCriteria, plan: SearchPlan) {
  let query = executor.selectFrom('patient').select(['patient.id', 'patient.family_name', 'patient.birth_date']);
  const withGrounds = plan === 'grounds-first' ? patientsWithGroundsQuery(actor) : null;
  if (withGrounds) query = query.where('patient.id', 'in', withGrounds);
  if (criteria.patientNumber) {
    const number = criteria.patientNumber;
    query = query.where((eb) => eb.or([eb('patient.id', '=', number), eb('patient.legacy_id', '=', number)]));
  }
  if (criteria.bsn) query = query.where('patient.bsn', '=', criteria.bsn);
  if (criteria.birthDate) query = query.where('patient.birth_date', '=', criteria.birthDate);
  const name = criteria.name ? foldName(criteria.name) : '';
  if (name) query = query.where((eb) => nameCondition(eb, name, plan));
  return query;
}

function accessCondition(actor: Actor, scope: SearchScope, now: Date, patientIdColumn: string): Expression<SqlBool> {
  return scope === 'any-patient'
    ? patientNotExcludedCondition(actor, patientIdColumn)
    : patientAccessCondition(actor, now, patientIdColumn);
}

async function estimatedRows(query: { explain(format: 'json'): Promise<Record<string, unknown>[]> }): Promise<number> {
  const [explained] = await query.explain('json');
  const plan = (explained?.['QUERY PLAN'] as [{ Plan?: { 'Plan Rows'?: number } }] | undefined)?.[0]?.Plan;
  return plan?.['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}

/**
 * Whether the actor holds few grounds compared with the region: everyone but a GP practice, which holds its
 * whole enrolled population (search-policy.ts). A chain partner holds the patients referred to it or who
 * consented; an outside provider the patients who consented.
 */
function holdsFewGrounds(actor: Actor): boolean {
  return actor.kind === 'external' || (actor.kind === 'provider' && actor.organisationType !== 'gp-practice');
}

/**
 * Exact criteria (P-ID, BSN, birth date) match few patients: `matches-first`. A name alone, by the planner's
 * estimate of its matches: `grounds-first` for an actor with few grounds when there are more matches than worth
 * probing one by one, `name-order` when there are more than worth sorting, `matches-first` otherwise.
 */
export async function choosePlan(
  executor: Executor,
  actor: Actor,
  scope: SearchScope,
  criteria: PatientSearchCriteria,
  limits: PlanLimits = DEFAULT_LIMITS,
): Promise<SearchPlan> {
  if (criteria.patientNumber || criteria.bsn || criteria.birthDate || !criteria.name) return 'matches-first';
  const fewGrounds = scope === 'within-grounds' && holdsFewGrounds(actor);
  if (!fewGrounds && termGrams(foldName(criteria.name)).length > 0) return 'gram-order';
  const matches = await estimatedRows(matchingPatients(executor, actor, criteria, 'matches-first'));
  if (fewGrounds && matches > limits.maxProbedNameMatches) return 'grounds-first';
  if (matches > limits.maxSortedNameMatches) return 'name-order';
  if (matches > limits.maxSortedNameMatchesIndexOnly && (await patientPagesMostlyAllVisible(executor))) return 'name-order';
  return 'matches-first';
}

/** Whether the visibility map (as of the last VACUUM or ANALYZE) marks most of the patient table all-visible. */
async function patientPagesMostlyAllVisible(executor: Executor): Promise<boolean> {
  const { rows } = await sql<{ visible: boolean }>`
    select relallvisible >= relpages / 2 and relpages > 0 as visible from pg_class where oid = 'patient'::regclass`.execute(
    executor,
  );
  return rows[0]?.visible ?? false;
}

function orderedMatches(executor: Executor, actor: Actor, criteria: PatientSearchCriteria, plan: SearchPlan) {
  return matchingPatients(executor, actor, criteria, plan)
    .orderBy('patient.family_name')
    .orderBy('patient.birth_date')
    .orderBy('patient.id')
    .modifyEnd(sql`offset 0`);
}

/**
 * `gram-order`: the rows of one piece of the name term, already in list order (the primary key of
 * patient_name_gram), whose stored folded name contains the whole term. Name-only criteria.
 */
function gramOrderedMatches(executor: Executor, criteria: PatientSearchCriteria, gram: string | undefined) {
  const folded = foldName(criteria.name ?? '');
  const piece = gram ?? termGrams(folded)[0];
  if (!piece || criteria.patientNumber || criteria.bsn || criteria.birthDate) {
    throw new Error('gram-order needs a name-only search of at least 2 letters');
  }
  return executor
    .selectFrom('patient_name_gram as patient')
    .select(['patient.patient_id as id', 'patient.family_name', 'patient.birth_date'])
    .where('patient.gram', '=', piece)
    .where('patient.family_name_search', 'like', likePattern(folded))
    .orderBy('patient.family_name')
    .orderBy('patient.birth_date')
    .orderBy('patient.patient_id')
    .modifyEnd(sql`offset 0`);
}

/**
 * One page of search results as SQL: the ids of the matching patients in list order, checked for access one by
 * one (`patientAccessCondition`, a per-patient probe) until the page (plus one, to tell whether there is more) is
 * full. Their columns come in a second statement (`pageRows`): joined into this one, planning and running the whole
 * took three times as long on PGlite (bench/README.md).
 */
export function searchPageQuery(
  executor: Executor,
  actor: Actor,
  scope: SearchScope,
  criteria: PatientSearchCriteria,
  page: number,
  now: Date,
  plan: SearchPlan,
  gram?: string,
) {
  const ordered =
    plan === 'gram-order' ? gramOrderedMatches(executor, criteria, gram) : orderedMatches(executor, actor, criteria, plan);
  const visible = executor
    .selectFrom(ordered.as('candidate'))
    .select(['candidate.id', 'candidate.family_name', 'candidate.birth_date'])
    .where(accessCondition(actor, scope, now, 'candidate.id'))
    .limit(SEARCH_PAGE_SIZE + 1)
    .offset((page - 1) * SEARCH_PAGE_SIZE);
  // Without an ORDER BY here the planner plans `ordered` for the first rows only: an ordered index scan that
  // stops early (name-order, gram-order). With it, it plans for all candidates: index lookups and a sort. The rows
  // keep `ordered`'s order either way: a filter and a limit over a subquery do not reorder.
  if (plan === 'name-order' || plan === 'gram-order') return visible;
  return visible.orderBy('candidate.family_name').orderBy('candidate.birth_date').orderBy('candidate.id');
}

/** The listed columns and current practice of the patients on a page, in the page's order. */
async function pageRows(executor: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await executor
    .selectFrom('patient')
    .leftJoin('enrolment', (join) => join.onRef('enrolment.patient_id', '=', 'patient.id').on('enrolment.valid_to', 'is', null))
    .leftJoin('organisation as practice', 'practice.id', 'enrolment.organisation_id')
    .select([
      'patient.id',
      'patient.legacy_id',
      'patient.roepnaam',
      'patient.initials',
      'patient.family_name_prefix',
      'patient.family_name',
      'patient.birth_date',
      'patient.gender',
      'patient.bsn',
      'practice.name as practice_name',
    ])
    .where('patient.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  return ids.flatMap((id) => byId.get(String(id)) ?? []);
}

export async function searchPatients(
  deps: PatientDataDependencies,
  context: RequestContext,
  criteria: PatientSearchCriteria,
  page: number,
): Promise<{ hits: PatientSearchHit[]; hasMore: boolean; scope: string }> {
  const used = criteriaOf(criteria);
  if (used.length === 0) throw AppError.validation([{ field: 'query', key: 'field.required' }]);
  const now = deps.clock.now();
  const actor = context.actor;
  const roleRights = actor.kind === 'provider' ? await loadRoleRights(deps.db, actor.role) : {};
  const decision = canSearch(actor, roleRights, used);
  if (!decision.allow) throw AppError.notFound();
  const scope = decision.scope ?? 'within-grounds';

  return deps.db.transaction().execute(async (trx) => {
    const plan = await choosePlan(trx, actor, scope, criteria);
    const gram =
      plan === 'gram-order'
        ? rarestGram(termGrams(foldName(criteria.name ?? '')), await gramFrequencies(trx, deps.db, now.getTime()))
        : undefined;
    const found = await searchPageQuery(trx, actor, scope, criteria, page, now, plan, gram).execute();
    const rows = await pageRows(
      trx,
      found.slice(0, SEARCH_PAGE_SIZE).map((row) => row.id),
    );
    const hits = rows.map((row) => ({
      id: row.id,
      displayId: patientDisplayId(row.id),
      legacyId: row.legacy_id,
      roepnaam: row.roepnaam,
      initials: row.initials,
      familyNamePrefix: row.family_name_prefix,
      familyName: row.family_name,
      birthDate: row.birth_date,
      gender: row.gender,
      bsnMasked: row.bsn ? `******${row.bsn.slice(-3)}` : null,
      practiceName: row.practice_name,
    }));
    // The page is one event naming every patient shown (found by patient through details.patientIds, migration
    // 0015): 25 events per page cost more than the search itself.
    if (hits.length > 0) {
      await recordAuditEvents(
        trx,
        [
          {
            actor: auditActorOf(actor),
            patientId: hits.length === 1 ? hits[0]?.id : null,
            action: 'search',
            objectType: 'patient-search-result',
            outcome: 'success',
            reason: scope === 'any-patient' ? 'bsn+birth-date' : 'within-grounds',
            ip: context.ip,
            userAgent: context.userAgent,
            sessionRef: context.sessionRef,
            requestId: context.requestId,
            details: { criteria: used.join(','), patientIds: hits.map((hit) => hit.id) },
          },
        ],
        { now: () => now },
      );
    }
    return { hits, hasMore: found.length > SEARCH_PAGE_SIZE, scope };
  });
}
