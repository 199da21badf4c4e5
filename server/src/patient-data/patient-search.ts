import { sql } from 'kysely';
import { auditActorOf, type RequestContext } from '../access/context.js';
import {
  canSearch,
  loadRoleRights,
  patientAccessCondition,
  patientNotExcludedCondition,
  type SearchCriterion,
} from '../access/index.js';
import { recordAuditEvents } from '../audit/record.js';
import { AppError } from '../http/problem.js';
import type { PatientDataDependencies } from './patient-access.js';
import { patientDisplayId } from './patient-card.js';

// Patiënt zoeken (seed 001 §1 item 10, §3.2): by P-ID (the numeric part is enough), BSN, birth date and (part of)
// the family name, with or without tussenvoegsel and accents. Which patients a search may return is an access
// decision (canSearch), applied in SQL; every patient shown is an access to that patient's data, so each result
// row is logged (one event per patient per request, NEN 7513).

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

function criteriaOf(criteria: PatientSearchCriteria): SearchCriterion[] {
  const used: SearchCriterion[] = [];
  if (criteria.patientNumber) used.push('patient-id');
  if (criteria.bsn) used.push('bsn');
  if (criteria.birthDate) used.push('birth-date');
  if (criteria.name) used.push('family-name');
  return used;
}

/** Lower case, accents removed — the same folding as `keten_fold()` in SQL, for the LIKE pattern. */
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}

function likePattern(value: string): string {
  return `%${fold(value).replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
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

  return deps.db.transaction().execute(async (trx) => {
    let query = trx
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
      .where(decision.scope === 'any-patient' ? patientNotExcludedCondition(actor) : patientAccessCondition(actor, now));
    if (criteria.patientNumber) {
      const number = criteria.patientNumber;
      query = query.where((eb) => eb.or([eb('patient.id', '=', number), eb('patient.legacy_id', '=', number)]));
    }
    if (criteria.bsn) query = query.where('patient.bsn', '=', criteria.bsn);
    if (criteria.birthDate) query = query.where('patient.birth_date', '=', criteria.birthDate);
    if (criteria.name) {
      const pattern = likePattern(criteria.name);
      // Both expressions have a trigram index (migration 0001): "jong", "de jong", "Ölçer" typed as "olcer".
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
    const hits = rows.slice(0, SEARCH_PAGE_SIZE).map((row) => ({
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
    await recordAuditEvents(
      trx,
      hits.map((hit) => ({
        actor: auditActorOf(actor),
        patientId: hit.id,
        action: 'search' as const,
        objectType: 'patient-search-result',
        outcome: 'success' as const,
        reason: decision.scope === 'any-patient' ? 'bsn+birth-date' : 'within-grounds',
        ip: context.ip,
        userAgent: context.userAgent,
        sessionRef: context.sessionRef,
        requestId: context.requestId,
        details: { criteria: used.join(',') },
      })),
      { now: () => now },
    );
    return { hits, hasMore: rows.length > SEARCH_PAGE_SIZE, scope: decision.scope ?? 'within-grounds' };
  });
}
