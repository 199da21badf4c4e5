import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RequestContext } from '../access/context.js';
import { werkplekFunctions } from '../access/role-functions.js';
import { requestLanguage } from '../http/language.js';
import { translate } from '../http/messages.js';
import { AppError } from '../http/problem.js';
import {
  type CookiePolicy,
  clearLoginChallengeCookie,
  clearSessionCookie,
  readLoginChallenge,
  readSessionToken,
  setLoginChallengeCookie,
  setSessionCookie,
  setTrustedBrowserCookie,
  trustedAccountIds,
} from './cookies.js';
import { login, verifyCode } from './login-service.js';
import { changePassword, deregisterAccount, requestPasswordReset, resetPassword } from './password-service.js';
import {
  acceptedResponse,
  changePasswordBody,
  deregisterBody,
  forgottenBody,
  loginBody,
  loginResponse,
  okResponse,
  resetBody,
  sessionResponse,
  verifyBody,
} from './schemas.js';
import type { AuthDependencies, ClientInfo } from './service-context.js';
import { type ActiveSession, closeSession, resolveSession, sessionEndReason } from './session-service.js';

export function clientInfo(request: FastifyRequest): ClientInfo {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null,
    language: requestLanguage(request),
    requestId: request.id,
  };
}

function sessionView(session: ActiveSession, request: FastifyRequest, idleMinutes: number) {
  const language = requestLanguage(request);
  return {
    account: {
      id: session.actor.accountId,
      username: session.actor.username,
      name: session.actor.name,
      email: session.email,
      gebruikersnummer: session.gebruikersnummer,
      role: session.actor.role,
      roleName: session.roleName[language],
      personal: session.actor.personal,
      organisation: {
        id: session.actor.organisationId,
        name: session.actor.organisationName,
        type: session.actor.organisationType,
      },
    },
    mustChangePassword: session.mustChangePassword,
    termsAccepted: session.termsAccepted,
    idleTimeoutSeconds: idleMinutes * 60,
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    navigation: werkplekFunctions(session.actor.role, session.actor.organisationType),
  };
}

export interface WerkplekAuth {
  /** The logged-in session and its request context, or a 401 problem. */
  requireSession(
    request: FastifyRequest,
    options?: { allowPendingPasswordChange?: boolean },
  ): Promise<{ session: ActiveSession; context: RequestContext }>;
}

/** Werkplek login, session, password and account routes. Returns the guard other modules use. */
export function registerWerkplekAuthRoutes(app: FastifyInstance, deps: AuthDependencies, cookies: CookiePolicy): WerkplekAuth {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: inloggen'];

  const requireSession: WerkplekAuth['requireSession'] = async (request, options = {}) => {
    const token = readSessionToken(request, cookies);
    const session = await resolveSession(deps, token, clientInfo(request));
    if (!session) {
      // Tell the UI why (idle, expired, logout, …) so it can say "uitgelogd wegens inactiviteit" precisely.
      const reason = await sessionEndReason(deps, token);
      throw new AppError(
        401,
        'session-required',
        'auth.sessionRequired.title',
        'auth.sessionRequired.detail',
        [],
        {},
        { sessionEnded: reason },
      );
    }
    if (session.mustChangePassword && !options.allowPendingPasswordChange) {
      throw new AppError(403, 'password-change-required', 'auth.forbidden.title', 'auth.passwordChangeRequired');
    }
    const info = clientInfo(request);
    return {
      session,
      context: {
        actor: session.actor,
        requestId: request.id,
        ip: info.ip,
        userAgent: info.userAgent,
        sessionRef: session.sessionRef,
      },
    };
  };

  const startSession = (reply: FastifyReply, token: string) => {
    clearLoginChallengeCookie(reply, cookies);
    setSessionCookie(reply, cookies, token);
  };

  routes.post(
    '/api/werkplek/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in with username and password; a code is mailed unless this browser is trusted',
        body: loginBody,
        response: { 200: loginResponse },
      },
    },
    async (request, reply) => {
      const result = await login(
        deps,
        { ...request.body, trustedAccountIds: trustedAccountIds(request, cookies, deps.clock.now()) },
        clientInfo(request),
      );
      if (result.kind === 'code-required') {
        setLoginChallengeCookie(reply, cookies, result.challengeToken, result.codeExpiresAt);
        return {
          status: 'code-required' as const,
          maskedEmail: result.maskedEmail,
          codeExpiresAt: result.codeExpiresAt.toISOString(),
        };
      }
      startSession(reply, result.sessionToken);
      const session = await resolveSession(deps, result.sessionToken, clientInfo(request));
      if (!session) throw new AppError(401, 'session-required', 'auth.sessionRequired.title', 'auth.sessionRequired.detail');
      return { status: 'logged-in' as const, session: sessionView(session, request, deps.settings.idleMinutes) };
    },
  );

  routes.post(
    '/api/werkplek/auth/verify',
    {
      schema: {
        tags,
        summary: 'Verify the emailed code ("Verifieer"); trusts this browser for 10 hours',
        body: verifyBody,
        response: { 200: loginResponse },
      },
    },
    async (request, reply) => {
      const verified = await verifyCode(
        deps,
        { challengeToken: readLoginChallenge(request, cookies), code: request.body.code },
        clientInfo(request),
      );
      startSession(reply, verified.sessionToken);
      if (deps.settings.trustedBrowserHours > 0)
        setTrustedBrowserCookie(reply, cookies, verified.account.actor.accountId, verified.trustedUntil);
      const session = await resolveSession(deps, verified.sessionToken, clientInfo(request));
      if (!session) throw new AppError(401, 'session-required', 'auth.sessionRequired.title', 'auth.sessionRequired.detail');
      return { status: 'logged-in' as const, session: sessionView(session, request, deps.settings.idleMinutes) };
    },
  );

  routes.get(
    '/api/werkplek/auth/session',
    { schema: { tags, summary: 'The current session (also keeps it alive)', response: { 200: sessionResponse } } },
    async (request) => {
      const { session } = await requireSession(request, { allowPendingPasswordChange: true });
      return sessionView(session, request, deps.settings.idleMinutes);
    },
  );

  routes.post(
    '/api/werkplek/auth/logout',
    { schema: { tags, summary: 'Log out (ends the session server-side)', response: { 200: okResponse } } },
    async (request, reply) => {
      await closeSession(deps, readSessionToken(request, cookies), clientInfo(request));
      clearSessionCookie(reply, cookies);
      return { status: 'ok' as const };
    },
  );

  routes.post(
    '/api/werkplek/auth/password-forgotten',
    {
      schema: {
        tags,
        summary: '"Wachtwoord vergeten?": mails a single-use link; same answer for every username',
        body: forgottenBody,
        response: { 202: acceptedResponse },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.username, clientInfo(request));
      reply.code(202);
      return { status: 'accepted' as const, message: translate(requestLanguage(request), 'auth.resetSent') };
    },
  );

  routes.post(
    '/api/werkplek/auth/password-reset',
    {
      schema: { tags, summary: 'Set a new password with the link from the mail', body: resetBody, response: { 200: okResponse } },
    },
    async (request) => {
      await resetPassword(deps, request.body, clientInfo(request));
      return { status: 'ok' as const };
    },
  );

  routes.post(
    '/api/werkplek/account/password',
    {
      schema: {
        tags: ['werkplek: instellingen'],
        summary: 'Change password (asks the current one)',
        body: changePasswordBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      const { session } = await requireSession(request, { allowPendingPasswordChange: true });
      await changePassword(
        deps,
        session.actor,
        { id: session.sessionId, ref: session.sessionRef },
        request.body,
        clientInfo(request),
      );
      return { status: 'ok' as const };
    },
  );

  routes.post(
    '/api/werkplek/account/deregister',
    {
      schema: {
        tags: ['werkplek: instellingen'],
        summary: '"Account afmelden": deactivate the own account',
        body: deregisterBody,
        response: { 200: okResponse },
      },
    },
    async (request, reply) => {
      const { session } = await requireSession(request);
      await deregisterAccount(deps, session.actor, session.sessionRef, clientInfo(request));
      clearSessionCookie(reply, cookies);
      return { status: 'ok' as const };
    },
  );

  return { requireSession };
}
