import { sql, type Transaction } from 'kysely';
import { auditActorOf, type ProviderActor, type RequestContext } from '../access/context.js';
import { mayUse } from '../access/role-functions.js';
import type { AuditAction, JsonObject } from '../audit/audit-event.js';
import { recordAuditEvent } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import type { PatientDataDependencies } from './patient-access.js';

// Invoices and declarations (the "ZIO dashboard", seed 001 §3.1.1; docs/declarations.md): the patient-facing
// SQL of billing. The ground is not a treatment relationship but the organisation's own published work: an
// account with the `zio-dashboard` function sees the tasks its organisation published (patient, date, code)
// in order to bill them. Every look at such a list is one audit event naming the patients it showed.

export interface Period {
  /** ISO dates (Amsterdam days), both inclusive. */
  from: string;
  to: string;
}

export interface BillableActivity {
  entryId: string;
  patientId: string;
  formKey: string;
  performedOn: string;
  tariffId: string;
  performanceCode: string;
  descriptionNl: string;
  descriptionEn: string;
  units: number;
  amountCents: number;
  patient: BilledPatient;
}

export interface BilledPatient {
  initials: string | null;
  roepnaam: string;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
  bsn: string | null;
}

export interface InvoiceLineView extends Omit<BillableActivity, 'formKey' | 'tariffId'> {
  lineId: string;
}

export interface StoredInvoice {
  id: string;
  organisationId: string;
  number: string;
  periodFrom: string;
  periodTo: string;
  state: 'draft' | 'final';
  totalCents: number;
  createdAt: Date;
  createdByName: string;
}

/** The actor of the ZIO dashboard: a provider whose role has the function; anyone else gets "not found". */
export function zioActorOf(context: RequestContext): ProviderActor {
  const actor = context.actor;
  if (actor.kind !== 'provider' || !mayUse(actor.role, actor.organisationType, 'zio-dashboard')) throw AppError.notFound();
  return actor;
}

interface BillableRow {
  entry_id: string;
  patient_id: string;
  form_key: string;
  performed_on: string;
  tariff_id: string;
  performance_code: string;
  description_nl: string;
  description_en: string;
  units: number;
  amount_cents: number;
  initials: string | null;
  roepnaam: string;
  family_name_prefix: string | null;
  family_name: string;
  birth_date: string;
  bsn: string | null;
}

function patientOf(
  row: Pick<BillableRow, 'initials' | 'roepnaam' | 'family_name_prefix' | 'family_name' | 'birth_date' | 'bsn'>,
) {
  return {
    initials: row.initials,
    roepnaam: row.roepnaam,
    familyNamePrefix: row.family_name_prefix,
    familyName: row.family_name,
    birthDate: row.birth_date,
    bsn: row.bsn,
  };
}

/**
 * The organisation's published tasks whose first publication falls in the period (Amsterdam days), that have a
 * tariff for the organisation's type valid on that day, and that are on no final invoice yet. One SQL query;
 * when two tariffs would match, the most recent one (valid_from) wins.
 */
async function billableRows(trx: Transaction<Database>, organisationId: string, period: Period): Promise<BillableRow[]> {
  const result = await sql<BillableRow>`
    select b.* from (
      select distinct on (e.id)
        e.id as entry_id, e.patient_id, e.form_key, a.performed_on,
        t.id as tariff_id, t.performance_code, t.description_nl, t.description_en, t.units,
        t.unit_amount_cents * t.units as amount_cents,
        p.initials, p.roepnaam, p.family_name_prefix, p.family_name, p.birth_date, p.bsn
      from form_entry e
      cross join lateral (
        select to_char(e.published_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as performed_on
      ) a
      join organisation o on o.id = e.organisation_id
      join patient p on p.id = e.patient_id
      join tariff t on t.organisation_type = o.type
        and e.form_key = any (t.form_keys)
        and t.valid_from <= a.performed_on::date
        and (t.valid_to is null or t.valid_to >= a.performed_on::date)
      where e.organisation_id = ${organisationId}
        and a.performed_on::date between ${period.from}::date and ${period.to}::date
        and not exists (select 1 from invoice_line l where l.form_entry_id = e.id and l.final)
      order by e.id, t.valid_from desc
    ) b
    order by b.performed_on, b.family_name, b.entry_id`.execute(trx);
  return result.rows;
}

function activityOf(row: BillableRow): BillableActivity {
  return {
    entryId: String(row.entry_id),
    patientId: String(row.patient_id),
    formKey: row.form_key,
    performedOn: row.performed_on,
    tariffId: String(row.tariff_id),
    performanceCode: row.performance_code,
    descriptionNl: row.description_nl,
    descriptionEn: row.description_en,
    units: Number(row.units),
    amountCents: Number(row.amount_cents),
    patient: patientOf(row),
  };
}

function auditFields(context: RequestContext, actor: ProviderActor) {
  return {
    actor: auditActorOf(actor),
    ip: context.ip,
    userAgent: context.userAgent,
    sessionRef: context.sessionRef,
    requestId: context.requestId,
  };
}

async function auditBilling(
  trx: Transaction<Database>,
  deps: PatientDataDependencies,
  context: RequestContext,
  actor: ProviderActor,
  event: {
    action: AuditAction;
    objectType: string;
    objectId?: string | null;
    patientIds: readonly string[];
    details: JsonObject;
  },
) {
  await recordAuditEvent(
    trx,
    {
      ...auditFields(context, actor),
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId ?? null,
      outcome: 'success',
      reason: 'zio-dashboard',
      patientId: null,
      details: { ...event.details, patientIds: [...new Set(event.patientIds)] },
    },
    { now: () => deps.clock.now() },
  );
}

/** The period overview: what the organisation may bill for the period (audited as one read). */
export async function listBillableActivities(
  deps: PatientDataDependencies,
  context: RequestContext,
  period: Period,
): Promise<BillableActivity[]> {
  const actor = zioActorOf(context);
  return deps.db.transaction().execute(async (trx) => {
    const rows = (await billableRows(trx, actor.organisationId, period)).map(activityOf);
    await auditBilling(trx, deps, context, actor, {
      action: 'read',
      objectType: 'billable-activities',
      patientIds: rows.map((row) => row.patientId),
      details: { from: period.from, to: period.to, count: rows.length },
    });
    return rows;
  });
}

/**
 * Creates the final invoice of the period in one transaction: the organisation row is locked (one numbering at
 * a time per organisation), the billable activities are read, numbered `YYYY-NNNN` per organisation and year of
 * creation, and stored with their lines. No billable activities → 409 `nothing-to-bill` (nothing is stored).
 */
export async function createInvoice(
  deps: PatientDataDependencies,
  context: RequestContext,
  period: Period,
): Promise<{ invoice: StoredInvoice; lines: InvoiceLineView[] }> {
  const actor = zioActorOf(context);
  const now = deps.clock.now();
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now);
  const created = await deps.db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', actor.organisationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const rows = (await billableRows(trx, actor.organisationId, period)).map(activityOf);
    if (rows.length === 0) return null;
    const last = await trx
      .selectFrom('invoice')
      .select(sql<number | null>`max(split_part(number, '-', 2)::integer)`.as('sequence'))
      .where('organisation_id', '=', actor.organisationId)
      .where('number', 'like', `${year}-%`)
      .executeTakeFirst();
    const number = `${year}-${String(Number(last?.sequence ?? 0) + 1).padStart(4, '0')}`;
    const totalCents = rows.reduce((sum, row) => sum + row.amountCents, 0);
    const invoice = await trx
      .insertInto('invoice')
      .values({
        organisation_id: actor.organisationId,
        number,
        period_from: period.from,
        period_to: period.to,
        state: 'final',
        total_cents: totalCents,
        created_at: now,
        created_by_account_id: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lines = await trx
      .insertInto('invoice_line')
      .values(
        rows.map((row) => ({
          invoice_id: invoice.id,
          form_entry_id: row.entryId,
          patient_id: row.patientId,
          tariff_id: row.tariffId,
          performance_code: row.performanceCode,
          performed_on: row.performedOn,
          units: row.units,
          amount_cents: row.amountCents,
          final: true,
        })),
      )
      .returning(['id', 'form_entry_id'])
      .execute();
    const lineIds = new Map(lines.map((line) => [String(line.form_entry_id), String(line.id)]));
    await auditBilling(trx, deps, context, actor, {
      action: 'create',
      objectType: 'invoice',
      objectId: String(invoice.id),
      patientIds: rows.map((row) => row.patientId),
      details: { number, from: period.from, to: period.to, lines: rows.length, totalCents },
    });
    return {
      invoice: {
        id: String(invoice.id),
        organisationId: actor.organisationId,
        number,
        periodFrom: period.from,
        periodTo: period.to,
        state: 'final' as const,
        totalCents,
        createdAt: now,
        createdByName: actor.name,
      },
      lines: rows.map(({ formKey: _formKey, tariffId: _tariffId, ...row }) => ({
        ...row,
        lineId: lineIds.get(row.entryId) ?? '',
      })),
    };
  });
  if (!created) throw new AppError(409, 'nothing-to-bill', 'zio.nothingToBill.title', 'zio.nothingToBill.detail');
  return created;
}

async function linesOf(trx: Transaction<Database>, where: { invoiceId?: string; organisationId: string; period?: Period }) {
  let query = trx
    .selectFrom('invoice_line as l')
    .innerJoin('invoice as i', 'i.id', 'l.invoice_id')
    .innerJoin('patient as p', 'p.id', 'l.patient_id')
    .innerJoin('tariff as t', 't.id', 'l.tariff_id')
    .select([
      'l.id as line_id',
      'l.invoice_id',
      'l.form_entry_id as entry_id',
      'l.patient_id',
      'l.performed_on',
      'l.performance_code',
      't.description_nl',
      't.description_en',
      'l.units',
      'l.amount_cents',
      'p.initials',
      'p.roepnaam',
      'p.family_name_prefix',
      'p.family_name',
      'p.birth_date',
      'p.bsn',
      'i.number',
    ])
    .where('i.organisation_id', '=', where.organisationId)
    .where('i.state', '=', 'final');
  if (where.invoiceId) query = query.where('i.id', '=', where.invoiceId);
  if (where.period) {
    query = query.where('l.performed_on', '>=', where.period.from).where('l.performed_on', '<=', where.period.to);
  }
  const rows = await query.orderBy('l.performed_on').orderBy('p.family_name').orderBy('l.id').execute();
  return rows.map((row) => ({
    lineId: String(row.line_id),
    invoiceNumber: row.number,
    entryId: String(row.entry_id),
    patientId: String(row.patient_id),
    performedOn: row.performed_on,
    performanceCode: row.performance_code,
    descriptionNl: row.description_nl,
    descriptionEn: row.description_en,
    units: Number(row.units),
    amountCents: Number(row.amount_cents),
    patient: patientOf(row),
  }));
}

async function invoiceOf(trx: Transaction<Database>, organisationId: string, invoiceId: string): Promise<StoredInvoice> {
  if (!/^\d{1,18}$/.test(invoiceId)) throw AppError.notFound();
  const row = await trx
    .selectFrom('invoice as i')
    .innerJoin('account as a', 'a.id', 'i.created_by_account_id')
    .innerJoin('person as pe', 'pe.id', 'a.person_id')
    .select([
      'i.id',
      'i.organisation_id',
      'i.number',
      'i.period_from',
      'i.period_to',
      'i.state',
      'i.total_cents',
      'i.created_at',
      'pe.given_name',
      'pe.family_name_prefix',
      'pe.family_name',
    ])
    .where('i.id', '=', invoiceId)
    .where('i.organisation_id', '=', organisationId)
    .executeTakeFirst();
  // Another organisation's invoice is "not found", like one that does not exist.
  if (!row) throw AppError.notFound();
  return {
    id: String(row.id),
    organisationId: String(row.organisation_id),
    number: row.number,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    state: row.state,
    totalCents: Number(row.total_cents),
    createdAt: row.created_at,
    createdByName: [row.given_name, row.family_name_prefix, row.family_name].filter(Boolean).join(' '),
  };
}

/** One invoice with its lines, for the PDF (audited as a `print` naming its patients). */
export async function readInvoice(
  deps: PatientDataDependencies,
  context: RequestContext,
  invoiceId: string,
): Promise<{ invoice: StoredInvoice; lines: InvoiceLineView[] }> {
  const actor = zioActorOf(context);
  return deps.db.transaction().execute(async (trx) => {
    const invoice = await invoiceOf(trx, actor.organisationId, invoiceId);
    const lines = await linesOf(trx, { organisationId: actor.organisationId, invoiceId: invoice.id });
    await auditBilling(trx, deps, context, actor, {
      action: 'print',
      objectType: 'invoice',
      objectId: invoice.id,
      patientIds: lines.map((line) => line.patientId),
      details: { number: invoice.number, lines: lines.length },
    });
    return { invoice, lines };
  });
}

/** The declaration of a period: every performance on the organisation's final invoices (audited as an export). */
export async function declarationLines(deps: PatientDataDependencies, context: RequestContext, period: Period) {
  const actor = zioActorOf(context);
  return deps.db.transaction().execute(async (trx) => {
    const lines = await linesOf(trx, { organisationId: actor.organisationId, period });
    await auditBilling(trx, deps, context, actor, {
      action: 'export',
      objectType: 'declaration',
      patientIds: lines.map((line) => line.patientId),
      details: { from: period.from, to: period.to, lines: lines.length },
    });
    return lines;
  });
}
