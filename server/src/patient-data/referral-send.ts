import { type FormDefinition, givenAnswers } from '@keten/forms';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { ExpressionBuilder, Transaction } from 'kysely';
import { auditActorOf, type ProviderActor, type RequestContext } from '../access/context.js';
import { recordAuditEvent } from '../audit/record.js';
import type { Database, OrganisationType } from '../db/schema.js';
import { AppError } from '../http/problem.js';

// Verwijzing versturen (seed 001 §7.2): publishing a "Verwijzing …" task (a form with the `referral` effect) sends
// a referral to the organisation the user chose among those of the effect's type — in the publish transaction: the
// referral row (which the access policy reads as the receiving organisation's ground, reason `referral`) with the
// reason, urgency and contact details from the answers and the uploaded letter, plus its own audit event.

/** What the publish body adds for a referral task: where it goes, and the letter uploaded before (a blob id). */
export interface ReferralInput {
  toOrganisationId: string;
  letterBlobId?: string | null;
}

export function referralEffectOf(definition: FormDefinition) {
  return definition.effects.find((effect) => effect.kind === 'referral');
}

function stringAnswer(response: QuestionnaireResponse, linkId: string): string | null {
  const answer = givenAnswers(response, linkId)[0];
  const value = answer?.valueString ?? answer?.valueCoding?.code ?? null;
  return value === null || value.trim() === '' ? null : value.trim();
}

export function referralRefused(
  field: 'toOrganisationId' | 'letter',
  key: 'referral.organisation.detail' | 'referral.letter.detail',
): AppError {
  const title = field === 'letter' ? 'referral.letter.title' : 'referral.organisation.title';
  return new AppError(422, field === 'letter' ? 'referral-letter' : 'referral-organisation', title, key, [{ field, key }]);
}

/** An upload (the condition on `blob`) that no referral, message or draft holds: free to attach to one of them. */
export function uploadNotHeld(eb: ExpressionBuilder<Database, 'blob'>) {
  return eb.and([
    eb.not(eb.exists(eb.selectFrom('referral').select('referral.id').whereRef('referral.letter_blob_id', '=', 'blob.id'))),
    eb.not(
      eb.exists(
        eb
          .selectFrom('message_attachment')
          .select('message_attachment.blob_id')
          .whereRef('message_attachment.blob_id', '=', 'blob.id'),
      ),
    ),
    eb.not(
      eb.exists(
        eb.selectFrom('form_draft').select('form_draft.id').whereRef('form_draft.referral_letter_blob_id', '=', 'blob.id'),
      ),
    ),
  ]);
}

/** Of these uploads, the ones this account made and nothing holds yet (free to attach); the others are left out. */
export async function ownFreeUploads(
  trx: Transaction<Database>,
  actor: ProviderActor,
  blobIds: readonly string[],
): Promise<string[]> {
  if (blobIds.length === 0) return [];
  const rows = await trx
    .selectFrom('blob')
    .select('id')
    .where('id', 'in', [...blobIds])
    .where('created_by_account_id', '=', actor.accountId)
    .where(uploadNotHeld)
    .execute();
  return rows.map((row) => row.id);
}

/** Checks the input and inserts the referral (first publication only); returns its id, or null for other forms. */
export async function sendReferral(
  trx: Transaction<Database>,
  context: RequestContext,
  actor: ProviderActor,
  change: {
    patientId: string;
    definition: FormDefinition;
    entryId: string;
    response: QuestionnaireResponse;
    input: ReferralInput | null | undefined;
    now: Date;
  },
): Promise<string | null> {
  const { patientId, definition, entryId, response, input, now } = change;
  const effect = referralEffectOf(definition);
  if (!effect) {
    if (input) throw referralRefused('toOrganisationId', 'referral.organisation.detail');
    return null;
  }
  if (!input?.toOrganisationId) throw referralRefused('toOrganisationId', 'referral.organisation.detail');
  const organisation = await trx
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', '=', input.toOrganisationId)
    .where('type', '=', effect.toOrganisationType as OrganisationType)
    .executeTakeFirst();
  if (!organisation) throw referralRefused('toOrganisationId', 'referral.organisation.detail');
  let letterBlobId: string | null = null;
  if (input.letterBlobId) {
    // The publish removed this task's own draft before sending, so a letter that draft kept is free again.
    const [free] = await ownFreeUploads(trx, actor, [input.letterBlobId]);
    if (!free) throw referralRefused('letter', 'referral.letter.detail');
    letterBlobId = free;
  }
  const reason = stringAnswer(response, 'reden') ?? definition.title.nl;
  const row = await trx
    .insertInto('referral')
    .values({
      patient_id: patientId,
      from_account_id: actor.accountId,
      to_organisation_id: organisation.id,
      to_role: effect.toRole ?? null,
      reason,
      created_at: now,
      form_entry_id: entryId,
      urgency: stringAnswer(response, 'urgentie'),
      contact_phone: stringAnswer(response, 'telefoon'),
      contact_email: stringAnswer(response, 'email'),
      contact_availability: stringAnswer(response, 'bereikbaarheid'),
      letter_blob_id: letterBlobId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAuditEvent(
    trx,
    {
      actor: auditActorOf(actor),
      patientId,
      action: 'create',
      objectType: 'referral',
      objectId: row.id,
      outcome: 'success',
      reason: 'referral-sent',
      ip: context.ip,
      userAgent: context.userAgent,
      sessionRef: context.sessionRef,
      requestId: context.requestId,
      details: {
        formKey: definition.key,
        entryId,
        toOrganisationId: organisation.id,
        toRole: effect.toRole ?? null,
        letterBlobId,
      },
    },
    { now: () => now },
  );
  return row.id;
}

/**
 * Marks the unopened referrals of this patient to the actor's organisation (or its parent) — to its role, or to
 * no role — as opened: the Signalen item disappears. In the transaction of the opening (the relationship
 * confirmation, or opening the card), one audit event per referral.
 */
export async function markReferralsOpened(
  trx: Transaction<Database>,
  context: RequestContext,
  actor: ProviderActor,
  patientId: string,
  now: Date,
): Promise<number> {
  const organisations = [actor.organisationId, ...(actor.parentOrganisationId ? [actor.parentOrganisationId] : [])];
  const opened = await trx
    .updateTable('referral')
    .set({ opened_at: now, opened_by_account_id: actor.accountId })
    .where('patient_id', '=', patientId)
    .where('to_organisation_id', 'in', organisations)
    .where('opened_at', 'is', null)
    .where((eb) => eb.or([eb('to_role', 'is', null), eb('to_role', '=', actor.role)]))
    .returning('id')
    .execute();
  for (const referral of opened) {
    await recordAuditEvent(
      trx,
      {
        actor: auditActorOf(actor),
        patientId,
        action: 'update',
        objectType: 'referral',
        objectId: referral.id,
        outcome: 'success',
        reason: 'referral-opened',
        ip: context.ip,
        userAgent: context.userAgent,
        sessionRef: context.sessionRef,
        requestId: context.requestId,
        details: { opened: true },
      },
      { now: () => now },
    );
  }
  return opened.length;
}

export interface ReferralDetail {
  id: string;
  toOrganisation: { id: string; name: string };
  toRole: string | null;
  reason: string;
  urgency: string | null;
  contact: { phone: string | null; email: string | null; availability: string | null };
  letter: { fileName: string; contentType: string; size: number } | null;
  createdAt: Date;
  openedAt: Date | null;
}

/** The referral a published entry sent (Historie's entry view), or null. Read inside the entry's access check. */
export async function referralOfEntry(trx: Transaction<Database>, entryId: string): Promise<ReferralDetail | null> {
  const row = await trx
    .selectFrom('referral as r')
    .innerJoin('organisation as o', 'o.id', 'r.to_organisation_id')
    .leftJoin('blob as b', 'b.id', 'r.letter_blob_id')
    .select([
      'r.id',
      'r.to_organisation_id',
      'o.name as organisation_name',
      'r.to_role',
      'r.reason',
      'r.urgency',
      'r.contact_phone',
      'r.contact_email',
      'r.contact_availability',
      'r.created_at',
      'r.opened_at',
      'b.file_name',
      'b.content_type',
      'b.size_bytes',
    ])
    .where('r.form_entry_id', '=', entryId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    toOrganisation: { id: row.to_organisation_id, name: row.organisation_name },
    toRole: row.to_role,
    reason: row.reason,
    urgency: row.urgency,
    contact: { phone: row.contact_phone, email: row.contact_email, availability: row.contact_availability },
    letter:
      row.file_name && row.content_type && row.size_bytes !== null
        ? { fileName: row.file_name, contentType: row.content_type, size: row.size_bytes }
        : null,
    createdAt: row.created_at,
    openedAt: row.opened_at,
  };
}
