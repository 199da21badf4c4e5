import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Cookie names get the __Host- prefix over TLS (Secure, path /, no Domain: the browser enforces it).
export interface CookiePolicy {
  secure: boolean;
}

export function cookieName(policy: CookiePolicy, base: string): string {
  return policy.secure ? `__Host-${base}` : base;
}

const SESSION = 'keten_session';
const LOGIN = 'keten_login';
const TRUSTED_PREFIX = 'keten_trusted_';

function baseOptions(policy: CookiePolicy) {
  return { path: '/', httpOnly: true, secure: policy.secure, sameSite: 'lax' as const };
}

export function readSessionToken(request: FastifyRequest, policy: CookiePolicy): string | undefined {
  return request.cookies[cookieName(policy, SESSION)];
}

export function setSessionCookie(reply: FastifyReply, policy: CookiePolicy, token: string): void {
  // A browser-session cookie: the server-side idle and absolute limits decide how long it is worth anything.
  reply.setCookie(cookieName(policy, SESSION), token, baseOptions(policy));
}

export function clearSessionCookie(reply: FastifyReply, policy: CookiePolicy): void {
  reply.clearCookie(cookieName(policy, SESSION), baseOptions(policy));
}

export function readLoginChallenge(request: FastifyRequest, policy: CookiePolicy): string | undefined {
  return request.cookies[cookieName(policy, LOGIN)];
}

export function setLoginChallengeCookie(reply: FastifyReply, policy: CookiePolicy, token: string, expires: Date): void {
  reply.setCookie(cookieName(policy, LOGIN), token, { ...baseOptions(policy), sameSite: 'strict', expires });
}

export function clearLoginChallengeCookie(reply: FastifyReply, policy: CookiePolicy): void {
  reply.clearCookie(cookieName(policy, LOGIN), { ...baseOptions(policy), sameSite: 'strict' });
}

/**
 * Trusted browser (seed 001 §1: no code again within 10 hours, also after closing the browser): one signed
 * cookie per account. The signed value names the account, so renaming a cookie cannot move trust between accounts.
 */
export function setTrustedBrowserCookie(reply: FastifyReply, policy: CookiePolicy, accountId: string, until: Date): void {
  reply.setCookie(cookieName(policy, `${TRUSTED_PREFIX}${accountId}`), `${accountId}:${until.getTime()}`, {
    ...baseOptions(policy),
    signed: true,
    expires: until,
  });
}

export function trustedAccountIds(request: FastifyRequest, policy: CookiePolicy, now: Date): Set<string> {
  const prefix = cookieName(policy, TRUSTED_PREFIX);
  const trusted = new Set<string>();
  for (const [name, raw] of Object.entries(request.cookies)) {
    if (!name.startsWith(prefix) || !raw) continue;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) continue;
    const [accountId, until] = unsigned.value.split(':');
    if (accountId && accountId === name.slice(prefix.length) && Number(until) > now.getTime()) trusted.add(accountId);
  }
  return trusted;
}
