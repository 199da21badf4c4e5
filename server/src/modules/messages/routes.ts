import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WerkplekAuth } from '../../auth/routes.js';
import { BLOB_MAX_BYTES, contentDisposition, readUpload } from '../../blob/index.js';
import {
  archiveBody,
  attachmentParams,
  boxQuery,
  directoryQuery,
  directoryResponse,
  replyBody,
  replyResponse,
  sendBody,
  sentResponse,
  threadParams,
  threadResponse,
  threadsResponse,
  unreadResponse,
  uploadResponse,
} from './schemas.js';
import {
  archive,
  directory,
  downloadAttachment,
  inbox,
  type MessagesDependencies,
  markThreadUnread,
  reply,
  sendMessage,
  thread,
  unreadCount,
  uploadAttachment,
} from './service.js';

export const messagesRoutes: FastifyPluginAsync<{ deps: MessagesDependencies; auth: WerkplekAuth }> = async (
  app,
  { deps, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: berichten'];
  const base = '/api/werkplek/messages';

  // Attachments are uploaded as raw bytes (no multipart parser needed); the name travels URL-encoded in a header.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: BLOB_MAX_BYTES },
    (_request, payload, done) => done(null, payload),
  );

  routes.get(
    base,
    {
      schema: {
        tags,
        summary: 'Berichten: my threads (inbox or archive), newest first',
        querystring: boxQuery,
        response: { 200: threadsResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return { threads: await inbox(deps, context, request.query.box) };
    },
  );

  routes.get(
    `${base}/unread-count`,
    { schema: { tags, summary: 'Threads with unread messages (badge, Signalen)', response: { 200: unreadResponse } } },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return { unread: await unreadCount(deps, context) };
    },
  );

  routes.get(
    `${base}/directory`,
    {
      schema: {
        tags,
        summary: 'Recipient picker: active personal accounts by name, organisation or role, and the groups',
        querystring: directoryQuery,
        response: { 200: directoryResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return directory(deps, context, request.query.query);
    },
  );

  routes.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Send a new message to accounts and/or groups (consultation); with a patient context only to providers who may see that patient',
        body: sendBody,
        response: { 201: sentResponse },
      },
    },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      const sent = await sendMessage(deps, context, request.body);
      return reply.code(201).send(sent);
    },
  );

  routes.get(
    `${base}/:threadId`,
    {
      schema: {
        tags,
        summary: 'Open a thread (participants only); marks it read',
        params: threadParams,
        response: { 200: threadResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return thread(deps, context, request.params.threadId);
    },
  );

  routes.post(
    `${base}/:threadId/replies`,
    { schema: { tags, summary: 'Reply in a thread', params: threadParams, body: replyBody, response: { 201: replyResponse } } },
    async (request, replyTo) => {
      const { context } = await auth.requireSession(request);
      return replyTo.code(201).send(await reply(deps, context, request.params.threadId, request.body));
    },
  );

  routes.put(
    `${base}/:threadId/archived`,
    {
      schema: {
        tags,
        summary: 'Archive a thread (or take it back to the inbox) for me',
        params: threadParams,
        body: archiveBody,
      },
    },
    async (request, replyTo) => {
      const { context } = await auth.requireSession(request);
      await archive(deps, context, request.params.threadId, request.body.archived);
      return replyTo.code(204).send();
    },
  );

  routes.post(
    `${base}/:threadId/unread`,
    { schema: { tags, summary: 'Mark a thread unread again for me', params: threadParams } },
    async (request, replyTo) => {
      const { context } = await auth.requireSession(request);
      await markThreadUnread(deps, context, request.params.threadId);
      return replyTo.code(204).send();
    },
  );

  routes.post(
    '/api/werkplek/attachments',
    {
      bodyLimit: BLOB_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Upload an attachment (application/octet-stream, name in the X-File-Name header, URL-encoded); PDF, PNG or JPEG by content, at most 10 MB',
        response: { 201: uploadResponse },
      },
    },
    async (request, replyTo) => {
      const { context } = await auth.requireSession(request);
      const stored = await uploadAttachment(deps, context, readUpload(request));
      return replyTo.code(201).send(stored);
    },
  );

  routes.get(
    '/api/werkplek/attachments/:blobId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (participants of its thread; about a patient: audited)',
        params: attachmentParams,
      },
    },
    async (request, replyTo) => {
      const { context } = await auth.requireSession(request);
      const blob = await downloadAttachment(deps, context, request.params.blobId);
      return replyTo
        .header('content-type', blob.contentType)
        .header('content-disposition', contentDisposition(blob.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(blob.bytes);
    },
  );
};
