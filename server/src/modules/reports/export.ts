import ExcelJS from 'exceljs';

// A report table as a file: Excel (.xlsx, exceljs) with typed cells, or CSV the way Dutch Excel opens it
// (UTF-8 with BOM, `;` between cells, decimal comma, RFC 4180 quoting). Text that a spreadsheet would run as a
// formula (starting with = + - @, or a tab/CR) is prefixed with ' (OWASP "CSV injection").

export type ColumnType = 'text' | 'date' | 'number' | 'percentage';

export interface TableColumn {
  key: string;
  /** Dutch column title (the export is for Dutch practices, as the screen is by default). */
  title: string;
  type: ColumnType;
  width?: number;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** Sheet name and file name stem. */
  name: string;
  title: string;
  columns: readonly TableColumn[];
  rows: readonly Record<string, Cell>[];
  /** Lines for the "Toelichting" sheet (definition, reference date, who made it). */
  notes: readonly [string, string][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text safe for a spreadsheet cell: never read as a formula. */
export function neutralised(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvQuoted(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** YYYY-MM-DD → dd-mm-jjjj. */
function dutchDate(value: string): string {
  const [year, month, day] = value.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}

function csvCell(column: TableColumn, value: Cell): string {
  if (value === null || value === '') return '';
  switch (column.type) {
    case 'date':
      return dutchDate(String(value));
    case 'number':
    case 'percentage':
      return typeof value === 'number' ? String(value).replace('.', ',') : csvQuoted(neutralised(String(value)));
    default:
      return csvQuoted(neutralised(String(value)));
  }
}

export function tableToCsv(table: ReportTable): string {
  const lines = [table.columns.map((column) => csvQuoted(neutralised(column.title)))];
  for (const row of table.rows) lines.push(table.columns.map((column) => csvCell(column, row[column.key] ?? null)));
  return `\uFEFF${lines.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
}

function excelValue(column: TableColumn, value: Cell): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (column.type) {
    case 'date': {
      const [year, month, day] = String(value).slice(0, 10).split('-').map(Number);
      return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
    }
    case 'number':
    case 'percentage':
      return typeof value === 'number' ? value : neutralised(String(value));
    default:
      return neutralised(String(value));
  }
}

const NUMBER_FORMATS: Record<ColumnType, string | undefined> = {
  text: '@',
  date: 'dd-mm-yyyy',
  number: undefined,
  percentage: '0.0',
};

/** Excel allows 31 characters and none of []:*?/\ in a sheet name. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

export async function tableToXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Keten';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    key: column.key,
    header: column.title,
    width: column.width ?? Math.max(12, column.title.length + 2),
    style: NUMBER_FORMATS[column.type] ? { numFmt: NUMBER_FORMATS[column.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column) => excelValue(column, row[column.key] ?? null)));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };

  const notes = workbook.addWorksheet('Toelichting');
  notes.columns = [
    { key: 'label', width: 24 },
    { key: 'value', width: 100 },
  ];
  notes.addRow(['Rapport', neutralised(table.title)]).font = { bold: true };
  for (const [label, value] of table.notes) notes.addRow([neutralised(label), neutralised(value)]);
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
