import { type Expression, type SqlBool, sql, type Transaction } from 'kysely';
import type { ProviderActor, RequestContext } from '../access/context.js';
import { type AccessFacts, can, type RecordEntryTarget } from '../access/index.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { assertRecordOpen } from './treatment-team.js';

// Memo's (seed 001 §5.7): "Persoonlijke notities die niet zichtbaar zijn in de Historie van de patiënt, maar alleen
// voor jezelf of voor je praktijk." A personal memo is read by its author only; a practice memo by every account of
// the author's organisation that may open the record. Only the author edits or deletes (soft: the row stays).
// The policy's `private-memo` rule decides for one memo; lists apply the same rule as SQL and check each row again.

export type MemoVisibility = 'personal' | 'practice';

export interface Memo {
  id: string;
  text: string;
  visibility: MemoVisibility;
  author: { accountId: string; name: string; role: { code: string; nl: string; en: string } };
  organisation: { id: string; name: string };
  createdAt: Date;
  updatedAt: Date;
  /** The viewer wrote it, so may edit and delete it. */
  mine: boolean;
}

export interface MemoInput {
  text: string;
  visibility: MemoVisibility;
}

function providerOf(context: RequestContext): ProviderActor {
  // Memos belong to the Werkplek; the portals never see them (policy: `portalUserRight`).
  if (context.actor.kind !== 'provider') throw AppError.notFound();
  return context.actor;
}

function audienceOf(visibility: MemoVisibility): 'author' | 'organisation' {
  return visibility === 'practice' ? 'organisation' : 'author';
}

function memoTarget(
  patientId: string,
  memo: { author_account_id: string; organisation_id: string; visibility: MemoVisibility },
): RecordEntryTarget {
  return {
    kind: 'record-entry',
    patientId,
    recordType: 'memo',
    authorAccountId: memo.author_account_id,
    organisationId: memo.organisation_id,
    audience: audienceOf(memo.visibility),
  };
}

/** The SQL form of the `private-memo` rule for reading: my own memos, and practice memos of my organisation. */
function readableMemoCondition(actor: ProviderActor): Expression<SqlBool> {
  return sql<SqlBool>`(m.author_account_id = ${actor.accountId}
    or (m.visibility = 'practice' and m.organisation_id = ${actor.organisationId}))`;
}

function selectMemos(trx: Transaction<Database>, patientId: string) {
  return trx
    .selectFrom('memo as m')
    .innerJoin('account as a', 'a.id', 'm.author_account_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('role as r', 'r.code', 'a.role')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.text',
      'm.visibility',
      'm.author_account_id',
      'm.organisation_id',
      'm.created_at',
      'm.updated_at',
      'p.given_name',
      'p.family_name_prefix',
      'p.family_name',
      'a.role',
      'r.name_nl as role_nl',
      'r.name_en as role_en',
      'o.name as organisation_name',
    ])
    .where('m.patient_id', '=', patientId)
    .where('m.deleted_at', 'is', null);
}

type MemoRow = Awaited<ReturnType<ReturnType<typeof selectMemos>['execute']>>[number];

function toMemo(row: MemoRow, actor: ProviderActor): Memo {
  return {
    id: row.id,
    text: row.text,
    visibility: row.visibility,
    author: {
      accountId: row.author_account_id,
      name: [row.given_name, row.family_name_prefix, row.family_name].filter(Boolean).join(' '),
      role: { code: row.role, nl: row.role_nl, en: row.role_en },
    },
    organisation: { id: row.organisation_id, name: row.organisation_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    mine: row.author_account_id === actor.accountId,
  };
}

function readable(actor: ProviderActor, patientId: string, row: MemoRow, facts: AccessFacts): boolean {
  return can(actor, 'read', memoTarget(patientId, row), facts).allow;
}

/** The Memo's tab: the memos this account may read, newest first; one audit event per request. */
export async function listMemos(deps: PatientDataDependencies, context: RequestContext, patientId: string): Promise<Memo[]> {
  const actor = providerOf(context);
  return withPatient(deps, context, patientId, {
    action: 'read',
    // "May I read my organisation's memos here": the role's memo right, a ground, and the entry rule.
    target: {
      kind: 'record-entry',
      patientId,
      recordType: 'memo',
      organisationId: actor.organisationId,
      audience: 'organisation',
    },
    objectType: 'memo',
    auditAfter: (memos) => ({ details: { count: memos.length, memoIds: memos.map((memo) => memo.id) } }),
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const rows = await selectMemos(trx, patientId)
        .where(readableMemoCondition(actor))
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc')
        .execute();
      return rows.filter((row) => readable(actor, patientId, row, facts)).map((row) => toMemo(row, actor));
    },
  });
}

export async function createMemo(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  input: MemoInput,
): Promise<Memo> {
  const actor = providerOf(context);
  const now = deps.clock.now();
  return withPatient(deps, context, patientId, {
    action: 'start',
    target: { kind: 'record-entry', patientId, recordType: 'memo' },
    objectType: 'memo',
    auditAction: 'create',
    details: { visibility: input.visibility },
    auditAfter: (memo) => ({ objectId: memo.id }),
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const created = await trx
        .insertInto('memo')
        .values({
          patient_id: patientId,
          author_account_id: actor.accountId,
          organisation_id: actor.organisationId,
          visibility: input.visibility,
          text: input.text,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = await selectMemos(trx, patientId).where('m.id', '=', created.id).executeTakeFirstOrThrow();
      return toMemo(row, actor);
    },
  });
}

/** Who wrote a memo and for whom — needed for the decision, before the memo itself is read. */
async function memoFacts(deps: PatientDataDependencies, patientId: string, memoId: string) {
  const memo = await deps.db
    .selectFrom('memo')
    .select(['author_account_id', 'organisation_id', 'visibility'])
    .where('id', '=', memoId)
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!memo) throw AppError.notFound();
  return memo;
}

export async function updateMemo(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  memoId: string,
  input: MemoInput,
): Promise<Memo> {
  const actor = providerOf(context);
  const now = deps.clock.now();
  const memo = await memoFacts(deps, patientId, memoId);
  return withPatient(deps, context, patientId, {
    action: 'write',
    target: memoTarget(patientId, memo),
    objectType: 'memo',
    objectId: memoId,
    details: { visibility: input.visibility },
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const updated = await trx
        .updateTable('memo')
        .set({ text: input.text, visibility: input.visibility, updated_at: now })
        .where('id', '=', memoId)
        .where('patient_id', '=', patientId)
        .where('author_account_id', '=', actor.accountId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw AppError.notFound();
      const row = await selectMemos(trx, patientId).where('m.id', '=', memoId).executeTakeFirstOrThrow();
      return toMemo(row, actor);
    },
  });
}

/** Soft delete: the memo disappears from the tab; the row (and the log) keep what was there. */
export async function deleteMemo(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  memoId: string,
): Promise<void> {
  const actor = providerOf(context);
  const now = deps.clock.now();
  const memo = await memoFacts(deps, patientId, memoId);
  await withPatient(deps, context, patientId, {
    action: 'write',
    target: memoTarget(patientId, memo),
    objectType: 'memo',
    objectId: memoId,
    auditAction: 'delete',
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const deleted = await trx
        .updateTable('memo')
        .set({ deleted_at: now })
        .where('id', '=', memoId)
        .where('patient_id', '=', patientId)
        .where('author_account_id', '=', actor.accountId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (deleted.numUpdatedRows === 0n) throw AppError.notFound();
    },
  });
}
