import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { getOrCreateSecret } from './auth/repository.js';
import { registerWerkplekAuthRoutes, type WerkplekAuth } from './auth/routes.js';
import { newToken } from './auth/tokens.js';
import { type Clock, ShiftableClock, systemClock } from './clock.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/connection.js';
import { AppError, sendProblem, toAppError } from './http/problem.js';
import { developmentMailboxRoutes } from './mail/routes.js';
import { auditLogRoutes } from './modules/audit-log/routes.js';
import { clinicalRecordRoutes } from './modules/clinical-record/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { helpdeskRoutes } from './modules/helpdesk/routes.js';
import { hisLaunchRoutes } from './modules/his-launch/routes.js';
import { invoiceRoutes } from './modules/invoices/routes.js';
import { loginPlaceholderRoutes } from './modules/login-placeholder/routes.js';
import { messagesRoutes } from './modules/messages/routes.js';
import { patientRecordRoutes } from './modules/patient-record/routes.js';
import { type InsuranceCheck, vecozoCovSimulator } from './modules/patients/insurance-check.js';
import { patientRoutes } from './modules/patients/routes.js';
import { referralsRoutes } from './modules/referrals/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { settingsRoutes } from './modules/settings/routes.js';
import { testClockRoutes } from './modules/test-clock/routes.js';
import type { StartupState } from './startup-state.js';

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  startup: StartupState;
  logger?: FastifyServerOptions['logger'];
  clock?: Clock;
  /** The insurance-right check; the Vecozo COV simulator unless a real client is given. */
  insuranceCheck?: InsuranceCheck;
  /** Called after mail was queued, so the sender delivers it soon. */
  mailQueued?: () => void;
}

// Paths of the three faces of the web app; anything under them is a client-side route.
const WEB_APP_PREFIXES = ['/werkplek', '/mijn', '/verwijzer'];
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(dependencies: AppDependencies): Promise<FastifyInstance> {
  const { config, database, startup } = dependencies;
  const app = Fastify({
    logger: dependencies.logger ?? false,
    // A load balancer's id is kept when it looks like one; otherwise our own.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    // X-Forwarded-For is believed only from configured proxies; otherwise request.ip is the socket's address.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    ...(config.tls ? { https: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } } : {}),
  }).withTypeProvider<ZodTypeProvider>() as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const tlsInUse = Boolean(config.tls) || config.publicUrl?.startsWith('https://') === true;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // Mantine sets inline style attributes; scripts stay same-origin only.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': tlsInUse ? [] : null,
      },
    },
    hsts: tlsInUse ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Keten API',
        version: '0.1.0',
        description:
          'Keten — regional care platform. Errors are RFC 9457 problem+json in the language of Accept-Language (nl, en).',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header,
  });

  app.setErrorHandler((error, request, reply) => {
    const known = toAppError(error instanceof Error ? error : new Error(String(error)));
    if (known) return sendProblem(reply, known);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, new AppError(500, 'internal', 'error.internal.title', 'error.internal.detail'));
  });

  await app.register(healthRoutes, { database, startup });

  // Cookie signing key shared by every instance through the database.
  await app.register(cookie, { secret: await getOrCreateSecret(database.db, 'cookie-signing', newToken()) });
  const werkplekAuth: WerkplekAuth = registerWerkplekAuthRoutes(
    app,
    {
      db: database.db,
      clock: dependencies.clock ?? systemClock,
      settings: config.session,
      publicBaseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      mailQueued: dependencies.mailQueued ?? (() => undefined),
    },
    { secure: tlsInUse },
  );
  const clock = dependencies.clock ?? systemClock;
  await app.register(auditLogRoutes, { database, clock, auth: werkplekAuth });
  await app.register(settingsRoutes, { database, clock, auth: werkplekAuth });
  await app.register(patientRoutes, {
    deps: { db: database.db, clock, insuranceCheck: dependencies.insuranceCheck ?? vecozoCovSimulator },
    auth: werkplekAuth,
  });
  await app.register(patientRecordRoutes, { deps: { db: database.db, clock }, auth: werkplekAuth });
  await app.register(clinicalRecordRoutes, { deps: { db: database.db, clock }, auth: werkplekAuth });
  await app.register(referralsRoutes, { deps: { db: database.db, clock }, auth: werkplekAuth });
  const messagesDeps = { db: database.db, clock, mailQueued: dependencies.mailQueued ?? (() => undefined) };
  await app.register(messagesRoutes, { deps: messagesDeps, auth: werkplekAuth });
  await app.register(helpdeskRoutes, { deps: messagesDeps, auth: werkplekAuth });
  await app.register(reportRoutes, { deps: { db: database.db, clock }, auth: werkplekAuth });
  await app.register(invoiceRoutes, { deps: { db: database.db, clock }, auth: werkplekAuth });
  await app.register(hisLaunchRoutes, {
    deps: {
      db: database.db,
      clock,
      publicBaseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      rateLimitPerIp: config.session.loginRateLimitPerIp,
    },
    auth: werkplekAuth,
  });
  if (config.nodeEnv === 'test' && clock instanceof ShiftableClock) await app.register(testClockRoutes, { clock });
  await app.register(loginPlaceholderRoutes);
  if (config.nodeEnv !== 'production') await app.register(developmentMailboxRoutes, { db: database.db });

  registerWebApp(app, config.webDistDir);
  return app;
}

function registerWebApp(app: FastifyInstance, distDir: string): void {
  const built = existsSync(path.join(distDir, 'index.html'));
  if (built) {
    // Hashed assets are immutable; index.html must always be revalidated so a new build is picked up.
    app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders: (response, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        response.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isPage =
      request.method === 'GET' &&
      (pathname === '/' || WEB_APP_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)));
    if (!isPage) return sendProblem(reply, AppError.notFound());
    if (!built)
      return sendProblem(reply, new AppError(503, 'web-not-built', 'error.unavailable.title', 'error.webNotBuilt.detail'));
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
