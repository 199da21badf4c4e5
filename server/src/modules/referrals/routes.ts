import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WerkplekAuth } from '../../auth/routes.js';
import { BLOB_MAX_BYTES, contentDisposition, readUpload } from '../../blob/index.js';
import {
  letterParams,
  letterUploadResponse,
  resultsSeenResponse,
  signalCountsResponse,
  signalsResponse,
  targetsQuery,
  targetsResponse,
} from './schemas.js';
import {
  downloadReferralLetter,
  markResultsSeen,
  type ReferralsDependencies,
  referralTargets,
  signalCounts,
  signals,
  uploadReferralLetter,
} from './service.js';

export const referralsRoutes: FastifyPluginAsync<{ deps: ReferralsDependencies; auth: WerkplekAuth }> = async (
  app,
  { deps, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: verwijzingen en signalen'];

  // The letter is uploaded as raw bytes; its name travels URL-encoded in the X-File-Name header.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: BLOB_MAX_BYTES },
    (_request, payload, done) => done(null, payload),
  );

  routes.get(
    '/api/werkplek/referral-targets',
    {
      schema: {
        tags,
        summary: 'The organisations a "Verwijzing …" task can be sent to (of the form\'s organisation type)',
        querystring: targetsQuery,
        response: { 200: targetsResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return referralTargets(deps, context, request.query.formKey);
    },
  );

  routes.post(
    '/api/werkplek/referral-letters',
    {
      bodyLimit: BLOB_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Upload a referral letter (application/octet-stream, name in X-File-Name, URL-encoded): PDF, PNG or JPEG by content, at most 10 MB; send its id with the publish',
        response: { 201: letterUploadResponse },
      },
    },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      const stored = await uploadReferralLetter(deps, context, readUpload(request));
      return reply
        .code(201)
        .send({ id: stored.id, fileName: stored.fileName, contentType: stored.contentType, size: stored.size });
    },
  );

  routes.get(
    '/api/werkplek/patients/:patientId/history/:entryId/referral-letter',
    { schema: { tags, summary: 'Download the referral letter of a "Verwijzing …" entry (audited)', params: letterParams } },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      const blob = await downloadReferralLetter(deps, context, request.params.patientId, request.params.entryId);
      return reply
        .header('content-type', blob.contentType)
        .header('content-disposition', contentDisposition(blob.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(blob.bytes);
    },
  );

  routes.get(
    '/api/werkplek/signals/count',
    {
      schema: {
        tags,
        summary: 'Signalen: counts per kind (the navigation badge); no patient data',
        response: { 200: signalCountsResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return signalCounts(deps, context);
    },
  );

  routes.get(
    '/api/werkplek/signals',
    {
      schema: {
        tags,
        summary:
          'Signalen: unopened referrals to my organisation (and role), unread messages, new results; each listed patient audited',
        response: { 200: signalsResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return signals(deps, context);
    },
  );

  routes.post(
    '/api/werkplek/signals/results/seen',
    {
      schema: {
        tags,
        summary: 'Signalen "Uitslagen": mark the results until now as seen ("Gezien"; audited)',
        response: { 200: resultsSeenResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return markResultsSeen(deps, context);
    },
  );
};
