import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WerkplekAuth } from '../../auth/routes.js';
import {
  activitiesResponse,
  dayCurvesResponse,
  draftBody,
  draftQuery,
  draftSavedResponse,
  entryParams,
  entryQuery,
  historyEntryResponse,
  historyQuery,
  historyResponse,
  monitoringResponse,
  patientParams,
  publishBody,
  publishedResponse,
  seriesQuery,
  seriesResponse,
  taskParams,
  taskQuery,
  taskResponse,
} from './schemas.js';
import {
  activities,
  type ClinicalRecordDependencies,
  dayCurves,
  history,
  historyEntry,
  monitoring,
  publish,
  removeDraft,
  series,
  storeDraft,
  task,
} from './service.js';

// docs/clinical-record.md §2 — exactly the endpoints of the contract's table.
export const clinicalRecordRoutes: FastifyPluginAsync<{ deps: ClinicalRecordDependencies; auth: WerkplekAuth }> = async (
  app,
  { deps, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: dossier (taken, historie, monitoring)'];
  const base = '/api/werkplek/patients/:patientId';

  routes.get(
    `${base}/activities`,
    {
      schema: {
        tags,
        summary: 'Activiteiten: the tasks this role may start, grouped by trajectory, with activation and drafts',
        params: patientParams,
        response: { 200: activitiesResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return activities(deps, context, request.params.patientId);
    },
  );

  routes.get(
    `${base}/tasks/:formKey`,
    {
      schema: {
        tags,
        summary: 'One task: its form (FHIR Questionnaire), the own draft, and with entryId the entry being edited',
        params: taskParams,
        querystring: taskQuery,
        response: { 200: taskResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return task(deps, context, request.params.patientId, request.params.formKey, request.query.entryId);
    },
  );

  routes.put(
    `${base}/tasks/:formKey/draft`,
    {
      schema: {
        tags,
        summary:
          'Concept opslaan (also the autosave): keeps the answers (and for a referral task the organisation and letter) for this account only; no required checks',
        params: taskParams,
        body: draftBody,
        response: { 200: draftSavedResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      const body = request.body as {
        response: QuestionnaireResponse;
        entryId?: string;
        referral?: { toOrganisationId: string | null; letterBlobId: string | null };
      };
      return storeDraft(deps, context, request.params.patientId, request.params.formKey, body);
    },
  );

  routes.delete(
    `${base}/tasks/:formKey/draft`,
    { schema: { tags, summary: 'Discard the own draft of a task', params: taskParams, querystring: draftQuery } },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      await removeDraft(deps, context, request.params.patientId, request.params.formKey, request.query.entryId);
      return reply.code(204).send();
    },
  );

  routes.post(
    `${base}/tasks/:formKey/publish`,
    {
      schema: {
        tags,
        summary:
          'Publiceren: validate, store (a new version with entryId), derive measurements, run the effects; idempotent per requestId',
        params: taskParams,
        body: publishBody,
        response: { 201: publishedResponse },
      },
    },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      const body = request.body as {
        response: QuestionnaireResponse;
        requestId: string;
        entryId?: string;
        referral?: { toOrganisationId: string; letterBlobId?: string | null };
      };
      const published = await publish(deps, context, request.params.patientId, request.params.formKey, body);
      reply.code(201);
      return published;
    },
  );

  routes.get(
    `${base}/history`,
    {
      schema: {
        tags,
        summary: 'Historie: readable entries and old Journaal lines, newest first (default the last 12 months), with filters',
        params: patientParams,
        querystring: historyQuery,
        response: { 200: historyResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return history(deps, context, request.params.patientId, request.query);
    },
  );

  routes.get(
    `${base}/history/:entryId`,
    {
      schema: {
        tags,
        summary: 'One entry (the eye): a version of a form entry with its questionnaire, or an old Journaal line',
        params: entryParams,
        querystring: entryQuery,
        response: { 200: historyEntryResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return historyEntry(deps, context, request.params.patientId, request.params.entryId, request.query.version);
    },
  );

  routes.get(
    `${base}/monitoring`,
    {
      schema: {
        tags,
        summary: 'Monitoring: the measures of readable record types with count, latest value and normal range',
        params: patientParams,
        response: { 200: monitoringResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return monitoring(deps, context, request.params.patientId);
    },
  );

  routes.get(
    `${base}/monitoring/series`,
    {
      schema: {
        tags,
        summary: 'Monitoring: the values of one or more measures over time (table and chart)',
        params: patientParams,
        querystring: seriesQuery,
        response: { 200: seriesResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return series(deps, context, request.params.patientId, request.query.codes);
    },
  );

  routes.get(
    `${base}/day-curves`,
    {
      schema: {
        tags,
        summary: 'Dagcurves: the published glucose day curves; 404 when DM2 was never recorded for the patient',
        params: patientParams,
        response: { 200: dayCurvesResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return dayCurves(deps, context, request.params.patientId);
    },
  );
};
