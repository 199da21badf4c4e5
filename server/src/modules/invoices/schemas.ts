import { z } from 'zod';

// docs/declarations.md — the ZIO dashboard's contract (invoices and declarations).

const isoDate = z.iso.date();

export const periodQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((period) => period.to >= period.from, { message: 'to must not be before from', path: ['to'] });

export const invoiceParams = z.object({ invoiceId: z.string().regex(/^\d{1,18}$/) });

const patient = z.object({
  name: z.string(),
  birthDate: z.string(),
  /** Only the last three digits (`******789`); the declaration file carries the full BSN. */
  bsnMasked: z.string().nullable(),
});

export const billableActivity = z.object({
  entryId: z.string(),
  patientId: z.string(),
  formKey: z.string(),
  performedOn: z.string(),
  performanceCode: z.string(),
  description: z.object({ nl: z.string(), en: z.string() }),
  units: z.number().int(),
  amountCents: z.number().int(),
  patient,
});

export const billableResponse = z.object({
  from: z.string(),
  to: z.string(),
  activities: z.array(billableActivity),
  totalCents: z.number().int(),
});

export const invoiceSummary = z.object({
  id: z.string(),
  number: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  state: z.enum(['draft', 'final']),
  totalCents: z.number().int(),
  createdAt: z.string(),
});

export const invoiceListResponse = z.object({ invoices: z.array(invoiceSummary) });

export const createInvoiceBody = z.object({ from: isoDate, to: isoDate }).refine((period) => period.to >= period.from, {
  message: 'to must not be before from',
  path: ['to'],
});

export const createdInvoiceResponse = invoiceSummary.extend({ lineCount: z.number().int() });
