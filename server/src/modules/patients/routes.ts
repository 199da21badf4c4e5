import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WerkplekAuth } from '../../auth/routes.js';
import {
  cardResponse,
  createdResponse,
  insuranceCheckBody,
  insuranceCheckResponse,
  newPatientBody,
  patientIdParams,
  searchQuery,
  searchResponse,
} from './schemas.js';
import {
  checkInsurance,
  confirmRelationship,
  findPatients,
  openPatientCard,
  type PatientServiceDependencies,
  registerPatient,
} from './service.js';

export const patientRoutes: FastifyPluginAsync<{ deps: PatientServiceDependencies; auth: WerkplekAuth }> = async (
  app,
  { deps, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: patiënten'];

  routes.get(
    '/api/werkplek/patients',
    {
      schema: {
        tags,
        summary: 'Patiënt zoeken: P-ID (numeric part), BSN, birth date dd-mm-jjjj, (part of) family name',
        querystring: searchQuery,
        response: { 200: searchResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return findPatients(deps, context, request.query.q, request.query.page);
    },
  );

  routes.post(
    '/api/werkplek/patients/insurance-check',
    {
      schema: {
        tags,
        summary: 'Insurance-right check (Vecozo COV) at "Volgende stap"',
        body: insuranceCheckBody,
        response: { 200: insuranceCheckResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return checkInsurance(deps, context, request.body);
    },
  );

  routes.post(
    '/api/werkplek/patients',
    {
      schema: {
        tags,
        summary: 'Patiënt toevoegen (GP practices); 409 with the existing patient for a known BSN',
        body: newPatientBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      const created = await registerPatient(deps, context, request.body);
      reply.code(201);
      return created;
    },
  );

  routes.get(
    '/api/werkplek/patients/:patientId',
    {
      schema: {
        tags,
        summary: 'The patient card (Infopaneel), or the treatment relationship to confirm first',
        params: patientIdParams,
        response: { 200: cardResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return openPatientCard(deps, context, request.params.patientId);
    },
  );

  routes.post(
    '/api/werkplek/patients/:patientId/treatment-relationship',
    {
      schema: {
        tags,
        summary: 'Confirm the treatment relationship (logged; joins the Behandelteam)',
        params: patientIdParams,
        response: { 200: cardResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return confirmRelationship(deps, context, request.params.patientId);
    },
  );
};
