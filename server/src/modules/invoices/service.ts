import type { RequestContext } from '../../access/context.js';
import {
  type BillableActivity,
  createInvoice,
  declarationLines,
  listBillableActivities,
  type Period,
  readInvoice,
  zioActorOf,
} from '../../patient-data/invoices-billing.js';
import type { PatientDataDependencies } from '../../patient-data/patient-access.js';
import { declarationCsv } from './declaration.js';
import { maskBsn, patientName } from './format.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { careGroupParty, listInvoices, organisationParty } from './repository.js';

// The ZIO dashboard (seed 001 §3.1.1): billable activities per period, final numbered invoices, the invoice PDF
// and the declaration export. Only roles with the `zio-dashboard` function, for their own organisation.

export type InvoicesDependencies = PatientDataDependencies;

function activityView(activity: BillableActivity) {
  return {
    entryId: activity.entryId,
    patientId: activity.patientId,
    formKey: activity.formKey,
    performedOn: activity.performedOn,
    performanceCode: activity.performanceCode,
    description: { nl: activity.descriptionNl, en: activity.descriptionEn },
    units: activity.units,
    amountCents: activity.amountCents,
    patient: {
      name: patientName(activity.patient),
      birthDate: activity.patient.birthDate,
      bsnMasked: maskBsn(activity.patient.bsn),
    },
  };
}

export async function billable(deps: InvoicesDependencies, context: RequestContext, period: Period) {
  const activities = await listBillableActivities(deps, context, period);
  return {
    from: period.from,
    to: period.to,
    activities: activities.map(activityView),
    totalCents: activities.reduce((sum, activity) => sum + activity.amountCents, 0),
  };
}

export async function invoices(deps: InvoicesDependencies, context: RequestContext) {
  const actor = zioActorOf(context);
  const rows = await listInvoices(deps.db, actor.organisationId);
  return { invoices: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
}

export async function makeInvoice(deps: InvoicesDependencies, context: RequestContext, period: Period) {
  const { invoice, lines } = await createInvoice(deps, context, period);
  return {
    id: invoice.id,
    number: invoice.number,
    periodFrom: invoice.periodFrom,
    periodTo: invoice.periodTo,
    state: invoice.state,
    totalCents: invoice.totalCents,
    createdAt: invoice.createdAt.toISOString(),
    lineCount: lines.length,
  };
}

export async function invoicePdf(deps: InvoicesDependencies, context: RequestContext, invoiceId: string) {
  const { invoice, lines } = await readInvoice(deps, context, invoiceId);
  const [creditor, debtor] = await Promise.all([organisationParty(deps.db, invoice.organisationId), careGroupParty(deps.db)]);
  const pdf = await renderInvoicePdf({ invoice, lines, creditor, debtor });
  return { pdf, filename: `factuur-${invoice.number}.pdf` };
}

export async function declarationExport(deps: InvoicesDependencies, context: RequestContext, period: Period) {
  const actor = zioActorOf(context);
  const lines = await declarationLines(deps, context, period);
  const creditor = await organisationParty(deps.db, actor.organisationId);
  return {
    csv: declarationCsv(creditor.agbCode, lines),
    filename: `declaratie-${creditor.agbCode ?? actor.organisationId}-${period.from}-${period.to}.csv`,
  };
}
