import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WerkplekAuth } from '../../auth/routes.js';
import {
  billableResponse,
  createdInvoiceResponse,
  createInvoiceBody,
  invoiceListResponse,
  invoiceParams,
  periodQuery,
} from './schemas.js';
import { billable, declarationExport, type InvoicesDependencies, invoicePdf, invoices, makeInvoice } from './service.js';

// The ZIO dashboard's endpoints (docs/declarations.md). Thin: session → service.
export const invoiceRoutes: FastifyPluginAsync<{ deps: InvoicesDependencies; auth: WerkplekAuth }> = async (
  app,
  { deps, auth },
) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['werkplek: ZIO dashboard (facturen en declaraties)'];
  const base = '/api/werkplek/zio';

  routes.get(
    `${base}/billable`,
    {
      schema: {
        tags,
        summary: 'Billable activities of the own organisation in a period (published tasks with a tariff, not yet invoiced)',
        querystring: periodQuery,
        response: { 200: billableResponse },
      },
    },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return billable(deps, context, request.query);
    },
  );

  routes.get(
    `${base}/invoices`,
    { schema: { tags, summary: 'The own organisation’s invoices, newest first', response: { 200: invoiceListResponse } } },
    async (request) => {
      const { context } = await auth.requireSession(request);
      return invoices(deps, context);
    },
  );

  routes.post(
    `${base}/invoices`,
    {
      schema: {
        tags,
        summary: 'Create the final, numbered invoice of a period (409 nothing-to-bill when nothing is billable)',
        body: createInvoiceBody,
        response: { 201: createdInvoiceResponse },
      },
    },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      const created = await makeInvoice(deps, context, request.body);
      return reply.code(201).send(created);
    },
  );

  routes.get(
    `${base}/invoices/:invoiceId/pdf`,
    { schema: { tags, summary: 'The invoice as PDF', params: invoiceParams } },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      const { pdf, filename } = await invoicePdf(deps, context, request.params.invoiceId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  routes.get(
    `${base}/declarations.csv`,
    {
      schema: {
        tags,
        summary: 'Declaration export of a period: one line per invoiced performance, with AGB and full BSN',
        querystring: periodQuery,
      },
    },
    async (request, reply) => {
      const { context } = await auth.requireSession(request);
      const { csv, filename } = await declarationExport(deps, context, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
};
