import type { FormDefinition } from '@keten/forms';
import type { Transaction } from 'kysely';
import type { ProviderActor } from '../access/context.js';
import type { Database, OrganisationType } from '../db/schema.js';
import { ownFreeUploads, type ReferralInput, referralEffectOf, referralRefused, uploadNotHeld } from './referral-send.js';

// The referral part of a "Verwijzing …" draft (migration 0016): the receiving organisation chosen and the letter
// uploaded before — a reference to the stored blob, never a second copy. The draft is its author's alone, so the
// letter is shown only to whoever may read the draft (record-activities.ts reads it inside the task's access check).
// A letter sits in one draft at a time; a letter the draft no longer holds (replaced, removed, the draft discarded,
// or published with another letter) is deleted unless a referral or message holds it, so nothing keeps it reachable.

/** What a draft keeps for its referral; `null` members are not chosen yet. */
export interface DraftReferralInput {
  toOrganisationId: string | null;
  letterBlobId: string | null;
}

export interface DraftReferral {
  toOrganisationId: string | null;
  letter: { id: string; fileName: string; contentType: string; size: number } | null;
}

type DraftKey = { patientId: string; accountId: string; formKey: string; entryId: string | null };

function draftRow(trx: Transaction<Database>, key: DraftKey) {
  return trx
    .selectFrom('form_draft as f')
    .where('f.patient_id', '=', key.patientId)
    .where('f.account_id', '=', key.accountId)
    .where('f.form_key', '=', key.formKey)
    .where((eb) => (key.entryId === null ? eb('f.entry_id', 'is', null) : eb('f.entry_id', '=', key.entryId)));
}

/** The letter a draft holds now (locked until the transaction ends), or null. */
export async function draftLetterBlobId(trx: Transaction<Database>, key: DraftKey): Promise<string | null> {
  const row = await draftRow(trx, key).select('f.referral_letter_blob_id').forUpdate().executeTakeFirst();
  return row?.referral_letter_blob_id ?? null;
}

/** The referral of the own draft as the publish takes it, or null when the draft chose no organisation yet. */
export async function draftReferralInput(trx: Transaction<Database>, key: DraftKey): Promise<ReferralInput | null> {
  const row = await draftRow(trx, key).select(['f.referral_to_organisation_id', 'f.referral_letter_blob_id']).executeTakeFirst();
  if (!row?.referral_to_organisation_id) return null;
  return { toOrganisationId: row.referral_to_organisation_id, letterBlobId: row.referral_letter_blob_id };
}

/** The referral of a draft as the task page shows it (the letter's name, type and size; never its bytes). */
export async function readDraftReferral(trx: Transaction<Database>, key: DraftKey): Promise<DraftReferral | null> {
  const row = await draftRow(trx, key)
    .leftJoin('blob as b', 'b.id', 'f.referral_letter_blob_id')
    .select(['f.referral_to_organisation_id', 'f.referral_letter_blob_id', 'b.file_name', 'b.content_type', 'b.size_bytes'])
    .executeTakeFirst();
  if (!row || (row.referral_to_organisation_id === null && row.referral_letter_blob_id === null)) return null;
  return {
    toOrganisationId: row.referral_to_organisation_id,
    letter:
      row.referral_letter_blob_id && row.file_name && row.content_type && row.size_bytes !== null
        ? { id: row.referral_letter_blob_id, fileName: row.file_name, contentType: row.content_type, size: row.size_bytes }
        : null,
  };
}

/**
 * Checks what a draft save brings for its referral: only a new entry of a referral task has one; the organisation (when
 * chosen) is of the effect's type; the letter (when given and not already this draft's) is the author's own upload
 * that no referral, message or other draft holds. Refusals are the publish's (422 `referral-organisation` /
 * `referral-letter`), so the page shows them at the same fields.
 */
export async function checkDraftReferral(
  trx: Transaction<Database>,
  actor: ProviderActor,
  definition: FormDefinition,
  entryId: string | null,
  input: DraftReferralInput,
  currentLetterBlobId: string | null,
): Promise<void> {
  const effect = referralEffectOf(definition);
  if (!effect || entryId !== null) throw referralRefused('toOrganisationId', 'referral.organisation.detail');
  if (input.toOrganisationId !== null) {
    const organisation = await trx
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', input.toOrganisationId)
      .where('type', '=', effect.toOrganisationType as OrganisationType)
      .executeTakeFirst();
    if (!organisation) throw referralRefused('toOrganisationId', 'referral.organisation.detail');
  }
  if (input.letterBlobId !== null && input.letterBlobId !== currentLetterBlobId) {
    const [free] = await ownFreeUploads(trx, actor, [input.letterBlobId]);
    if (!free) throw referralRefused('letter', 'referral.letter.detail');
  }
}

/**
 * Deletes a letter no draft, referral or message holds any more (replaced, removed, its draft discarded or published
 * with another letter): an abandoned upload must not stay reachable. Returns whether it was deleted.
 */
export async function dropUnheldLetter(trx: Transaction<Database>, blobId: string | null): Promise<boolean> {
  if (blobId === null) return false;
  const deleted = await trx.deleteFrom('blob').where('id', '=', blobId).where(uploadNotHeld).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}
