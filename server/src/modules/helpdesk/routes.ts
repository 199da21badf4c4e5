import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WerkplekAuth } from '../../auth/routes.js';
import { helpdeskBody, sentResponse } from '../messages/schemas.js';
import type { MessagesDependencies } from '../messages/service.js';
import { article, messageHelpdesk, searchArticles } from './service.js';

const articlesQuery = z.object({ query: z.string().max(200).default('') });
const articlesResponse = z.object({
  articles: z.array(z.object({ slug: z.string(), title: z.string(), excerpt: z.string() })),
});
const articleParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });
const articleResponse = z.object({ slug: z.string(), title: z.string(), markdown: z.string() });

export const helpdeskRoutes: FastifyPluginAsync<{ deps: MessagesDependencies; auth: WerkplekAuth }> = async (
  app,
  { deps, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: helpdesk'];

  routes.get(
    '/api/werkplek/helpdesk/articles',
    {
      schema: {
        tags,
        summary: 'Help articles; with a query: full-text search over title and body (accents and case do not matter)',
        querystring: articlesQuery,
        response: { 200: articlesResponse },
      },
    },
    async (request) => {
      await auth.requireSession(request);
      return { articles: searchArticles(request.query.query) };
    },
  );

  routes.get(
    '/api/werkplek/helpdesk/articles/:slug',
    { schema: { tags, summary: 'One help article as Markdown', params: articleParams, response: { 200: articleResponse } } },
    async (request) => {
      await auth.requireSession(request);
      return article(request.params.slug);
    },
  );

  routes.post(
    '/api/werkplek/helpdesk/messages',
    {
      schema: {
        tags,
        summary: 'A message to the helpdesk of the care group (a thread of kind helpdesk, answered in Berichten)',
        body: helpdeskBody,
        response: { 201: sentResponse },
      },
    },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      return reply.code(201).send(await messageHelpdesk(deps, context, request.body));
    },
  );
};
