import type { LocalText } from '@keten/forms';
import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { ProviderActor, RequestContext } from '../access/context.js';
import { type AccessFacts, can } from '../access/index.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { entryTarget, loadEntryFacts } from './record-activities.js';
import { definitionById, definitionsById, providerOf, readableRecordTypes } from './record-common.js';
import { type ReferralDetail, referralOfEntry } from './referral-send.js';
import { assertRecordOpen } from './treatment-team.js';

// Historie (seed 001 §5.4, §6.3): everything registered through tasks, newest first, plus the lines of the old
// Journaal (legacy_journal_entry, migration 0007). "Alleen activiteiten waar je toegang tot hebt worden getoond":
// the readable record types are a condition of the SQL itself, so hidden entries are not in the page, the total,
// or the filter lists. An entry's date and author are those of its first publication; its content the newest
// version (older versions through `?version=`).

export const HISTORY_PAGE_SIZE = 25;
export const LEGACY_PREFIX = 'legacy-';
export const LEGACY_FORM_KEY = 'legacy-journal';
export const legacyTitle: LocalText = { nl: 'Journaal (vorig systeem)', en: 'Journal (previous system)' };

export interface HistoryEntry {
  id: string;
  kind: 'form' | 'legacy-journal';
  formKey: string;
  title: LocalText;
  version: number;
  publishedAt: Date;
  author: { accountId: string | null; name: string; role: string | null; roleName: LocalText | null };
  organisationName: string | null;
  canEdit: boolean;
}

export interface HistoryQuery {
  /** Calendar days (Europe/Amsterdam), YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  formKey?: string | undefined;
  authorAccountId?: string | undefined;
  role?: string | undefined;
  page: number;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  total: number;
  page: number;
  pageSize: number;
  filters: {
    tasks: { formKey: string; title: LocalText }[];
    authors: { accountId: string; name: string; role: string }[];
    roles: { code: string; name: LocalText }[];
  };
}

interface ItemRow {
  id: string;
  kind: 'form' | 'legacy-journal';
  form_key: string;
  published_at: Date;
  author_account_id: string | null;
  author_role: string | null;
  organisation_id: string | null;
  record_type: string;
  version: number;
  definition_id: string | null;
  title_nl: string | null;
  title_en: string | null;
  author_name: string;
  role_nl: string | null;
  role_en: string | null;
  organisation_name: string | null;
}

/** Form entries (newest version) and journal lines of one patient in the readable record types, as one relation. */
function items(patientId: string, readable: readonly string[]): RawBuilder<ItemRow> {
  const types = readable.length === 0 ? sql`null` : sql.join(readable.map((type) => sql`${type}`));
  return sql<ItemRow>`(
    select e.id::text as id, 'form' as kind, e.form_key, e.published_at, e.author_account_id::text as author_account_id,
      a.role as author_role, e.organisation_id::text as organisation_id, e.record_type, e.current_version as version,
      r.definition_id::text as definition_id, d.title_nl, d.title_en,
      concat_ws(' ', p.given_name, p.family_name_prefix, p.family_name) as author_name,
      ro.name_nl as role_nl, ro.name_en as role_en, o.name as organisation_name
    from form_entry e
      join form_response r on r.entry_id = e.id and r.version = e.current_version
      join form_definition d on d.id = r.definition_id
      join account a on a.id = e.author_account_id
      join person p on p.id = a.person_id
      join role ro on ro.code = a.role
      join organisation o on o.id = e.organisation_id
    where e.patient_id = ${patientId} and e.record_type in (${types})
    union all
    select ${LEGACY_PREFIX} || j.id::text, 'legacy-journal', ${LEGACY_FORM_KEY}, j.recorded_at, j.author_account_id::text,
      j.author_role, j.organisation_id::text, j.record_type, 1, null, null, null, j.author_name,
      ro.name_nl, ro.name_en, o.name
    from legacy_journal_entry j
      left join role ro on ro.code = j.author_role
      left join organisation o on o.id = j.organisation_id
    where j.patient_id = ${patientId} and j.record_type in (${types})
  )`;
}

function filterCondition(query: HistoryQuery): RawBuilder<boolean> {
  const conditions = [
    sql`(h.published_at at time zone 'Europe/Amsterdam')::date between ${query.from}::date and ${query.to}::date`,
  ];
  if (query.formKey) conditions.push(sql`h.form_key = ${query.formKey}`);
  if (query.authorAccountId) conditions.push(sql`h.author_account_id = ${query.authorAccountId}`);
  if (query.role) conditions.push(sql`h.author_role = ${query.role}`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/** Whether this actor may edit ("Bewerken") the entry: its role starts the form and the policy allows the write. */
async function editableIds(
  trx: Transaction<Database>,
  actor: ProviderActor,
  patientId: string,
  rows: readonly ItemRow[],
  facts: AccessFacts,
): Promise<Set<string>> {
  const forms = rows.filter((row) => row.kind === 'form');
  const definitions = await definitionsById(
    trx,
    forms.map((row) => row.definition_id as string),
  );
  const editable = new Set<string>();
  for (const row of forms) {
    const definition = definitions.get(row.definition_id as string)?.definition;
    if (!definition?.startRoles.includes(actor.role)) continue;
    const decision = can(
      actor,
      'write',
      {
        kind: 'record-entry',
        patientId,
        recordType: row.record_type,
        authorAccountId: row.author_account_id,
        organisationId: row.organisation_id,
      },
      facts,
    );
    if (decision.allow) editable.add(row.id);
  }
  return editable;
}

function toHistoryEntry(row: ItemRow, editable: ReadonlySet<string>): HistoryEntry {
  return {
    id: row.id,
    kind: row.kind,
    formKey: row.form_key,
    title: row.kind === 'form' ? { nl: row.title_nl ?? row.form_key, en: row.title_en ?? row.form_key } : legacyTitle,
    version: row.version,
    publishedAt: new Date(row.published_at),
    author: {
      accountId: row.author_account_id,
      name: row.author_name,
      role: row.author_role,
      roleName: row.role_nl && row.role_en ? { nl: row.role_nl, en: row.role_en } : null,
    },
    organisationName: row.organisation_name,
    canEdit: editable.has(row.id),
  };
}

export async function listHistory(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  query: HistoryQuery,
): Promise<HistoryPage> {
  const actor = providerOf(context);
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'history',
    details: {
      from: query.from,
      to: query.to,
      formKey: query.formKey ?? null,
      authorAccountId: query.authorAccountId ?? null,
      role: query.role ?? null,
      page: query.page,
    },
    auditAfter: (page) => ({ details: { total: page.total, entryIds: page.entries.map((entry) => entry.id) } }),
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const readable = readableRecordTypes(actor, facts);
      const empty: HistoryPage = {
        entries: [],
        total: 0,
        page: query.page,
        pageSize: HISTORY_PAGE_SIZE,
        filters: { tasks: [], authors: [], roles: [] },
      };
      if (readable.length === 0) return empty;
      const relation = items(patientId, readable);
      const where = filterCondition(query);
      const offset = (query.page - 1) * HISTORY_PAGE_SIZE;
      const { rows } = await sql<ItemRow & { total: string }>`
        select h.*, count(*) over () as total from ${relation} h
        where ${where}
        order by h.published_at desc, h.id desc
        limit ${HISTORY_PAGE_SIZE} offset ${offset}`.execute(trx);
      let total = Number(rows[0]?.total ?? 0);
      if (rows.length === 0 && offset > 0) {
        const counted = await sql<{ total: string }>`select count(*) as total from ${relation} h where ${where}`.execute(trx);
        total = Number(counted.rows[0]?.total ?? 0);
      }
      const { rows: options } = await sql<{
        form_key: string;
        title_nl: string | null;
        title_en: string | null;
        author_account_id: string | null;
        author_name: string;
        author_role: string | null;
        role_nl: string | null;
        role_en: string | null;
      }>`select distinct h.form_key, h.title_nl, h.title_en, h.author_account_id, h.author_name, h.author_role, h.role_nl, h.role_en
         from ${relation} h`.execute(trx);
      const tasks = new Map<string, LocalText>();
      const authors = new Map<string, { accountId: string; name: string; role: string }>();
      const roles = new Map<string, LocalText>();
      for (const option of options) {
        if (!tasks.has(option.form_key)) {
          tasks.set(
            option.form_key,
            option.form_key === LEGACY_FORM_KEY
              ? legacyTitle
              : { nl: option.title_nl ?? option.form_key, en: option.title_en ?? option.form_key },
          );
        }
        if (option.author_account_id && option.author_role) {
          authors.set(option.author_account_id, {
            accountId: option.author_account_id,
            name: option.author_name,
            role: option.author_role,
          });
        }
        if (option.author_role && option.role_nl && option.role_en) {
          roles.set(option.author_role, { nl: option.role_nl, en: option.role_en });
        }
      }
      const editable = await editableIds(trx, actor, patientId, rows, facts);
      return {
        entries: rows.map((row) => toHistoryEntry(row, editable)),
        total,
        page: query.page,
        pageSize: HISTORY_PAGE_SIZE,
        filters: {
          tasks: [...tasks]
            .map(([formKey, title]) => ({ formKey, title }))
            .sort((a, b) => a.title.nl.localeCompare(b.title.nl, 'nl')),
          authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
          roles: [...roles].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.nl.localeCompare(b.name.nl, 'nl')),
        },
      };
    },
  });
}

export type HistoryEntryDetail =
  | {
      entry: HistoryEntry;
      questionnaire: Questionnaire;
      response: QuestionnaireResponse;
      versions: { version: number; publishedAt: Date; authorName: string }[];
      /** A "Verwijzing …" entry: where it went, with the details and the letter (issue 7). */
      referral?: ReferralDetail | null;
    }
  | { entry: HistoryEntry; text: string; versions: { version: number; publishedAt: Date; authorName: string }[] };

/** One entry of Historie (the eye): a version of a form entry with its questionnaire, or a journal line. */
export async function readHistoryEntry(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  entryId: string,
  version: number | null,
): Promise<HistoryEntryDetail> {
  const actor = providerOf(context);
  if (entryId.startsWith(LEGACY_PREFIX))
    return readJournalLine(deps, context, actor, patientId, entryId.slice(LEGACY_PREFIX.length));
  if (!/^\d{1,18}$/.test(entryId)) throw AppError.notFound();
  const entry = await loadEntryFacts(deps.db, patientId, entryId);
  if (!entry) throw AppError.notFound();
  const shown = version ?? entry.currentVersion;
  return withPatient(deps, context, patientId, {
    action: 'read',
    target: entryTarget(patientId, entry),
    objectType: 'form-entry',
    objectId: entry.id,
    details: { formKey: entry.formKey, version: shown },
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const readable = readableRecordTypes(actor, facts);
      const { rows } = await sql<ItemRow>`select h.* from ${items(patientId, readable)} h where h.id = ${entry.id}`.execute(trx);
      const row = rows[0];
      if (!row) throw AppError.notFound();
      const versions = await trx
        .selectFrom('form_response as r')
        .innerJoin('account as a', 'a.id', 'r.author_account_id')
        .innerJoin('person as p', 'p.id', 'a.person_id')
        .select([
          'r.version',
          'r.published_at',
          'r.response',
          'r.definition_id',
          'p.given_name',
          'p.family_name_prefix',
          'p.family_name',
        ])
        .where('r.entry_id', '=', entry.id)
        .orderBy('r.version', 'desc')
        .execute();
      const wanted = versions.find((candidate) => candidate.version === shown);
      if (!wanted) throw AppError.notFound();
      const definition = await definitionById(trx, wanted.definition_id);
      const editable = await editableIds(trx, actor, patientId, [row], facts);
      return {
        entry: toHistoryEntry(row, editable),
        questionnaire: definition.definition.questionnaire,
        response: wanted.response as unknown as QuestionnaireResponse,
        versions: versions.map((candidate) => ({
          version: candidate.version,
          publishedAt: candidate.published_at,
          authorName: [candidate.given_name, candidate.family_name_prefix, candidate.family_name].filter(Boolean).join(' '),
        })),
        referral: await referralOfEntry(trx, entry.id),
      };
    },
  });
}

async function readJournalLine(
  deps: PatientDataDependencies,
  context: RequestContext,
  actor: ProviderActor,
  patientId: string,
  lineId: string,
): Promise<HistoryEntryDetail> {
  if (!/^\d{1,18}$/.test(lineId)) throw AppError.notFound();
  const line = await deps.db
    .selectFrom('legacy_journal_entry')
    .select(['id', 'record_type', 'author_account_id', 'organisation_id'])
    .where('id', '=', lineId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  if (!line) throw AppError.notFound();
  return withPatient(deps, context, patientId, {
    action: 'read',
    target: {
      kind: 'record-entry',
      patientId,
      recordType: line.record_type,
      authorAccountId: line.author_account_id,
      organisationId: line.organisation_id,
    },
    objectType: 'legacy-journal-entry',
    objectId: line.id,
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const readable = readableRecordTypes(actor, facts);
      const { rows } = await sql<ItemRow>`select h.* from ${items(patientId, readable)} h
        where h.id = ${LEGACY_PREFIX + line.id}`.execute(trx);
      const row = rows[0];
      if (!row) throw AppError.notFound();
      const text = await trx
        .selectFrom('legacy_journal_entry')
        .select('text')
        .where('id', '=', line.id)
        .executeTakeFirstOrThrow();
      return {
        entry: toHistoryEntry(row, new Set()),
        text: text.text,
        versions: [{ version: 1, publishedAt: new Date(row.published_at), authorName: row.author_name }],
      };
    },
  });
}
