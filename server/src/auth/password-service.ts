import { auditActorOf, type ProviderActor } from '../access/context.js';
import { recordAuditEvent } from '../audit/record.js';
import { AppError } from '../http/problem.js';
import { enqueueMail } from '../mail/outbox-repository.js';
import { accountDeactivatedMail, passwordResetMail } from '../mail/templates.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordProblem } from './password-policy.js';
import { enforceRateLimit } from './rate-limit.js';
import {
  consumePasswordReset,
  deactivateAccount,
  endSessionsOfAccount,
  findAccountById,
  findAccountByUsername,
  findPasswordReset,
  insertPasswordReset,
  setPasswordHash,
} from './repository.js';
import { type AuthDependencies, type ClientInfo, RATE_WINDOW_MINUTES, RESET_VALID_MINUTES } from './service-context.js';
import { newToken, sha256 } from './tokens.js';

// "Wachtwoord vergeten?" (seed 001 §1.2), password changes and "Account afmelden".

export const RESET_PAGE_PATH = '/werkplek/wachtwoord-instellen';

/**
 * Sends a single-use link when the username exists and is active. The caller always answers the same,
 * so the response never tells whether a username exists.
 */
export async function requestPasswordReset(deps: AuthDependencies, username: string, client: ClientInfo): Promise<void> {
  const now = deps.clock.now();
  await enforceRateLimit(deps.db, `reset:${client.ip}`, deps.settings.loginRateLimitPerIp, RATE_WINDOW_MINUTES, now);
  const account = await findAccountByUsername(deps.db, username);
  if (account?.state !== 'active') return;
  const token = newToken();
  const link = `${deps.publicBaseUrl}${RESET_PAGE_PATH}?token=${encodeURIComponent(token)}`;
  await deps.db.transaction().execute(async (trx) => {
    await insertPasswordReset(trx, {
      id: sha256(token),
      accountId: account.actor.accountId,
      now,
      expiresAt: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000),
      reason: 'forgotten',
    });
    await enqueueMail(
      trx,
      passwordResetMail(client.language, account.email, account.actor.username, link, RESET_VALID_MINUTES),
      now,
    );
    await recordAuditEvent(
      trx,
      {
        actor: auditActorOf(account.actor),
        action: 'code-sent',
        outcome: 'success',
        reason: 'password-reset-link',
        ip: client.ip,
        userAgent: client.userAgent,
        requestId: client.requestId,
      },
      { now: () => now },
    );
  });
  deps.mailQueued();
}

function rejectWeakPassword(password: string, username: string): void {
  const problem = passwordProblem(password, { username });
  if (problem) throw AppError.validation([{ field: 'newPassword', key: problem }]);
}

/** Sets a new password from a reset link; the link works once, for one hour. All sessions end. */
export async function resetPassword(
  deps: AuthDependencies,
  input: { token: string; newPassword: string },
  client: ClientInfo,
): Promise<void> {
  const now = deps.clock.now();
  await enforceRateLimit(deps.db, `reset:${client.ip}`, deps.settings.loginRateLimitPerIp, RATE_WINDOW_MINUTES, now);
  const invalid = new AppError(400, 'reset-invalid', 'error.validation.title', 'auth.resetInvalid');
  const tokenId = sha256(input.token);
  const pending = await findPasswordReset(deps.db, tokenId);
  if (!pending || pending.used_at || pending.expires_at <= now) throw invalid;
  const account = await findAccountById(deps.db, pending.account_id);
  if (account?.state !== 'active') throw invalid;
  // Check the new password before using up the link, so a refused password does not cost the link.
  rejectWeakPassword(input.newPassword, account.actor.username);
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await consumePasswordReset(trx, tokenId, now))) throw invalid;
    await setPasswordHash(trx, account.actor.accountId, hash, now);
    await endSessionsOfAccount(trx, account.actor.accountId, 'password-changed', now);
    await recordAuditEvent(
      trx,
      {
        actor: auditActorOf(account.actor),
        action: 'password-reset',
        outcome: 'success',
        ip: client.ip,
        userAgent: client.userAgent,
        requestId: client.requestId,
      },
      { now: () => now },
    );
  });
}

/** Changes the password of the logged-in account; asks the current one. Other sessions of the account end. */
export async function changePassword(
  deps: AuthDependencies,
  actor: ProviderActor,
  session: { id: string; ref: string },
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<void> {
  const account = await findAccountById(deps.db, actor.accountId);
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw AppError.validation([{ field: 'currentPassword', key: 'password.currentWrong' }]);
  }
  if (input.currentPassword === input.newPassword)
    throw AppError.validation([{ field: 'newPassword', key: 'password.sameAsCurrent' }]);
  rejectWeakPassword(input.newPassword, actor.username);
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, actor.accountId, hash, now);
    await endSessionsOfAccount(trx, actor.accountId, 'password-changed', now, session.id);
    await recordAuditEvent(
      trx,
      {
        actor: auditActorOf(actor),
        action: 'password-change',
        outcome: 'success',
        sessionRef: session.ref,
        ip: client.ip,
        userAgent: client.userAgent,
        requestId: client.requestId,
      },
      { now: () => now },
    );
  });
}

/** "Account afmelden": the account can no longer log in; every session ends now. */
export async function deregisterAccount(
  deps: AuthDependencies,
  actor: ProviderActor,
  sessionRef: string,
  client: ClientInfo,
): Promise<void> {
  const account = await findAccountById(deps.db, actor.accountId);
  if (!account) throw AppError.notFound();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await deactivateAccount(trx, actor.accountId, now);
    await endSessionsOfAccount(trx, actor.accountId, 'deactivated', now);
    await enqueueMail(trx, accountDeactivatedMail(client.language, account.email, actor.username), now);
    await recordAuditEvent(
      trx,
      {
        actor: auditActorOf(actor),
        action: 'update',
        objectType: 'account',
        objectId: actor.accountId,
        outcome: 'success',
        reason: 'deregistered',
        sessionRef,
        ip: client.ip,
        userAgent: client.userAgent,
        requestId: client.requestId,
      },
      { now: () => now },
    );
  });
  deps.mailQueued();
}
