import { auditActorOf } from '../access/context.js';
import { recordAuditEvent } from '../audit/record.js';
import { AppError } from '../http/problem.js';
import { enqueueMail } from '../mail/outbox-repository.js';
import { verificationCodeMail } from '../mail/templates.js';
import { hashPassword, verifyPassword } from './password.js';
import { enforceRateLimit } from './rate-limit.js';
import {
  type AccountRecord,
  clearFailedLogins,
  findAccountById,
  findAccountByUsername,
  findChallenge,
  insertChallenge,
  registerFailedLogin,
  registerWrongCode,
  useChallenge,
} from './repository.js';
import {
  type AuthDependencies,
  type ClientInfo,
  CODE_MAX_WRONG,
  CODE_VALID_MINUTES,
  RATE_WINDOW_MINUTES,
} from './service-context.js';
import { openSession } from './session-service.js';
import { newToken, newVerificationCode, sameHash, sha256 } from './tokens.js';

// Werkplek login (seed 001 §1): username + password, then a 6-digit code mailed to the account ("Verifieer").
// A browser that verified a code is trusted for 10 hours and is not asked for a code again.

export type LoginResult =
  | { kind: 'session'; sessionToken: string; account: AccountRecord }
  | { kind: 'code-required'; challengeToken: string; maskedEmail: string; codeExpiresAt: Date };

export interface VerifiedLogin {
  sessionToken: string;
  account: AccountRecord;
  trustedUntil: Date;
}

// A real argon2id hash of a random string, so an unknown username costs the same time as a known one.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(newToken());
  return dummyHash;
}

function loginFailed(deps: AuthDependencies): AppError {
  return new AppError(401, 'login-failed', 'auth.loginFailed.title', 'auth.loginFailed.detail', [], {
    maxFailures: deps.settings.maxFailures,
    lockoutMinutes: deps.settings.lockoutMinutes,
  });
}

export async function login(
  deps: AuthDependencies,
  input: { username: string; password: string; trustedAccountIds: ReadonlySet<string> },
  client: ClientInfo,
): Promise<LoginResult> {
  await enforceRateLimit(deps.db, `login:${client.ip}`, deps.settings.loginRateLimitPerIp, RATE_WINDOW_MINUTES, deps.clock.now());
  const account = await findAccountByUsername(deps.db, input.username);
  const passwordOk = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const now = deps.clock.now();
  const audit = {
    ip: client.ip,
    userAgent: client.userAgent,
    requestId: client.requestId,
  };

  if (!account) {
    // The attempted username is not stored: it may be a password typed in the wrong field.
    await deps.db.transaction().execute((trx) =>
      recordAuditEvent(
        trx,
        {
          actor: { type: 'provider', id: null },
          action: 'login-failed',
          outcome: 'failure',
          reason: 'unknown-username',
          ...audit,
        },
        { now: () => now },
      ),
    );
    throw loginFailed(deps);
  }
  const actor = auditActorOf(account.actor);
  const locked = account.lockedUntil !== null && account.lockedUntil > now;
  if (account.state !== 'active' || locked || !account.passwordHash || !passwordOk) {
    const reason = account.state !== 'active' ? 'deactivated' : locked ? 'locked' : 'wrong-password';
    await deps.db.transaction().execute(async (trx) => {
      await recordAuditEvent(trx, { actor, action: 'login-failed', outcome: 'failure', reason, ...audit }, { now: () => now });
      if (reason === 'wrong-password') {
        const lockUntil = new Date(now.getTime() + deps.settings.lockoutMinutes * 60_000);
        const { locked: nowLocked } = await registerFailedLogin(
          trx,
          account.actor.accountId,
          deps.settings.maxFailures,
          lockUntil,
        );
        if (nowLocked) {
          await recordAuditEvent(
            trx,
            { actor, action: 'lockout', outcome: 'success', reason: `until:${lockUntil.toISOString()}`, ...audit },
            { now: () => now },
          );
        }
      }
    });
    throw loginFailed(deps);
  }

  if (input.trustedAccountIds.has(account.actor.accountId)) {
    return deps.db.transaction().execute(async (trx) => {
      await clearFailedLogins(trx, account.actor.accountId);
      const session = await openSession(deps, trx, account.actor.accountId, client);
      await recordAuditEvent(
        trx,
        { actor, action: 'login', outcome: 'success', reason: 'trusted-browser', sessionRef: session.sessionRef, ...audit },
        { now: () => now },
      );
      return { kind: 'session' as const, sessionToken: session.token, account };
    });
  }

  const challengeToken = newToken();
  const code = newVerificationCode();
  const codeExpiresAt = new Date(now.getTime() + CODE_VALID_MINUTES * 60_000);
  const challengeId = sha256(challengeToken);
  await deps.db.transaction().execute(async (trx) => {
    // The code hash is bound to this challenge: the same code in another login attempt is worthless.
    await insertChallenge(trx, {
      id: challengeId,
      accountId: account.actor.accountId,
      codeHash: sha256(`${challengeId}:${code}`),
      now,
      expiresAt: codeExpiresAt,
      ip: client.ip,
    });
    await enqueueMail(trx, verificationCodeMail(client.language, account.email, code, CODE_VALID_MINUTES), now);
    await recordAuditEvent(trx, { actor, action: 'code-sent', outcome: 'success', ...audit }, { now: () => now });
  });
  deps.mailQueued();
  return { kind: 'code-required', challengeToken, maskedEmail: maskEmail(account.email), codeExpiresAt };
}

export async function verifyCode(
  deps: AuthDependencies,
  input: { challengeToken: string | undefined; code: string },
  client: ClientInfo,
): Promise<VerifiedLogin> {
  const now = deps.clock.now();
  await enforceRateLimit(deps.db, `code:${client.ip}`, deps.settings.loginRateLimitPerIp, RATE_WINDOW_MINUTES, now);
  const codeDead = new AppError(400, 'code-invalid', 'error.validation.title', 'auth.codeDead', [
    { field: 'code', key: 'auth.codeDead' },
  ]);
  if (!input.challengeToken) throw codeDead;
  const challengeId = sha256(input.challengeToken);
  const audit = { ip: client.ip, userAgent: client.userAgent, requestId: client.requestId };

  const outcome = await deps.db.transaction().execute(async (trx) => {
    const challenge = await findChallenge(trx, challengeId);
    if (!challenge || challenge.used_at || challenge.expires_at <= now || challenge.wrong_attempts >= CODE_MAX_WRONG)
      return { kind: 'dead' as const };
    const account = await findAccountById(trx, challenge.account_id);
    if (account?.state !== 'active' || (account.lockedUntil && account.lockedUntil > now)) return { kind: 'dead' as const };
    const actor = auditActorOf(account.actor);
    if (!sameHash(challenge.code_hash, sha256(`${challengeId}:${input.code.trim()}`))) {
      const wrong = await registerWrongCode(trx, challengeId);
      const lockUntil = new Date(now.getTime() + deps.settings.lockoutMinutes * 60_000);
      const { locked } = await registerFailedLogin(trx, account.actor.accountId, deps.settings.maxFailures, lockUntil);
      await recordAuditEvent(
        trx,
        { actor, action: 'login-failed', outcome: 'failure', reason: 'wrong-code', ...audit },
        { now: () => now },
      );
      if (locked)
        await recordAuditEvent(
          trx,
          { actor, action: 'lockout', outcome: 'success', reason: `until:${lockUntil.toISOString()}`, ...audit },
          { now: () => now },
        );
      return locked || wrong >= CODE_MAX_WRONG
        ? { kind: 'dead' as const }
        : { kind: 'wrong' as const, remaining: CODE_MAX_WRONG - wrong };
    }
    if (!(await useChallenge(trx, challengeId, now))) return { kind: 'dead' as const };
    await clearFailedLogins(trx, account.actor.accountId);
    const session = await openSession(deps, trx, account.actor.accountId, client);
    await recordAuditEvent(
      trx,
      { actor, action: 'login', outcome: 'success', reason: 'password+email-code', sessionRef: session.sessionRef, ...audit },
      { now: () => now },
    );
    return { kind: 'ok' as const, sessionToken: session.token, account };
  });

  if (outcome.kind === 'dead') throw codeDead;
  if (outcome.kind === 'wrong') {
    throw new AppError(
      400,
      'code-wrong',
      'error.validation.title',
      'auth.codeWrong',
      [{ field: 'code', key: 'auth.codeWrong', params: { remaining: outcome.remaining } }],
      {
        remaining: outcome.remaining,
      },
    );
  }
  return {
    sessionToken: outcome.sessionToken,
    account: outcome.account,
    trustedUntil: new Date(now.getTime() + deps.settings.trustedBrowserHours * 3_600_000),
  };
}

/** "h…s@keten.test": enough to recognise the address, not enough to harvest it. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const visible = local.length <= 2 ? local.slice(0, 1) : `${local.slice(0, 1)}…${local.slice(-1)}`;
  return `${visible}@${domain}`;
}
