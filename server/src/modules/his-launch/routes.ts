import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { clientInfo, type WerkplekAuth } from '../../auth/routes.js';
import { requestLanguage } from '../../http/language.js';
import { toAppError } from '../../http/problem.js';
import { type HisPage, invalidRequestPage, rateLimitedPage, unexpectedErrorPage } from './pages.js';
import {
  accountLinkResponse,
  accountParams,
  continueResponse,
  launchQuery,
  launchStatusResponse,
  launchTokenParams,
  passwordBody,
  settingsResponse,
  signedLaunchQuery,
  signingSecretResponse,
} from './schemas.js';
import {
  changePracticePassword,
  continueLaunch,
  explainOldAddress,
  type HisLaunchDependencies,
  LAUNCH_PATH,
  type LaunchOutcome,
  launchSigned,
  launchStatus,
  launchWithCredentials,
  OLD_LAUNCH_PATHS,
  readHisSettings,
  regenerateAccountLink,
  regenerateSigningSecret,
  SIGNED_LAUNCH_PATH,
} from './service.js';

function sendPage(reply: FastifyReply, page: HisPage): FastifyReply {
  return reply.code(page.status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page.html);
}

function sendOutcome(reply: FastifyReply, outcome: LaunchOutcome): FastifyReply {
  if (outcome.kind === 'page') return sendPage(reply, outcome.page);
  // 303: the browser follows with a GET, and the HIS's address (with the practice password) is not repeated.
  return reply.header('cache-control', 'no-store').redirect(outcome.location, 303);
}

/** The addresses the HIS opens in a browser: every answer is an HTML page or a redirect, never problem+json. */
const launchPages: FastifyPluginAsync<{ deps: HisLaunchDependencies }> = async (app, { deps }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['his-koppeling'];

  app.setErrorHandler((error, request, reply) => {
    const known = toAppError(error instanceof Error ? error : new Error(String(error)));
    if (known?.status === 429) return sendPage(reply, rateLimitedPage(Number(known.params.minutes ?? 15), request.id));
    if (known && known.status < 500) return sendPage(reply, invalidRequestPage(request.id));
    request.log.error({ err: error }, 'HIS launch failed');
    return sendPage(reply, unexpectedErrorPage(request.id));
  });

  routes.get(
    LAUNCH_PATH,
    {
      schema: {
        tags,
        summary: 'Open Keten from the HIS (TetraHIS fields or a personal MiraHIS link); 303 to /werkplek/his?launch=…',
        querystring: launchQuery,
      },
    },
    async (request, reply) => sendOutcome(reply, await launchWithCredentials(deps, request.query, clientInfo(request))),
  );

  routes.get(
    SIGNED_LAUNCH_PATH,
    {
      schema: {
        tags,
        summary: 'Open Keten from the HIS with an HMAC-signed address (no password); 303 to /werkplek/his?launch=…',
        querystring: signedLaunchQuery,
      },
    },
    async (request, reply) => sendOutcome(reply, await launchSigned(deps, request.query, clientInfo(request))),
  );

  for (const path of OLD_LAUNCH_PATHS) {
    routes.get(
      path,
      {
        schema: {
          tags,
          summary: 'Launch address of the previous version: explains how to update the HIS configuration',
          querystring: launchQuery,
        },
      },
      async (request, reply) => sendPage(reply, await explainOldAddress(deps, request.query, clientInfo(request))),
    );
  }
};

/** The JSON API: the web app continuing a launch, and the practice administrator's settings. */
const launchApi: FastifyPluginAsync<{ deps: HisLaunchDependencies; auth: WerkplekAuth }> = async (app, { deps, auth }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: his-koppeling'];

  routes.get(
    '/api/werkplek/his/launch/:token',
    {
      schema: {
        tags,
        summary: 'Is this launch still usable (before login); reveals nothing about the account',
        params: launchTokenParams,
        response: { 200: launchStatusResponse },
      },
    },
    async (request) => launchStatus(deps, request.params.token),
  );

  routes.post(
    '/api/werkplek/his/launch/:token/continue',
    {
      schema: {
        tags,
        summary: 'Continue a launch as its account: open the patient, or add the patient prefilled from the HIS',
        params: launchTokenParams,
        response: { 200: continueResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return continueLaunch(deps, context, request.params.token);
    },
  );

  routes.get(
    '/api/werkplek/his/settings',
    {
      schema: {
        tags,
        summary: 'HIS link of the practice (praktijkbeheerder): numbers, password state, launch URL, personal accounts',
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return readHisSettings(deps, context, requestLanguage(request));
    },
  );

  routes.put(
    '/api/werkplek/his/settings/password',
    {
      schema: {
        tags,
        summary: 'Set the practice password the HIS sends (praktijkbeheerder)',
        body: passwordBody,
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return changePracticePassword(deps, context, request.body.newPassword, requestLanguage(request));
    },
  );

  routes.post(
    '/api/werkplek/his/settings/accounts/:accountId/link',
    {
      schema: {
        tags,
        summary: 'A new personal MiraHIS link for an account of the practice (shown once; the old one stops working)',
        params: accountParams,
        response: { 200: accountLinkResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return regenerateAccountLink(deps, context, request.params.accountId);
    },
  );

  routes.post(
    '/api/werkplek/his/settings/signing-secret',
    {
      schema: {
        tags,
        summary: 'A new signing secret for signed launches (shown once; the old one stops working)',
        response: { 200: signingSecretResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return regenerateSigningSecret(deps, context);
    },
  );
};

/** The HIS launch (seed 000; docs/his-launch.md). Register in app.ts with the Werkplek auth guard. */
export const hisLaunchRoutes: FastifyPluginAsync<{ deps: HisLaunchDependencies; auth: WerkplekAuth }> = async (
  app,
  { deps, auth },
) => {
  await app.register(launchPages, { deps });
  await app.register(launchApi, { deps, auth });
};
