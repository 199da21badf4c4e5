import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WerkplekAuth } from '../../auth/routes.js';
import {
  catalogueView,
  exportFormat,
  indicatorParams,
  indicatorPatientsPage,
  indicatorPatientsQuery,
  indicatorsQuery,
  indicatorsView,
  linkedPage,
  linkedQuery,
  regionParams,
  regionQuery,
  regionView,
  trajectoriesPage,
  trajectoriesQuery,
} from './schemas.js';
import {
  type ExportFile,
  exportIndicatorPatients,
  exportIndicators,
  exportLinkedPatients,
  exportRegionReport,
  exportTrajectories,
  indicatorPatients,
  indicatorSummary,
  linkedPatients,
  type ReportsDependencies,
  regionReport,
  reportCatalogue,
  trajectories,
} from './service.js';

function send(reply: FastifyReply, file: ExportFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

export const reportRoutes: FastifyPluginAsync<{ deps: ReportsDependencies; auth: WerkplekAuth }> = async (
  app,
  { deps, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: rapportages'];
  const base = '/api/werkplek/reports';

  routes.get(
    base,
    { schema: { tags, summary: 'The standard reports and indicator definitions', response: { 200: catalogueView } } },
    async (request) => {
      const { context, session } = await auth.requireSession(request);
      return reportCatalogue(deps, { ...context, actor: session.actor });
    },
  );

  // The region (platform administrator): counts per organisation, never patient rows; 404 for everyone else.
  routes.get(
    `${base}/region/:report`,
    {
      schema: {
        tags,
        summary: "The region's counts per organisation (patients, trajectories, indicators); small counts as <5",
        params: regionParams,
        querystring: regionQuery,
        response: { 200: regionView },
      },
    },
    async (request) => {
      const { context, session } = await auth.requireSession(request);
      return regionReport(deps, { ...context, actor: session.actor }, request.params.report, request.query);
    },
  );
  routes.get(
    `${base}/region/:report/export/:format`,
    {
      schema: {
        tags,
        summary: "The region's counts per organisation as Excel or CSV",
        params: regionParams.extend(exportFormat.shape),
        querystring: regionQuery,
      },
    },
    async (request, reply) => {
      const { context, session } = await auth.requireSession(request);
      const file = await exportRegionReport(
        deps,
        { ...context, actor: session.actor },
        request.params.report,
        request.query,
        request.params.format,
      );
      return send(reply, file);
    },
  );

  routes.get(
    `${base}/linked-patients`,
    {
      schema: {
        tags,
        summary: 'Patients linked to my organisation (one page)',
        querystring: linkedQuery,
        response: { 200: linkedPage },
      },
    },
    async (request) => {
      const { context, session } = await auth.requireSession(request);
      return linkedPatients(deps, { ...context, actor: session.actor }, request.query);
    },
  );
  routes.get(
    `${base}/linked-patients/export/:format`,
    {
      schema: {
        tags,
        summary: 'Patients linked to my organisation as Excel or CSV',
        querystring: linkedQuery,
        params: exportFormat,
      },
    },
    async (request, reply) => {
      const { context, session } = await auth.requireSession(request);
      return send(
        reply,
        await exportLinkedPatients(deps, { ...context, actor: session.actor }, request.query, request.params.format),
      );
    },
  );

  routes.get(
    `${base}/trajectories`,
    {
      schema: {
        tags,
        summary: 'Open trajectories per programme: counts and one page of patients',
        querystring: trajectoriesQuery,
        response: { 200: trajectoriesPage },
      },
    },
    async (request) => {
      const { context, session } = await auth.requireSession(request);
      return trajectories(deps, { ...context, actor: session.actor }, request.query);
    },
  );
  routes.get(
    `${base}/trajectories/export/:format`,
    {
      schema: { tags, summary: 'Patients per trajectory as Excel or CSV', querystring: trajectoriesQuery, params: exportFormat },
    },
    async (request, reply) => {
      const { context, session } = await auth.requireSession(request);
      return send(
        reply,
        await exportTrajectories(deps, { ...context, actor: session.actor }, request.query, request.params.format),
      );
    },
  );

  routes.get(
    `${base}/indicators`,
    {
      schema: {
        tags,
        summary: 'Quality indicators: numerator, denominator, percentage',
        querystring: indicatorsQuery,
        response: { 200: indicatorsView },
      },
    },
    async (request) => {
      const { context, session } = await auth.requireSession(request);
      return indicatorSummary(deps, { ...context, actor: session.actor }, request.query);
    },
  );
  routes.get(
    `${base}/indicators/export/:format`,
    { schema: { tags, summary: 'Quality indicators as Excel or CSV', querystring: indicatorsQuery, params: exportFormat } },
    async (request, reply) => {
      const { context, session } = await auth.requireSession(request);
      return send(
        reply,
        await exportIndicators(deps, { ...context, actor: session.actor }, request.query, request.params.format),
      );
    },
  );

  routes.get(
    `${base}/indicators/:code/patients`,
    {
      schema: {
        tags,
        summary: 'The patients behind an indicator (one page)',
        params: indicatorParams,
        querystring: indicatorPatientsQuery,
        response: { 200: indicatorPatientsPage },
      },
    },
    async (request) => {
      const { context, session } = await auth.requireSession(request);
      return indicatorPatients(deps, { ...context, actor: session.actor }, request.params.code, request.query);
    },
  );
  routes.get(
    `${base}/indicators/:code/patients/export/:format`,
    {
      schema: {
        tags,
        summary: 'The patients behind an indicator as Excel or CSV',
        params: indicatorParams.extend(exportFormat.shape),
        querystring: indicatorPatientsQuery,
      },
    },
    async (request, reply) => {
      const { context, session } = await auth.requireSession(request);
      const file = await exportIndicatorPatients(
        deps,
        { ...context, actor: session.actor },
        request.params.code,
        request.query,
        request.params.format,
      );
      return send(reply, file);
    },
  );
};
