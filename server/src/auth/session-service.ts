import type { Kysely, Transaction } from 'kysely';
import type { ProviderActor } from '../access/context.js';
import { auditActorOf } from '../access/context.js';
import { recordAuditEvent } from '../audit/record.js';
import type { Database, SessionEndReason } from '../db/schema.js';
import {
  endSession,
  findAccountById,
  findEndedSessionReason,
  findOpenSession,
  findOpenSessionWithAccount,
  insertSession,
  touchSession,
} from './repository.js';
import type { AuthDependencies, ClientInfo } from './service-context.js';
import { newToken, sha256 } from './tokens.js';

// Sessions live in the database so app servers stay stateless. The cookie holds a 256-bit random token;
// the table holds its SHA-256. A new token at every login (no fixation, OWASP ASVS V3.2).

export interface ActiveSession {
  actor: ProviderActor;
  /** The stored SHA-256 of the token (not the token). */
  sessionId: string;
  sessionRef: string;
  mustChangePassword: boolean;
  termsAccepted: boolean;
  email: string;
  gebruikersnummer: number;
  roleName: { nl: string; en: string };
  createdAt: Date;
  /** When the session ends if nothing happens (idle limit). */
  idleExpiresAt: Date;
  /** When the session ends regardless (absolute limit). */
  expiresAt: Date;
}

/** The reference the audit log keeps: derived from the stored hash, useless to log in with. */
export function sessionReference(sessionId: string): string {
  return sessionId.slice(0, 16);
}

export async function openSession(
  deps: AuthDependencies,
  trx: Transaction<Database> | Kysely<Database>,
  accountId: string,
  client: ClientInfo,
): Promise<{ token: string; sessionRef: string }> {
  const token = newToken();
  const id = sha256(token);
  const now = deps.clock.now();
  await insertSession(trx, {
    id,
    accountId,
    now,
    expiresAt: new Date(now.getTime() + deps.settings.absoluteHours * 3_600_000),
    ip: client.ip,
    userAgent: client.userAgent,
  });
  return { token, sessionRef: sessionReference(id) };
}

const TOUCH_AFTER_MS = 30_000;

/**
 * The session behind a cookie token, or undefined. Ends it server-side when the idle (seed 001: 3 hours)
 * or absolute limit has passed, or the account was deactivated; a look keeps it alive.
 */
export async function resolveSession(
  deps: AuthDependencies,
  token: string | undefined,
  client: ClientInfo,
): Promise<ActiveSession | undefined> {
  if (!token) return undefined;
  const id = sha256(token);
  const found = await findOpenSessionWithAccount(deps.db, id);
  if (!found) return undefined;
  const { session, account } = found;
  const now = deps.clock.now();
  const idleMs = deps.settings.idleMinutes * 60_000;
  const ending =
    account.state !== 'active'
      ? ('deactivated' as const)
      : now >= session.expires_at
        ? ('expired' as const)
        : now.getTime() - session.last_seen_at.getTime() >= idleMs
          ? ('idle' as const)
          : null;
  if (ending) {
    await deps.db.transaction().execute(async (trx) => {
      await endSession(trx, id, ending, now);
      await recordAuditEvent(
        trx,
        {
          actor: auditActorOf(account.actor),
          action: 'session-expired',
          outcome: 'success',
          reason: ending,
          ip: client.ip,
          userAgent: client.userAgent,
          sessionRef: sessionReference(id),
          requestId: client.requestId,
        },
        { now: () => now },
      );
    });
    return undefined;
  }
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_AFTER_MS) await touchSession(deps.db, id, now);
  return {
    actor: account.actor,
    sessionId: id,
    sessionRef: sessionReference(id),
    mustChangePassword: account.mustChangePassword,
    termsAccepted: account.termsAcceptedAt !== null,
    email: account.email,
    gebruikersnummer: account.gebruikersnummer,
    roleName: { nl: account.roleNameNl, en: account.roleNameEn },
    createdAt: session.created_at,
    idleExpiresAt: new Date(Math.min(now.getTime() + idleMs, session.expires_at.getTime())),
    expiresAt: session.expires_at,
  };
}

/** Why the session behind this token ended (idle, expired, logout…), so the UI can say so; null when unknown. */
export async function sessionEndReason(deps: AuthDependencies, token: string | undefined): Promise<SessionEndReason | null> {
  return token ? findEndedSessionReason(deps.db, sha256(token)) : null;
}

export async function closeSession(deps: AuthDependencies, token: string | undefined, client: ClientInfo): Promise<void> {
  if (!token) return;
  const id = sha256(token);
  const session = await findOpenSession(deps.db, id);
  if (!session) return;
  const account = await findAccountById(deps.db, session.account_id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await endSession(trx, id, 'logout', now);
    if (account) {
      await recordAuditEvent(
        trx,
        {
          actor: auditActorOf(account.actor),
          action: 'logout',
          outcome: 'success',
          ip: client.ip,
          userAgent: client.userAgent,
          sessionRef: sessionReference(id),
          requestId: client.requestId,
        },
        { now: () => now },
      );
    }
  });
}
