import { type SqlBool, sql, type Transaction } from 'kysely';
import { auditActorOf, type ProviderActor, type RequestContext } from '../access/context.js';
import { grantAccess } from '../access/index.js';
import { recordAuditEvent } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';

// The account's own treatment relationship (seed 001 §3.2, §5.6: the account joins the Behandelteam), created
// inside a larger change — Overschrijven (§7.1) or Naar jezelf verwijzen (§7.4) — in that change's transaction.

export interface RelationshipChange {
  context: RequestContext;
  actor: ProviderActor;
  patientId: string;
  now: Date;
  /** The policy's reason for the change that creates it. */
  reason: string;
  /** What created it, for the audit details: `transfer`, `self-referral`. */
  via: string;
}

/** Grants the relationship unless the account already has a current one; returns the new ground's id, or null. */
export async function ensureAccountRelationship(trx: Transaction<Database>, change: RelationshipChange): Promise<string | null> {
  const { actor, patientId, now, context } = change;
  const existing = await trx
    .selectFrom('access_ground as g')
    .select('g.id')
    .where('g.patient_id', '=', patientId)
    .where('g.kind', '=', 'treatment-relationship')
    .where('g.grantee_type', '=', 'account')
    .where('g.grantee_id', '=', actor.accountId)
    .where(sql<SqlBool>`g.revoked_at is null and g.valid_from <= ${now} and (g.valid_to is null or g.valid_to > ${now})`)
    .executeTakeFirst();
  if (existing) return null;
  const groundId = await grantAccess(trx, {
    patientId,
    granteeType: 'account',
    granteeId: actor.accountId,
    kind: 'treatment-relationship',
    source: `account:${actor.accountId}`,
    validFrom: now,
  });
  await recordAuditEvent(
    trx,
    {
      actor: auditActorOf(actor),
      patientId,
      action: 'create',
      objectType: 'treatment-relationship',
      objectId: groundId,
      outcome: 'success',
      reason: change.reason,
      ip: context.ip,
      userAgent: context.userAgent,
      sessionRef: context.sessionRef,
      requestId: context.requestId,
      details: { via: change.via },
    },
    { now: () => now },
  );
  return groundId;
}

/**
 * The patient row, locked, when it carries exactly this BSN and birth date. A change that needs no ground before
 * (Overschrijven, Naar jezelf verwijzen) requires the identity the user searched with again, so a guessed id
 * alone never reaches a patient; a mismatch answers "not found".
 */
export async function lockPatientByIdentity(
  trx: Transaction<Database>,
  patientId: string,
  identity: { bsn: string; birthDate: string },
): Promise<void> {
  const patient = await trx
    .selectFrom('patient')
    .select(['id', 'bsn', 'birth_date'])
    .where('id', '=', patientId)
    .forUpdate()
    .executeTakeFirst();
  if (!patient || patient.bsn !== identity.bsn || patient.birth_date !== identity.birthDate) throw AppError.notFound();
}
