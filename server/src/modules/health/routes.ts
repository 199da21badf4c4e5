import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/connection.js';
import { AppError } from '../../http/problem.js';
import type { StartupState } from '../../startup-state.js';
import { databaseReachable } from './repository.js';

const healthResponse = z.object({ status: z.literal('ok'), database: z.literal('ok'), engine: z.enum(['postgres', 'pglite']) });
const readyResponse = z.object({ status: z.literal('ready') });

// Liveness (/health: process up and database reachable) and readiness (/ready: migrated and seeded,
// safe to send users to) are separate so a load balancer does not route to a starting instance.
export const healthRoutes: FastifyPluginAsync<{ database: DatabaseHandle; startup: StartupState }> = async (app, options) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/health',
    { schema: { tags: ['operations'], summary: 'Process is up and the database answers', response: { 200: healthResponse } } },
    async () => {
      if (!(await databaseReachable(options.database.db))) {
        throw new AppError(503, 'database-unavailable', 'error.unavailable.title', 'error.database.detail');
      }
      return { status: 'ok' as const, database: 'ok' as const, engine: options.database.engine };
    },
  );

  routes.get(
    '/ready',
    { schema: { tags: ['operations'], summary: 'Migrated, seeded and accepting users', response: { 200: readyResponse } } },
    async () => {
      const { stage } = options.startup;
      if (stage !== 'ready') {
        throw new AppError(503, 'not-ready', 'error.unavailable.title', 'error.notReady.detail', [], { stage });
      }
      return { status: 'ready' as const };
    },
  );
};
