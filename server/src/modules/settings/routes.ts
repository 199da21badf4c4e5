import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WerkplekAuth } from '../../auth/routes.js';
import type { Clock } from '../../clock.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { acceptTermsOfUse, MESSAGE_TYPES, readNotificationSettings, updateNotificationSettings } from './service.js';

const messageType = z.enum(MESSAGE_TYPES as [string, ...string[]]).transform((value) => value as (typeof MESSAGE_TYPES)[number]);
const preferences = z.object({ preferences: z.array(z.object({ type: messageType, sendEmail: z.boolean() })).min(1) });
const preferencesResponse = z.object({ preferences: z.array(z.object({ type: z.string(), sendEmail: z.boolean() })) });

export const settingsRoutes: FastifyPluginAsync<{ database: DatabaseHandle; clock: Clock; auth: WerkplekAuth }> = async (
  app,
  { database, clock, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: instellingen'];

  routes.get(
    '/api/werkplek/account/notifications',
    { schema: { tags, summary: 'Which message types also send an email', response: { 200: preferencesResponse } } },
    async (request) => {
      const { session } = await auth.requireSession(request);
      return { preferences: await readNotificationSettings(database.db, session.actor) };
    },
  );

  routes.put(
    '/api/werkplek/account/notifications',
    {
      schema: {
        tags,
        summary: 'Choose which message types also send an email',
        body: preferences,
        response: { 200: preferencesResponse },
      },
    },
    async (request) => {
      const { session } = await auth.requireSession(request);
      return { preferences: await updateNotificationSettings(database.db, session.actor, request.body.preferences) };
    },
  );

  routes.post(
    '/api/werkplek/account/terms',
    { schema: { tags, summary: 'Accept the terms of use', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async (request) => {
      const { session } = await auth.requireSession(request);
      await acceptTermsOfUse(database.db, clock, session.actor);
      return { status: 'ok' as const };
    },
  );
};
