import {
  deriveMeasurements,
  evaluateActivation,
  type FormDefinition,
  problemMessage,
  publishableResponse,
  validateResponse,
} from '@keten/forms';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { sql, type Transaction } from 'kysely';
import type { ProviderActor, RequestContext } from '../access/context.js';
import type { Database } from '../db/schema.js';
import { amsterdamDate } from '../domain/amsterdam-time.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { criterionView, type EntryFacts, entryTarget, loadEntryFacts, mayStart } from './record-activities.js';
import {
  definitionById,
  latestDefinition,
  loadRecordFacts,
  providerOf,
  type RecordFacts,
  type StoredDefinition,
} from './record-common.js';
import { applyEffects } from './record-trajectories.js';
import { draftLetterBlobId, draftReferralInput, dropUnheldLetter } from './referral-draft.js';
import { type ReferralInput, sendReferral } from './referral-send.js';
import { assertRecordOpen } from './treatment-team.js';

// Publiceren (seed 001 §6.1, §6.3): one transaction — validate (the same rules as the web form, @keten/forms) →
// drop the answers of disabled questions → entry + version → measurements (record type of the form) → effects
// (start/stop a trajectory) → delete the draft → audit. The request id makes it idempotent: the same request again
// answers what the first one did, also when both arrive at once (the unique index decides, the loser reads back).
//
// Bewerken adds a version to the entry (same organisation: the policy's `not-own-entry`). Every version stays
// readable; the measurements of the replaced version are deleted and derived again from the new one, so
// Monitoring shows each value once, as it is now. Effects run only when an entry is first published: editing a
// "Start traject" entry does not start a second trajectory.
//
// A "Verwijzing …" task sends the organisation and letter of the publish body, or — without `referral` in the body —
// those its draft kept (referral-draft.ts). A letter the draft held but the referral does not use is deleted.

export interface PublishInput {
  response: QuestionnaireResponse;
  requestId: string;
  entryId: string | null;
  /**
   * For a task with the `referral` effect: the receiving organisation and the uploaded letter (issue 7). Absent: those
   * kept in the author's draft of the task.
   */
  referral?: ReferralInput | null;
}

export interface Published {
  entryId: string;
  version: number;
  publishedAt: Date;
}

const REQUEST_ID_INDEX = 'form_response_request_id_key';

export async function publishEntry(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  formKey: string,
  input: PublishInput,
): Promise<Published> {
  const actor = providerOf(context);
  const earlier = await replay(deps, context, patientId, formKey, input.requestId);
  if (earlier) return earlier;
  try {
    return await publishOnce(deps, context, actor, patientId, formKey, input);
  } catch (error) {
    if (isUniqueViolation(error, REQUEST_ID_INDEX)) {
      const winner = await replay(deps, context, patientId, formKey, input.requestId);
      if (winner) return winner;
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, constraint: name, message } = error as { code?: string; constraint?: string; message?: string };
  return code === '23505' && (name === constraint || (message ?? '').includes(constraint));
}

/** The answer of an earlier publish with this request id (audited as a read of that entry), or undefined. */
async function replay(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  formKey: string,
  requestId: string,
): Promise<Published | undefined> {
  const actor = providerOf(context);
  const row = await deps.db
    .selectFrom('form_response as r')
    .innerJoin('form_entry as e', 'e.id', 'r.entry_id')
    .select(['r.entry_id', 'r.version', 'r.published_at', 'r.patient_id', 'r.author_account_id', 'e.form_key'])
    .where('r.request_id', '=', requestId)
    .executeTakeFirst();
  if (!row) return undefined;
  // A request id belongs to one publish of one account; reusing it for something else is a client error.
  if (row.patient_id !== patientId || row.form_key !== formKey || row.author_account_id !== actor.accountId) {
    throw new AppError(409, 'request-id-used', 'form.requestIdUsed.title', 'form.requestIdUsed.detail');
  }
  const entry = (await loadEntryFacts(deps.db, patientId, row.entry_id)) as EntryFacts;
  return withPatient(deps, context, patientId, {
    action: 'read',
    target: entryTarget(patientId, entry),
    objectType: 'form-entry',
    objectId: row.entry_id,
    details: { formKey, version: row.version, repeatedRequest: true },
    run: async () => ({ entryId: row.entry_id, version: row.version, publishedAt: row.published_at }),
  });
}

async function publishOnce(
  deps: PatientDataDependencies,
  context: RequestContext,
  actor: ProviderActor,
  patientId: string,
  formKey: string,
  input: PublishInput,
): Promise<Published> {
  const now = deps.clock.now();
  const editing = input.entryId !== null;
  let stored: StoredDefinition | undefined;
  let entry: EntryFacts | undefined;
  if (input.entryId === null) {
    stored = await deps.db.transaction().execute((trx) => latestDefinition(trx, formKey));
    if (!stored) throw AppError.notFound();
  } else {
    entry = await loadEntryFacts(deps.db, patientId, input.entryId);
    if (!entry || entry.formKey !== formKey) throw AppError.notFound();
  }
  let definitionVersion = stored?.definition.version ?? 0;
  let measurementCount = 0;
  return withPatient(deps, context, patientId, {
    action: editing ? 'write' : 'start',
    target: entry
      ? entryTarget(patientId, entry)
      : { kind: 'record-entry', patientId, recordType: stored?.definition.recordType ?? '' },
    objectType: 'form-entry',
    objectId: entry?.id ?? null,
    auditAction: editing ? 'update' : 'create',
    details: { formKey },
    auditAfter: (published) => ({
      objectId: published.entryId,
      details: { entryVersion: published.version, definitionVersion, measurements: measurementCount },
    }),
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      // One publish per patient at a time: the activation facts (once-only, open trajectories) hold until commit.
      await sql`select id from patient where id = ${patientId} for update`.execute(trx);
      // The draft goes (published answers are no draft); what it kept for a referral is used below when the body
      // brings none, and its letter — now held by nothing but this publish — is checked and attached like any other.
      const draftKey = { patientId, accountId: actor.accountId, formKey, entryId: input.entryId };
      const draftReferral = input.entryId === null && !input.referral ? await draftReferralInput(trx, draftKey) : null;
      const heldLetter = await draftLetterBlobId(trx, draftKey);
      await trx
        .deleteFrom('form_draft')
        .where('patient_id', '=', patientId)
        .where('account_id', '=', actor.accountId)
        .where('form_key', '=', formKey)
        .where((eb) => (input.entryId === null ? eb('entry_id', 'is', null) : eb('entry_id', '=', input.entryId)))
        .execute();
      let definition: StoredDefinition;
      let entryId: string;
      let version: number;
      if (entry) {
        const locked = await trx
          .selectFrom('form_entry')
          .select('current_version')
          .where('id', '=', entry.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        definition = await definitionById(trx, entry.currentDefinitionId);
        if (!definition.definition.startRoles.includes(actor.role)) throw AppError.notFound();
        definitionVersion = definition.definition.version;
        const response = checkedResponse(definition.definition, input.response, now);
        version = locked.current_version + 1;
        entryId = entry.id;
        const responseId = await insertResponse(
          trx,
          actor,
          patientId,
          entryId,
          version,
          definition.id,
          response,
          now,
          input.requestId,
        );
        await trx
          .updateTable('form_entry')
          .set({ current_version: version, updated_at: now })
          .where('id', '=', entryId)
          .execute();
        await trx
          .deleteFrom('measurement')
          .where('patient_id', '=', patientId)
          .where('form_response_id', 'in', (eb) =>
            eb.selectFrom('form_response').select('id').where('entry_id', '=', entryId).where('version', '<', version),
          )
          .execute();
        measurementCount = await insertMeasurements(trx, actor, patientId, definition.definition, response, responseId, now);
      } else {
        definition = stored as StoredDefinition;
        if (!mayStart(actor, definition.definition, patientId, facts)) throw AppError.notFound();
        const recordFacts = await loadRecordFacts(trx, actor, patientId);
        assertActive(definition.definition, recordFacts);
        const response = checkedResponse(definition.definition, input.response, now);
        const trajectoryId = await applyEffects(trx, actor, patientId, definition.definition, recordFacts, now);
        const created = await trx
          .insertInto('form_entry')
          .values({
            patient_id: patientId,
            form_key: formKey,
            record_type: definition.definition.recordType,
            organisation_id: actor.organisationId,
            author_account_id: actor.accountId,
            trajectory_id: trajectoryId,
            published_at: now,
            current_version: 1,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        entryId = created.id;
        version = 1;
        const responseId = await insertResponse(
          trx,
          actor,
          patientId,
          entryId,
          version,
          definition.id,
          response,
          now,
          input.requestId,
        );
        measurementCount = await insertMeasurements(trx, actor, patientId, definition.definition, response, responseId, now);
        await sendReferral(trx, context, actor, {
          patientId,
          definition: definition.definition,
          entryId,
          response,
          input: input.referral ?? draftReferral,
          now,
        });
      }
      // The draft's letter, when the referral went with another one (or none), is held by nothing any more.
      await dropUnheldLetter(trx, heldLetter);
      return { entryId, version, publishedAt: now };
    },
  });
}

/** Refuses a task whose activation criteria do not hold, or a once-only task already used (seed 001 §6.2). */
function assertActive(definition: FormDefinition, recordFacts: RecordFacts): void {
  const evaluation = evaluateActivation(definition, recordFacts.activation);
  if (evaluation.usedOnce) {
    throw new AppError(409, 'task-used', 'form.taskUsed.title', 'form.taskUsed.detail');
  }
  if (!evaluation.active) {
    throw new AppError(
      409,
      'task-inactive',
      'form.taskInactive.title',
      'form.taskInactive.detail',
      [],
      {},
      {
        unmet: evaluation.unmet.map(criterionView),
      },
    );
  }
}

/**
 * The response as it is stored: valid by the form's rules (else 422 naming each question in both languages — the
 * error handler picks the request's), without answers to disabled questions, completed, stamped.
 */
export function checkedResponse(definition: FormDefinition, response: QuestionnaireResponse, now: Date): QuestionnaireResponse {
  const questionnaire = definition.questionnaire;
  const problems = validateResponse(questionnaire, response);
  if (problems.length > 0) {
    throw new AppError(
      422,
      'form-invalid',
      'form.invalid.title',
      'form.invalid.detail',
      problems.map((problem) => ({
        field: problem.linkId,
        key: 'form.answerProblem',
        params: { nl: problemMessage(questionnaire, problem, 'nl'), en: problemMessage(questionnaire, problem, 'en') },
      })),
    );
  }
  return { ...publishableResponse(questionnaire, response), authored: now.toISOString() };
}

async function insertResponse(
  trx: Transaction<Database>,
  actor: ProviderActor,
  patientId: string,
  entryId: string,
  version: number,
  definitionId: string,
  response: QuestionnaireResponse,
  now: Date,
  requestId: string,
): Promise<string> {
  const row = await trx
    .insertInto('form_response')
    .values({
      entry_id: entryId,
      patient_id: patientId,
      version,
      definition_id: definitionId,
      response: JSON.stringify(response),
      author_account_id: actor.accountId,
      organisation_id: actor.organisationId,
      published_at: now,
      request_id: requestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * When a derived value was measured: the form's date (and time, e.g. a day-curve moment) is local time in the
 * Netherlands; a date without a time is the publication time when it is today, else that day's start.
 */
function measuredAt(local: string | null, now: Date) {
  if (local === null || (local.length === 10 && local === amsterdamDate(now))) return now;
  const text = local.length === 10 ? `${local}T00:00` : local;
  return sql<Date>`(${text}::timestamp at time zone 'Europe/Amsterdam')`;
}

async function insertMeasurements(
  trx: Transaction<Database>,
  actor: ProviderActor,
  patientId: string,
  definition: FormDefinition,
  response: QuestionnaireResponse,
  responseId: string,
  now: Date,
): Promise<number> {
  const values = deriveMeasurements(definition, response);
  if (values.length === 0) return 0;
  await trx
    .insertInto('measurement')
    .values(
      values.map((value) => ({
        patient_id: patientId,
        code: value.code,
        value: value.value,
        unit: value.unit,
        measured_at: measuredAt(value.measuredAt, now),
        organisation_id: actor.organisationId,
        source: 'registration',
        form_response_id: responseId,
        record_type: definition.recordType,
      })),
    )
    .execute();
  return values.length;
}
