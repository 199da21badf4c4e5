import {
  type ActivationCriterion,
  criterionText,
  evaluateActivation,
  type FormDefinition,
  type LocalText,
  type Programme,
} from '@keten/forms';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { Transaction } from 'kysely';
import type { ProviderActor, RequestContext } from '../access/context.js';
import { type AccessFacts, can } from '../access/index.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import {
  definitionById,
  latestDefinition,
  latestDefinitions,
  loadRecordFacts,
  providerOf,
  type StoredDefinition,
} from './record-common.js';
import { type DraftReferral, readDraftReferral } from './referral-draft.js';
import { assertRecordOpen } from './treatment-team.js';

// Activiteiten (seed 001 §5.2, §6.1–6.2) and opening one task: the tasks this role may start for this patient,
// grouped by trajectory, with whether they are active (the activation criteria), used (once-only) and the
// account's draft. docs/clinical-record.md §2.

/** The order of the groups in Activiteiten: general tasks first, then the programmes. */
const programmeOrder: readonly (Programme | null)[] = [
  null,
  'DM2',
  'CVRM',
  'COPD',
  'DIETETIEK',
  'GLI',
  'GGZ',
  'FYSIO',
  'VOETZORG',
];

export interface TaskSummary {
  formKey: string;
  version: number;
  title: LocalText;
  active: boolean;
  unmet: { kind: ActivationCriterion['kind']; text: LocalText }[];
  usedOnce: boolean;
  draft: { savedAt: Date } | null;
}

export interface ActivityGroup {
  programme: Programme | null;
  trajectory: { id: string; startedOn: string; organisationName: string } | null;
  tasks: TaskSummary[];
}

/** May this actor start this form for this patient: the role is one of the form's and may write its record type. */
export function mayStart(actor: ProviderActor, definition: FormDefinition, patientId: string, facts: AccessFacts): boolean {
  if (!definition.startRoles.includes(actor.role)) return false;
  return can(actor, 'start', { kind: 'record-entry', patientId, recordType: definition.recordType }, facts).allow;
}

export function criterionView(criterion: ActivationCriterion): { kind: ActivationCriterion['kind']; text: LocalText } {
  return { kind: criterion.kind, text: { nl: criterionText(criterion, 'nl'), en: criterionText(criterion, 'en') } };
}

export async function listActivities(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
): Promise<{ groups: ActivityGroup[] }> {
  const actor = providerOf(context);
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'activities',
    auditAfter: (result) => ({ details: { tasks: result.groups.reduce((sum, group) => sum + group.tasks.length, 0) } }),
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const definitions = [...(await latestDefinitions(trx)).values()]
        .map((stored) => stored.definition)
        .filter((definition) => mayStart(actor, definition, patientId, facts));
      const recordFacts = await loadRecordFacts(trx, actor, patientId);
      const drafts = await trx
        .selectFrom('form_draft')
        .select(['form_key', 'saved_at'])
        .where('patient_id', '=', patientId)
        .where('account_id', '=', actor.accountId)
        .where('entry_id', 'is', null)
        .execute();
      const draftByKey = new Map(drafts.map((draft) => [draft.form_key, draft.saved_at]));
      const groups = new Map<Programme | null, ActivityGroup>();
      for (const definition of definitions) {
        const evaluation = evaluateActivation(definition, recordFacts.activation);
        const group = groups.get(definition.trajectory) ?? {
          programme: definition.trajectory,
          trajectory: trajectoryView(recordFacts.open.get(definition.trajectory as Programme)),
          tasks: [],
        };
        groups.set(definition.trajectory, group);
        const savedAt = draftByKey.get(definition.key);
        group.tasks.push({
          formKey: definition.key,
          version: definition.version,
          title: definition.title,
          active: evaluation.active,
          unmet: evaluation.unmet.map(criterionView),
          usedOnce: evaluation.usedOnce,
          draft: savedAt ? { savedAt } : null,
        });
      }
      for (const group of groups.values()) group.tasks.sort((a, b) => a.title.nl.localeCompare(b.title.nl, 'nl'));
      return {
        groups: [...groups.values()].sort((a, b) => programmeOrder.indexOf(a.programme) - programmeOrder.indexOf(b.programme)),
      };
    },
  });
}

function trajectoryView(open: { id: string; startedOn: string; organisationName: string } | undefined) {
  return open ? { id: open.id, startedOn: open.startedOn, organisationName: open.organisationName } : null;
}

/** Who wrote an entry, where, of which record type, with which definition — needed for the decision. */
export interface EntryFacts {
  id: string;
  formKey: string;
  recordType: string;
  authorAccountId: string;
  organisationId: string;
  currentVersion: number;
  currentDefinitionId: string;
  trajectoryId: string | null;
}

export async function loadEntryFacts(
  executor: Transaction<Database> | PatientDataDependencies['db'],
  patientId: string,
  entryId: string,
): Promise<EntryFacts | undefined> {
  const row = await executor
    .selectFrom('form_entry as e')
    .innerJoin('form_response as r', (join) => join.onRef('r.entry_id', '=', 'e.id').onRef('r.version', '=', 'e.current_version'))
    .select([
      'e.id',
      'e.form_key',
      'e.record_type',
      'e.author_account_id',
      'e.organisation_id',
      'e.current_version',
      'e.trajectory_id',
      'r.definition_id',
    ])
    .where('e.id', '=', entryId)
    .where('e.patient_id', '=', patientId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    formKey: row.form_key,
    recordType: row.record_type,
    authorAccountId: row.author_account_id,
    organisationId: row.organisation_id,
    currentVersion: row.current_version,
    currentDefinitionId: row.definition_id,
    trajectoryId: row.trajectory_id,
  };
}

export function entryTarget(patientId: string, entry: EntryFacts) {
  return {
    kind: 'record-entry' as const,
    patientId,
    recordType: entry.recordType,
    authorAccountId: entry.authorAccountId,
    organisationId: entry.organisationId,
  };
}

export interface OpenedTask {
  definition: StoredDefinition;
  draft: {
    response: QuestionnaireResponse;
    savedAt: Date;
    definitionVersion: number;
    /** "Verwijzing …" tasks: the organisation and letter the draft kept (referral-draft.ts); null: none chosen. */
    referral: DraftReferral | null;
  } | null;
  entry: { id: string; version: number; response: QuestionnaireResponse } | null;
}

async function selectDraft(
  trx: Transaction<Database>,
  actor: ProviderActor,
  patientId: string,
  formKey: string,
  entryId: string | null,
): Promise<OpenedTask['draft']> {
  const row = await trx
    .selectFrom('form_draft as f')
    .innerJoin('form_definition as d', 'd.id', 'f.definition_id')
    .select(['f.response', 'f.saved_at', 'd.version'])
    .where('f.patient_id', '=', patientId)
    .where('f.account_id', '=', actor.accountId)
    .where('f.form_key', '=', formKey)
    .where((eb) => (entryId === null ? eb('f.entry_id', 'is', null) : eb('f.entry_id', '=', entryId)))
    .executeTakeFirst();
  if (!row) return null;
  return {
    response: row.response as unknown as QuestionnaireResponse,
    savedAt: row.saved_at,
    definitionVersion: row.version,
    referral: await readDraftReferral(trx, { patientId, accountId: actor.accountId, formKey, entryId }),
  };
}

/**
 * The form of a task with the account's draft: a new entry (the newest definition), or "Bewerken" of an entry
 * (`entryId`: the definition version the entry was made with, and its newest answers). 404 when the role may not
 * start the task, or may not edit the entry (another organisation's, policy `not-own-entry`).
 */
export async function openTask(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  formKey: string,
  entryId: string | null,
): Promise<OpenedTask> {
  const actor = providerOf(context);
  if (entryId === null) {
    const stored = await deps.db.transaction().execute((trx) => latestDefinition(trx, formKey));
    if (!stored) throw AppError.notFound();
    return withPatient(deps, context, patientId, {
      action: 'start',
      target: { kind: 'record-entry', patientId, recordType: stored.definition.recordType },
      objectType: 'form-task',
      // Opening a task reads the form and the own draft; the decision is the one for starting/editing.
      auditAction: 'read',
      details: { formKey, version: stored.definition.version },
      async run(trx, _decision, facts) {
        assertRecordOpen(actor, patientId, facts);
        if (!mayStart(actor, stored.definition, patientId, facts)) throw AppError.notFound();
        return { definition: stored, draft: await selectDraft(trx, actor, patientId, formKey, null), entry: null };
      },
    });
  }
  const entry = await loadEntryFacts(deps.db, patientId, entryId);
  if (!entry || entry.formKey !== formKey) throw AppError.notFound();
  return withPatient(deps, context, patientId, {
    action: 'write',
    target: entryTarget(patientId, entry),
    objectType: 'form-task',
    // Opening a task reads the form and the own draft; the decision is the one for starting/editing.
    auditAction: 'read',
    objectId: entry.id,
    details: { formKey, entryId: entry.id },
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const stored = await definitionById(trx, entry.currentDefinitionId);
      if (!stored.definition.startRoles.includes(actor.role)) throw AppError.notFound();
      const current = await trx
        .selectFrom('form_response')
        .select('response')
        .where('entry_id', '=', entry.id)
        .where('version', '=', entry.currentVersion)
        .executeTakeFirstOrThrow();
      return {
        definition: stored,
        draft: await selectDraft(trx, actor, patientId, formKey, entry.id),
        entry: { id: entry.id, version: entry.currentVersion, response: current.response as unknown as QuestionnaireResponse },
      };
    },
  });
}
