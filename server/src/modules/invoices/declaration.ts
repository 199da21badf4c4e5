import type { InvoiceLineView } from '../../patient-data/invoices-billing.js';

// The declaration export: a simple Vektis-like record layout as CSV (docs/declarations.md §Layout). One line per
// performance; `;`-separated, UTF-8, CRLF, dates YYYYMMDD, amounts in euro cents.

export const DECLARATION_COLUMNS = [
  'agb_zorgaanbieder',
  'factuurnummer',
  'regelnummer',
  'bsn',
  'geboortedatum',
  'prestatiecode',
  'datum_prestatie',
  'aantal',
  'bedrag_cent',
] as const;

function cell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const compactDate = (iso: string) => iso.slice(0, 10).replaceAll('-', '');

export function declarationCsv(agbCode: string | null, lines: readonly (InvoiceLineView & { invoiceNumber: string })[]): string {
  const rows = lines.map((line) =>
    [
      agbCode ?? '',
      line.invoiceNumber,
      line.lineId,
      line.patient.bsn ?? '',
      compactDate(line.patient.birthDate),
      line.performanceCode,
      compactDate(line.performedOn),
      String(line.units),
      String(line.amountCents),
    ]
      .map(cell)
      .join(';'),
  );
  return `${[DECLARATION_COLUMNS.join(';'), ...rows].join('\r\n')}\r\n`;
}
