import { queryOptions } from '@tanstack/react-query';
import { api, type DownloadedFile } from '../../api/client';

// The ZIO dashboard (server/src/modules/invoices/routes.ts + schemas.ts; docs/declarations.md).

export interface Period {
  /** ISO dates, both inclusive. */
  from: string;
  to: string;
}

export interface BillableActivity {
  entryId: string;
  patientId: string;
  formKey: string;
  performedOn: string;
  performanceCode: string;
  description: { nl: string; en: string };
  units: number;
  amountCents: number;
  patient: { name: string; birthDate: string; bsnMasked: string | null };
}

export interface BillableOverview {
  from: string;
  to: string;
  activities: BillableActivity[];
  totalCents: number;
}

export interface InvoiceSummary {
  id: string;
  number: string;
  periodFrom: string;
  periodTo: string;
  state: 'draft' | 'final';
  totalCents: number;
  createdAt: string;
}

const periodQuery = (period: Period) => `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;

export const invoicesQuery = () =>
  queryOptions({
    queryKey: ['zio', 'invoices'],
    queryFn: ({ signal }) => api.get<{ invoices: InvoiceSummary[] }>('/api/werkplek/zio/invoices', signal),
  });

export const billableQuery = (period: Period) =>
  queryOptions({
    queryKey: ['zio', 'billable', period.from, period.to],
    queryFn: ({ signal }) => api.get<BillableOverview>(`/api/werkplek/zio/billable?${periodQuery(period)}`, signal),
  });

export function createInvoice(period: Period) {
  return api.post<InvoiceSummary & { lineCount: number }>('/api/werkplek/zio/invoices', period);
}

export function downloadInvoicePdf(invoiceId: string): Promise<DownloadedFile> {
  return api.download(`/api/werkplek/zio/invoices/${encodeURIComponent(invoiceId)}/pdf`);
}

export function downloadDeclaration(period: Period): Promise<DownloadedFile> {
  return api.download(`/api/werkplek/zio/declarations.csv?${periodQuery(period)}`);
}

/** "€ 1.234,56" (nl) or "€1,234.56" (en). */
export function formatEuro(cents: number, language: string): string {
  return new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}

export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
