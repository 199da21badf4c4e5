import type { Kysely, Transaction } from 'kysely';
import { auditActorOf } from '../access/context.js';
import {
  type AccessFacts,
  type Action,
  type Allow,
  can,
  loadAccessFacts,
  type RequestContext,
  type Target,
} from '../access/index.js';
import type { AuditAction, JsonObject } from '../audit/audit-event.js';
import { recordAuditEvent } from '../audit/record.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';

// THE way to patient data (style.md §2): every read or change of one patient's data goes through here. It asks
// the policy (access.can) with facts loaded in the same transaction, writes the NEN 7513 audit event in that
// transaction (if the audit write fails, the action fails), and answers a denied read with "not found".

export interface PatientDataDependencies {
  db: Kysely<Database>;
  clock: Clock;
}

export interface PatientOperation<T> {
  action: Action;
  /** The target of the decision; defaults to the patient record itself. */
  target?: Target;
  /** What the audit log records as the object (e.g. `patient-card`, `form-response:12`). */
  objectType: string;
  objectId?: string | null;
  /** The audit action; defaults to `read` for reads and `update` for writes. */
  auditAction?: AuditAction;
  details?: Record<string, string | number | boolean | null>;
  /** The facts (e.g. a new row's id, what changed) known only after `run`, added to the audit event. */
  auditAfter?(value: T): { objectId?: string | null; details?: JsonObject };
  /** `facts` are those the decision was made on, for further decisions within the operation. */
  run(trx: Transaction<Database>, decision: Allow, facts: AccessFacts): Promise<T>;
}

/**
 * Runs one operation on one patient's data for the actor of `context`. Denied → an `access-denied` event is
 * committed and the caller gets 404 (no existence leaks). Allowed → the operation and its audit event commit
 * together, with the decision's reason (e.g. `enrolment`, `referral`) in the log.
 */
export async function withPatient<T>(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  operation: PatientOperation<T>,
): Promise<T> {
  const now = deps.clock.now();
  const target = operation.target ?? { kind: 'patient', patientId };
  const audit = {
    actor: auditActorOf(context.actor),
    patientId,
    objectType: operation.objectType,
    objectId: operation.objectId ?? null,
    ip: context.ip,
    userAgent: context.userAgent,
    sessionRef: context.sessionRef,
    requestId: context.requestId,
  };
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const facts = await loadAccessFacts(trx, context.actor, patientId, now);
    const decision = can(context.actor, operation.action, target, facts);
    if (!decision.allow) {
      await recordAuditEvent(
        trx,
        {
          ...audit,
          action: 'access-denied',
          outcome: 'denied',
          reason: decision.reason,
          details: { attempted: operation.action },
        },
        { now: () => now },
      );
      return { allowed: false as const };
    }
    const value = await operation.run(trx, decision, facts);
    const after = operation.auditAfter?.(value) ?? {};
    await recordAuditEvent(
      trx,
      {
        ...audit,
        ...(after.objectId !== undefined ? { objectId: after.objectId } : {}),
        action: operation.auditAction ?? (operation.action === 'read' ? 'read' : 'update'),
        outcome: 'success',
        reason: decision.reason,
        details: {
          ...(operation.details ?? {}),
          ...(after.details ?? {}),
          ...(decision.groundRef ? { ground: decision.groundRef } : {}),
        },
      },
      { now: () => now },
    );
    return { allowed: true as const, value };
  });
  if (!outcome.allowed) throw AppError.notFound();
  return outcome.value;
}
