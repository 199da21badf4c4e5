import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WerkplekAuth } from '../../auth/routes.js';
import { editablePersonaliaGroups, type PersonaliaGroup, type PersonaliaGroupValues } from '../../patient-data/personalia.js';
import {
  memoBody,
  memoParams,
  memoResponse,
  memosResponse,
  patientParams,
  personaliaBodies,
  personaliaResponse,
  pharmaciesResponse,
  selfReferralBody,
  selfReferralResponse,
  teamResponse,
  transferBody,
  transferResponse,
} from './schemas.js';
import {
  addMemo,
  changeMemo,
  memos,
  openPersonalia,
  type PatientRecordDependencies,
  pharmacies,
  referToSelf,
  removeMemo,
  savePersonaliaGroup,
  transfer,
  treatmentTeam,
} from './service.js';

const groupNames: Record<PersonaliaGroup, string> = {
  names: 'Naamgegevens',
  birth: 'Geboorte, geslacht en nationaliteit',
  address: 'Adres',
  contact: 'Contactgegevens',
  insurance: 'Verzekering',
  pharmacy: 'Apotheek',
};

export const patientRecordRoutes: FastifyPluginAsync<{ deps: PatientRecordDependencies; auth: WerkplekAuth }> = async (
  app,
  { deps, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: patiëntdossier'];
  const base = '/api/werkplek/patients/:patientId';

  routes.post(
    `${base}/transfer`,
    {
      schema: {
        tags,
        summary: 'Overschrijven (GP practices): enrol the patient at the own practice; the old enrolment ends today',
        params: patientParams,
        body: transferBody,
        response: { 200: transferResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return transfer(deps, context, request.params.patientId, { bsn: request.body.bsn, birthDate: request.body.birthDate });
    },
  );

  routes.post(
    `${base}/self-referral`,
    {
      schema: {
        tags,
        summary:
          'Naar jezelf verwijzen (chain partners): after finding the patient by BSN and birth date, refer the patient to ' +
          'the own organisation and confirm the treatment relationship',
        params: patientParams,
        body: selfReferralBody,
        response: { 200: selfReferralResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return referToSelf(deps, context, request.params.patientId, { bsn: request.body.bsn, birthDate: request.body.birthDate });
    },
  );

  routes.get(
    `${base}/personalia`,
    {
      schema: {
        tags,
        summary: 'Personalia per group, the enrolment history, and which groups this account may edit',
        params: patientParams,
        response: { 200: personaliaResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return openPersonalia(deps, context, request.params.patientId);
    },
  );

  const patchGroup = <G extends PersonaliaGroup>(group: G) =>
    routes.patch(
      `${base}/personalia/${group}`,
      {
        schema: {
          tags,
          summary: `Personalia: save the group "${groupNames[group]}" as a whole (the pencil); the BSN is not editable`,
          params: patientParams,
          body: personaliaBodies[group],
          response: { 200: personaliaResponse },
        },
      },
      async (request) => {
        const { context } = await auth.requireSession(request);
        const body = request.body as PersonaliaGroupValues[G] & { bsn?: undefined };
        return savePersonaliaGroup(deps, context, request.params.patientId, group, body);
      },
    );
  for (const group of editablePersonaliaGroups) patchGroup(group);

  routes.get(
    '/api/werkplek/pharmacies',
    { schema: { tags, summary: 'Pharmacies to choose from in Personalia', response: { 200: pharmaciesResponse } } },
    async (request) => {
      await auth.requireSession(request);
      return pharmacies(deps);
    },
  );

  routes.get(
    `${base}/memos`,
    {
      schema: {
        tags,
        summary: "Memo's this account may read: its own, and practice memos of its organisation (never in Historie)",
        params: patientParams,
        response: { 200: memosResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return memos(deps, context, request.params.patientId);
    },
  );

  routes.post(
    `${base}/memos`,
    {
      schema: {
        tags,
        summary: 'Write a memo for yourself (personal) or your practice',
        params: patientParams,
        body: memoBody,
        response: { 201: memoResponse },
      },
    },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      const memo = await addMemo(deps, context, request.params.patientId, request.body);
      reply.code(201);
      return memo;
    },
  );

  routes.put(
    `${base}/memos/:memoId`,
    {
      schema: {
        tags,
        summary: 'Change a memo (its author only)',
        params: memoParams,
        body: memoBody,
        response: { 200: memoResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return changeMemo(deps, context, request.params.patientId, request.params.memoId, request.body);
    },
  );

  routes.delete(
    `${base}/memos/:memoId`,
    { schema: { tags, summary: 'Delete a memo (its author only; kept, no longer shown)', params: memoParams } },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      await removeMemo(deps, context, request.params.patientId, request.params.memoId);
      return reply.code(204).send();
    },
  );

  routes.get(
    `${base}/team`,
    {
      schema: {
        tags,
        summary: 'Behandelteam: accounts with a treatment relationship and organisations by enrolment or referral',
        params: patientParams,
        response: { 200: teamResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return treatmentTeam(deps, context, request.params.patientId);
    },
  );
};
