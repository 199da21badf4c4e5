import type { FormDefinition } from '@keten/forms';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { sql } from 'kysely';
import type { RequestContext } from '../access/context.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { entryTarget, loadEntryFacts, mayStart } from './record-activities.js';
import { latestDefinition, providerOf, type StoredDefinition } from './record-common.js';
import { checkDraftReferral, type DraftReferralInput, draftLetterBlobId, dropUnheldLetter } from './referral-draft.js';
import { assertRecordOpen } from './treatment-team.js';

// Concepten (seed 001 §6.1 "Concept opslaan"): unpublished answers, one per account × patient × form (× entry when
// editing), kept on the server so a task can be continued elsewhere. Never in Historie and never shown to anyone but
// the author. Saving is an upsert and validates nothing but the shape, so the web may autosave every few seconds;
// each save is one audit event (`update` of `form-draft`).
//
// A "Verwijzing …" draft also keeps the receiving organisation and the uploaded letter (referral-draft.ts): a save
// with `referral` sets both (null = not chosen / removed), a save without it leaves them as they are. A letter the
// draft no longer holds — replaced, removed, or the draft discarded — is deleted.

interface DraftScope {
  stored: StoredDefinition | null;
  entry: Awaited<ReturnType<typeof loadEntryFacts>> | null;
}

async function scopeOf(
  deps: PatientDataDependencies,
  patientId: string,
  formKey: string,
  entryId: string | null,
): Promise<DraftScope> {
  if (entryId === null) {
    const stored = await deps.db.transaction().execute((trx) => latestDefinition(trx, formKey));
    if (!stored) throw AppError.notFound();
    return { stored, entry: null };
  }
  const entry = await loadEntryFacts(deps.db, patientId, entryId);
  if (!entry || entry.formKey !== formKey) throw AppError.notFound();
  return { stored: null, entry };
}

function targetOf(patientId: string, scope: DraftScope) {
  if (scope.entry) return { action: 'write' as const, target: entryTarget(patientId, scope.entry) };
  return {
    action: 'start' as const,
    target: { kind: 'record-entry' as const, patientId, recordType: scope.stored?.definition.recordType ?? '' },
  };
}

export async function saveDraft(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  formKey: string,
  input: { response: QuestionnaireResponse; entryId: string | null; referral?: DraftReferralInput | null | undefined },
): Promise<{ savedAt: Date }> {
  const actor = providerOf(context);
  const now = deps.clock.now();
  const referral = input.referral ?? null;
  const scope = await scopeOf(deps, patientId, formKey, input.entryId);
  const saved = await withPatient<{ savedAt: Date; droppedLetterBlobId: string | null }>(deps, context, patientId, {
    ...targetOf(patientId, scope),
    objectType: 'form-draft',
    objectId: input.entryId,
    auditAction: 'update',
    details: {
      formKey,
      draft: true,
      ...(referral ? { toOrganisationId: referral.toOrganisationId, letterBlobId: referral.letterBlobId } : {}),
    },
    auditAfter: (saved) => (saved.droppedLetterBlobId ? { details: { droppedLetterBlobId: saved.droppedLetterBlobId } } : {}),
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      let definitionId: string;
      let definition: FormDefinition;
      if (scope.entry) {
        const current = await trx
          .selectFrom('form_definition')
          .select(['id', 'definition'])
          .where('id', '=', scope.entry.currentDefinitionId)
          .executeTakeFirstOrThrow();
        const startRoles = (current.definition as { startRoles?: string[] }).startRoles ?? [];
        if (!startRoles.includes(actor.role)) throw AppError.notFound();
        definitionId = current.id;
        definition = current.definition as unknown as FormDefinition;
      } else {
        const stored = scope.stored as StoredDefinition;
        if (!mayStart(actor, stored.definition, patientId, facts)) throw AppError.notFound();
        definitionId = stored.id;
        definition = stored.definition;
      }
      const key = { patientId, accountId: actor.accountId, formKey, entryId: input.entryId };
      const heldLetter = referral ? await draftLetterBlobId(trx, key) : null;
      if (referral) await checkDraftReferral(trx, actor, definition, input.entryId, referral, heldLetter);
      // Without `referral` an update leaves the draft's organisation and letter as they are.
      const referralUpdate = referral
        ? sql`, referral_to_organisation_id = excluded.referral_to_organisation_id,
            referral_letter_blob_id = excluded.referral_letter_blob_id`
        : sql``;
      await sql`
        insert into form_draft (patient_id, account_id, form_key, entry_id, definition_id, response, saved_at,
          referral_to_organisation_id, referral_letter_blob_id)
        values (${patientId}, ${actor.accountId}, ${formKey}, ${input.entryId}, ${definitionId},
          ${JSON.stringify(input.response)}::jsonb, ${now},
          ${referral?.toOrganisationId ?? null}, ${referral?.letterBlobId ?? null})
        on conflict (account_id, patient_id, form_key, (coalesce(entry_id, 0)))
        do update set response = excluded.response, definition_id = excluded.definition_id,
          saved_at = excluded.saved_at${referralUpdate}`.execute(trx);
      // The letter this draft held before and holds no more (replaced or removed) goes.
      const dropped =
        referral && heldLetter !== referral.letterBlobId && (await dropUnheldLetter(trx, heldLetter)) ? heldLetter : null;
      return { savedAt: now, droppedLetterBlobId: dropped };
    },
  });
  return { savedAt: saved.savedAt };
}

/** "Annuleren" of a draft, or publishing it (record-publish.ts deletes it in its own transaction). */
export async function discardDraft(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  formKey: string,
  entryId: string | null,
): Promise<void> {
  const actor = providerOf(context);
  const scope = await scopeOf(deps, patientId, formKey, entryId);
  await withPatient<string | null>(deps, context, patientId, {
    ...targetOf(patientId, scope),
    objectType: 'form-draft',
    objectId: entryId,
    auditAction: 'delete',
    details: { formKey, draft: true },
    auditAfter: (dropped) => (dropped ? { details: { droppedLetterBlobId: dropped } } : {}),
    async run(trx) {
      const heldLetter = await draftLetterBlobId(trx, { patientId, accountId: actor.accountId, formKey, entryId });
      await trx
        .deleteFrom('form_draft')
        .where('patient_id', '=', patientId)
        .where('account_id', '=', actor.accountId)
        .where('form_key', '=', formKey)
        .where((eb) => (entryId === null ? eb('entry_id', 'is', null) : eb('entry_id', '=', entryId)))
        .execute();
      // A discarded draft keeps no letter reachable.
      return (await dropUnheldLetter(trx, heldLetter)) ? heldLetter : null;
    },
  });
}
