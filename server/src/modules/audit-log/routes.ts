import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listedPatientCount } from '../../audit/search.js';
import type { WerkplekAuth } from '../../auth/routes.js';
import type { Clock } from '../../clock.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { requestLanguage } from '../../http/language.js';
import { auditPage, auditQuery } from './schemas.js';
import { browseAuditLog, exportAuditLog } from './service.js';

export const auditLogRoutes: FastifyPluginAsync<{ database: DatabaseHandle; clock: Clock; auth: WerkplekAuth }> = async (
  app,
  { database, clock, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: audit'];

  routes.get(
    '/api/werkplek/audit',
    {
      schema: {
        tags,
        summary: 'Search the audit log (platform: all; GP practice: own accounts)',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const { context, session } = await auth.requireSession(request);
      const page = await browseAuditLog(database.db, clock, { ...context, actor: session.actor }, request.query);
      return {
        ...page,
        events: page.events.map((event) => ({
          id: event.id,
          occurredAt: event.occurredAt.toISOString(),
          actorType: event.actorType,
          actorId: event.actorId,
          actorName: event.actorName,
          actorRole: event.actorRole,
          actorOrganisationName: event.actorOrganisationName,
          patientId: event.patientId,
          // The count only: the ids of the other patients in a listing stay in the log (and the CSV export).
          listedPatientCount: listedPatientCount(event),
          action: event.action,
          objectType: event.objectType,
          objectId: event.objectId,
          outcome: event.outcome,
          reason: event.reason,
          ip: event.ip,
        })),
      };
    },
  );

  routes.get(
    '/api/werkplek/audit.csv',
    {
      schema: {
        tags,
        summary: 'Export the same search as CSV (;-separated, UTF-8 with BOM, for Excel)',
        querystring: auditQuery,
      },
    },
    async (request, reply) => {
      const { context, session } = await auth.requireSession(request);
      const csv = await exportAuditLog(
        database.db,
        clock,
        { ...context, actor: session.actor },
        request.query,
        requestLanguage(request),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="keten-auditlog.csv"')
        .send(csv);
    },
  );
};
