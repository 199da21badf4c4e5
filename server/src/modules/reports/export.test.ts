import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ReportTable, tableToCsv, tableToXlsx } from './export.js';

const table: ReportTable = {
  name: 'test',
  title: 'Test',
  columns: [
    { key: 'text', title: 'Tekst', type: 'text' },
    { key: 'date', title: 'Datum', type: 'date' },
    { key: 'number', title: 'Waarde', type: 'number' },
  ],
  rows: [
    { text: '=HYPERLINK("http://x";"klik")', date: '2026-03-07', number: 7.5 },
    { text: 'Jansen; "Piet"', date: null, number: -2 },
    { text: '+31 6 1234', date: '2026-12-31', number: null },
    { text: '-1+2', date: null, number: 53 },
    { text: '@SUM(A1)', date: null, number: 0 },
    { text: 'regel 1\nregel 2', date: null, number: 1 },
  ],
  notes: [],
};

describe('report export', () => {
  it('writes CSV as Dutch Excel reads it: BOM, semicolons, RFC 4180 quoting, no formulas', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith('\uFEFFTekst;Datum;Waarde\r\n')).toBe(true);
    const body = csv.slice(1);
    expect(body).toContain(`"'=HYPERLINK(""http://x"";""klik"")";07-03-2026;7,5\r\n`);
    expect(body).toContain(`"Jansen; ""Piet""";;-2\r\n`);
    expect(body).toContain(`'+31 6 1234;31-12-2026;\r\n`);
    expect(body).toContain(`'-1+2;;53\r\n`);
    expect(body).toContain(`'@SUM(A1);;0\r\n`);
    expect(body).toContain(`"regel 1\nregel 2";;1\r\n`);
    expect(body.endsWith('\r\n')).toBe(true);
  });

  it('writes typed Excel cells with a frozen, filtered header and neutralised text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableToXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('test');
    if (!sheet) throw new Error('no sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Tekst', 'Datum', 'Waarde']);
    expect(sheet.getCell('A2').value).toBe(`'=HYPERLINK("http://x";"klik")`);
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 2, 7)));
    expect(sheet.getCell('B2').numFmt).toBe('dd-mm-yyyy');
    expect(sheet.getCell('C2').value).toBe(7.5);
    expect(sheet.getCell('C3').value).toBe(-2);
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(workbook.getWorksheet('Toelichting')?.getCell('B1').value).toBe('Test');
  });
});
