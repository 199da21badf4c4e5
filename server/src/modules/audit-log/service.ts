import type { Kysely } from 'kysely';
import { auditActorOf, type ProviderActor, type RequestContext } from '../../access/context.js';
import { mayUse } from '../../access/role-functions.js';
import type { AuditAction } from '../../audit/audit-event.js';
import { recordAuditEvent } from '../../audit/record.js';
import { auditEventsToCsv, searchAuditEvents } from '../../audit/search.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { amsterdamMidnight } from '../../domain/amsterdam-time.js';
import { AppError } from '../../http/problem.js';
import type { AuditQuery } from './schemas.js';

// The audit views (NEN 7513 §5.4, control of the log): the platform administrator searches everything;
// a GP practice sees the audit items of its own accounts (the "ZIO dashboard" audit part, seed 001 §2).
// Looking at the log is itself logged.

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_LIMIT = 10_000;

export type AuditScope = 'platform' | 'practice';

export function auditScopeOf(actor: ProviderActor): AuditScope {
  if (mayUse(actor.role, actor.organisationType, 'audit-platform')) return 'platform';
  if (mayUse(actor.role, actor.organisationType, 'audit-practice')) return 'practice';
  // No existence leaks: a function the role does not have is simply not there.
  throw AppError.notFound();
}

function searchFor(actor: ProviderActor, scope: AuditScope, query: AuditQuery) {
  return {
    patientId: query.patientId,
    actorId: query.accountId,
    organisationId: scope === 'practice' ? actor.organisationId : query.organisationId,
    from: query.from ? amsterdamMidnight(query.from) : undefined,
    to: query.to ? amsterdamMidnight(query.to, 1) : undefined,
    action: query.action as AuditAction | undefined,
  };
}

export async function browseAuditLog(
  db: Kysely<Database>,
  clock: Clock,
  context: RequestContext & { actor: ProviderActor },
  query: AuditQuery,
) {
  const scope = auditScopeOf(context.actor);
  const result = await db.transaction().execute(async (trx) => {
    const found = await searchAuditEvents(trx, {
      ...searchFor(context.actor, scope, query),
      limit: AUDIT_PAGE_SIZE,
      offset: (query.page - 1) * AUDIT_PAGE_SIZE,
    });
    await recordAuditEvent(
      trx,
      {
        ...auditFields(context),
        action: 'read',
        objectType: 'audit-log',
        outcome: 'success',
        reason: `audit-${scope}`,
        patientId: query.patientId ?? null,
        details: { page: query.page },
      },
      { now: () => clock.now() },
    );
    return found;
  });
  return { scope, page: query.page, pageSize: AUDIT_PAGE_SIZE, hasMore: result.hasMore, events: result.events };
}

export async function exportAuditLog(
  db: Kysely<Database>,
  clock: Clock,
  context: RequestContext & { actor: ProviderActor },
  query: AuditQuery,
  language: 'nl' | 'en',
) {
  const scope = auditScopeOf(context.actor);
  return db.transaction().execute(async (trx) => {
    const found = await searchAuditEvents(trx, { ...searchFor(context.actor, scope, query), limit: EXPORT_LIMIT });
    await recordAuditEvent(
      trx,
      {
        ...auditFields(context),
        action: 'export',
        objectType: 'audit-log',
        outcome: 'success',
        reason: `audit-${scope}`,
        patientId: query.patientId ?? null,
        details: { rows: found.events.length },
      },
      { now: () => clock.now() },
    );
    return auditEventsToCsv(found.events, { language });
  });
}

function auditFields(context: RequestContext) {
  return {
    actor: auditActorOf(context.actor),
    ip: context.ip,
    userAgent: context.userAgent,
    sessionRef: context.sessionRef,
    requestId: context.requestId,
  };
}
