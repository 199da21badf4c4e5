import type { LocalText } from '@keten/forms';
import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { ProviderActor, RequestContext } from '../access/context.js';
import { type AccessFacts, can } from '../access/index.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { entryTarget, loadEntryFacts } from './record-activities.js';
import { definitionById, providerOf, readableRecordTypes } from './record-common.js';
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

/** Which rows of `items` to build: Historie pages fetch the details of the (at most 25) rows shown. */
interface ItemIds {
  formIds: readonly string[];
  legacyIds: readonly string[];
}

function idCondition(column: RawBuilder<unknown>, ids: readonly string[] | undefined): RawBuilder<unknown> {
  if (!ids) return sql`true`;
  if (ids.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(ids.map((id) => sql`${id}::bigint`))})`;
}

/**
 * Form entries (newest version) and journal lines of one patient in the readable record types, as one relation with
 * everything a row shows (titles, names, organisation); `only` restricts it to given rows.
 */
function items(patientId: string, readable: readonly string[], only?: ItemIds): RawBuilder<ItemRow> {
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
    where e.patient_id = ${patientId} and e.record_type in (${types}) and ${idCondition(sql`e.id`, only?.formIds)}
    union all
    select ${LEGACY_PREFIX} || j.id::text, 'legacy-journal', ${LEGACY_FORM_KEY}, j.recorded_at, j.author_account_id::text,
      j.author_role, j.organisation_id::text, j.record_type, 1, null, null, null, j.author_name,
      ro.name_nl, ro.name_en, o.name
    from legacy_journal_entry j
      left join role ro on ro.code = j.author_role
      left join organisation o on o.id = j.organisation_id
    where j.patient_id = ${patientId} and j.record_type in (${types}) and ${idCondition(sql`j.id`, only?.legacyIds)}
  )`;
}

/**
 * The entries Historie pages and counts over, without joins, so the (patient, published_at) indexes serve it: the
 * readable record types, the period as Amsterdam calendar days (as bounds on the timestamp, so the index applies),
 * and the filters.
 */
function entryKeys(patientId: string, readable: readonly string[], query: HistoryQuery): RawBuilder<KeyRow> {
  const types = sql.join(readable.map((type) => sql`${type}`));
  const from = sql`(${query.from}::date::timestamp at time zone 'Europe/Amsterdam')`;
  const until = sql`((${query.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`;
  const form = [sql`e.patient_id = ${patientId}`, sql`e.record_type in (${types})`, sql`e.published_at >= ${from}`];
  const legacy = [sql`j.patient_id = ${patientId}`, sql`j.record_type in (${types})`, sql`j.recorded_at >= ${from}`];
  form.push(sql`e.published_at < ${until}`);
  legacy.push(sql`j.recorded_at < ${until}`);
  if (query.formKey) {
    form.push(sql`e.form_key = ${query.formKey}`);
    if (query.formKey !== LEGACY_FORM_KEY) legacy.push(sql`false`);
  }
  if (query.authorAccountId) {
    form.push(sql`e.author_account_id = ${query.authorAccountId}`);
    legacy.push(sql`j.author_account_id = ${query.authorAccountId}`);
  }
  if (query.role) {
    form.push(sql`exists (select 1 from account a where a.id = e.author_account_id and a.role = ${query.role})`);
    legacy.push(sql`j.author_role = ${query.role}`);
  }
  return sql<KeyRow>`(
    select e.id::text as id, 'form' as kind, e.published_at from form_entry e where ${sql.join(form, sql` and `)}
    union all
    select ${LEGACY_PREFIX} || j.id::text, 'legacy-journal', j.recorded_at from legacy_journal_entry j
    where ${sql.join(legacy, sql` and `)}
  )`;
}

interface KeyRow {
  id: string;
  kind: 'form' | 'legacy-journal';
  published_at: Date;
}

/** The filter choices: every task, author and role among the readable entries (any period), in one query. */
async function filterOptions(
  trx: Transaction<Database>,
  patientId: string,
  readable: readonly string[],
): Promise<HistoryPage['filters']> {
  const types = sql.join(readable.map((type) => sql`${type}`));
  const { rows } = await sql<{
    form_key: string;
    title_nl: string | null;
    title_en: string | null;
    author_account_id: string | null;
    author_name: string | null;
    author_role: string | null;
    role_nl: string | null;
    role_en: string | null;
  }>`
    select k.form_key, d.title_nl, d.title_en, k.author_account_id::text as author_account_id,
      concat_ws(' ', p.given_name, p.family_name_prefix, p.family_name) as author_name, a.role as author_role,
      ro.name_nl as role_nl, ro.name_en as role_en
    from (select distinct form_key, author_account_id from form_entry
          where patient_id = ${patientId} and record_type in (${types})) k
      join account a on a.id = k.author_account_id
      join person p on p.id = a.person_id
      join role ro on ro.code = a.role
      left join lateral (select title_nl, title_en from form_definition
                         where key = k.form_key order by version desc limit 1) d on true
    union all
    select distinct ${LEGACY_FORM_KEY}, null, null, j.author_account_id::text, j.author_name, j.author_role,
      ro.name_nl, ro.name_en
    from legacy_journal_entry j left join role ro on ro.code = j.author_role
    where j.patient_id = ${patientId} and j.record_type in (${types})`.execute(trx);
  const tasks = new Map<string, LocalText>();
  const authors = new Map<string, { accountId: string; name: string; role: string }>();
  const roles = new Map<string, LocalText>();
  for (const row of rows) {
    if (!tasks.has(row.form_key)) {
      tasks.set(
        row.form_key,
        row.form_key === LEGACY_FORM_KEY ? legacyTitle : { nl: row.title_nl ?? row.form_key, en: row.title_en ?? row.form_key },
      );
    }
    if (row.author_account_id && row.author_role && row.author_name) {
      authors.set(row.author_account_id, { accountId: row.author_account_id, name: row.author_name, role: row.author_role });
    }
    if (row.author_role && row.role_nl && row.role_en) roles.set(row.author_role, { nl: row.role_nl, en: row.role_en });
  }
  return {
    tasks: [...tasks].map(([formKey, title]) => ({ formKey, title })).sort((a, b) => a.title.nl.localeCompare(b.title.nl, 'nl')),
    authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    roles: [...roles].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.nl.localeCompare(b.name.nl, 'nl')),
  };
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
  const ids = [...new Set(forms.map((row) => row.definition_id as string))];
  // Only the start roles of the definitions (the stored JSON is large; this runs for every Historie page).
  const startRoles = new Map(
    ids.length === 0
      ? []
      : (
          await trx
            .selectFrom('form_definition as d')
            .select(['d.id', sql<string[]>`d.definition->'startRoles'`.as('start_roles')])
            .where('d.id', 'in', ids)
            .execute()
        ).map((row) => [row.id, row.start_roles]),
  );
  const editable = new Set<string>();
  for (const row of forms) {
    if (!startRoles.get(row.definition_id as string)?.includes(actor.role)) continue;
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
      const keys = entryKeys(patientId, readable, query);
      const offset = (query.page - 1) * HISTORY_PAGE_SIZE;
      // The page first (keys only), then the details of the rows shown, the total and the filter choices.
      // The page first (keys only, with the total), then the details of the rows shown and the filter choices.
      const { rows: page } = await sql<KeyRow & { total: string }>`select h.id, h.kind, count(*) over () as total from ${keys} h
        order by h.published_at desc, h.id desc limit ${HISTORY_PAGE_SIZE} offset ${offset}`.execute(trx);
      const only: ItemIds = {
        formIds: page.filter((row) => row.kind === 'form').map((row) => row.id),
        legacyIds: page.filter((row) => row.kind === 'legacy-journal').map((row) => row.id.slice(LEGACY_PREFIX.length)),
      };
      const details =
        page.length === 0 ? { rows: [] } : await sql<ItemRow>`select h.* from ${items(patientId, readable, only)} h`.execute(trx);
      const filters = await filterOptions(trx, patientId, readable);
      // Past the last page the window had no row to count on.
      const total =
        page.length > 0
          ? Number(page[0]?.total)
          : Number((await sql<{ total: string }>`select count(*) as total from ${keys} h`.execute(trx)).rows[0]?.total ?? 0);
      const byId = new Map(details.rows.map((row) => [row.id, row]));
      const rows = page.flatMap((key) => byId.get(key.id) ?? []);
      const editable = await editableIds(trx, actor, patientId, rows, facts);
      return {
        entries: rows.map((row) => toHistoryEntry(row, editable)),
        total,
        page: query.page,
        pageSize: HISTORY_PAGE_SIZE,
        filters,
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
