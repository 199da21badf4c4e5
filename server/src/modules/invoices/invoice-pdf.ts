import PDFDocument from 'pdfkit';
import { amsterdamDate } from '../../domain/amsterdam-time.js';
import type { InvoiceLineView, StoredInvoice } from '../../patient-data/invoices-billing.js';
import { dutchDate, euro, patientName } from './format.js';
import type { OrganisationParty } from './repository.js';

// The invoice as PDF (pdfkit, built-in Helvetica: WinAnsi covers Dutch — ë é ï — and the euro sign). Characters
// outside WinAnsi (e.g. ş in a name) are written without their accent rather than as garbage.

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function pdfText(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) return char;
      const plain = char.normalize('NFD').replace(/\p{M}/gu, '');
      return [...plain].every((c) => (c.codePointAt(0) ?? 0) <= 0xff) ? plain : '?';
    })
    .join('');
}

export interface InvoiceDocument {
  invoice: StoredInvoice;
  lines: InvoiceLineView[];
  creditor: OrganisationParty;
  debtor: OrganisationParty | null;
}

const columns = [
  { key: 'date', title: 'Datum', width: 62, align: 'left' },
  { key: 'patient', title: 'Patiënt', width: 118, align: 'left' },
  { key: 'birth', title: 'Geb.datum', width: 62, align: 'left' },
  { key: 'code', title: 'Code', width: 76, align: 'left' },
  { key: 'description', title: 'Omschrijving', width: 122, align: 'left' },
  { key: 'amount', title: 'Bedrag', width: 55, align: 'right' },
] as const;

function addressLines(party: OrganisationParty): string[] {
  return [
    party.name,
    [party.street, party.houseNumber].filter(Boolean).join(' '),
    [party.postcode, party.city].filter(Boolean).join('  '),
  ].filter((line) => line.trim().length > 0);
}

export function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const { invoice, lines, creditor, debtor } = document;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: pdfText(`Factuur ${invoice.number} — ${creditor.name}`), Author: pdfText(creditor.name), Creator: 'Keten' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (value: string) => pdfText(value);

  // Creditor (top right) and title.
  doc.font('Helvetica-Bold').fontSize(14).text(text(creditor.name), left, 50, { width, align: 'right' });
  doc.font('Helvetica').fontSize(9);
  for (const line of addressLines(creditor).slice(1)) doc.text(text(line), { width, align: 'right' });
  if (creditor.phone) doc.text(text(`Tel. ${creditor.phone}`), { width, align: 'right' });
  doc.text(text(`AGB-code ${creditor.agbCode ?? '—'}`), { width, align: 'right' });

  doc.font('Helvetica-Bold').fontSize(20).text('Factuur', left, 140);
  // Debtor.
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  const debtorLines = debtor ? addressLines(debtor) : ['Zorggroep'];
  doc.font('Helvetica-Bold').text(text(debtorLines[0] ?? ''));
  doc.font('Helvetica');
  for (const line of debtorLines.slice(1)) doc.text(text(line));

  // Invoice facts.
  doc.moveDown(1);
  const facts: [string, string][] = [
    ['Factuurnummer', invoice.number],
    ['Factuurdatum', dutchDate(amsterdamDate(invoice.createdAt))],
    ['Periode', `${dutchDate(invoice.periodFrom)} t/m ${dutchDate(invoice.periodTo)}`],
    ['Aantal prestaties', String(lines.length)],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(label, left, y, { width: 120 });
    doc.font('Helvetica').text(text(value), left + 120, y, { width: width - 120 });
  }
  doc.moveDown(1.5);

  const header = () => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9);
    let x = left;
    for (const column of columns) {
      doc.text(text(column.title), x, y, { width: column.width - 4, align: column.align });
      x += column.width;
    }
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(left + width, doc.y + 2)
      .lineWidth(0.5)
      .stroke();
    doc.y += 6;
    doc.font('Helvetica').fontSize(9);
  };
  header();
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  for (const line of lines) {
    const cells: Record<(typeof columns)[number]['key'], string> = {
      date: dutchDate(line.performedOn),
      patient: patientName(line.patient),
      birth: dutchDate(line.patient.birthDate),
      code: line.performanceCode,
      description: line.descriptionNl,
      amount: euro(line.amountCents),
    };
    const rowHeight = Math.max(
      ...columns.map((column) => doc.heightOfString(text(cells[column.key]), { width: column.width - 4 })),
    );
    if (doc.y + rowHeight > bottom()) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      header();
    }
    const y = doc.y;
    let x = left;
    for (const column of columns) {
      doc.text(text(cells[column.key]), x, y, { width: column.width - 4, align: column.align });
      x += column.width;
    }
    doc.y = y + rowHeight + 3;
  }
  if (doc.y + 40 > bottom()) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.5)
    .stroke();
  doc.y += 6;
  const totalY = doc.y;
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text('Totaal', left, totalY, { width: width - 120 });
  doc.text(text(euro(invoice.totalCents)), left + width - 120, totalY, { width: 116, align: 'right' });
  doc.moveDown(2);
  doc.font('Helvetica').fontSize(8).fillColor('#444444');
  doc.text(
    text(
      'Prestaties volgens de ketenzorgafspraken van de zorggroep (demotarieven). De declaratie met BSN per prestatie gaat apart als bestand naar de zorggroep.',
    ),
    left,
    doc.y,
    { width },
  );

  // Page numbers in the footer of every page.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#444444')
      .text(text(`Factuur ${invoice.number} — pagina ${index + 1} van ${range.count}`), left, doc.page.height - 40, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
