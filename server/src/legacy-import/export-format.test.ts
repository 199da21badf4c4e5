import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamToUtc, parseDutchDate, parseTime } from '../domain/amsterdam-time.js';
import { type CsvRecord, LegacyImportError, readCsvRecords } from './csv.js';
import { splitPersonName } from './export-format.js';
import { openLegacyExport } from './export-source.js';
import { journalRecordType, mapOldRole } from './old-roles.js';

// Reading the old system's files: the CSV dialect, dates and times, names and roles, and the one-line error a
// user gets for each problem that stops an import before anything is written.

const fixture = path.resolve(import.meta.dirname, '../../test/fixtures/legacy-export');
let workDirectory: string;

beforeAll(async () => {
  workDirectory = await mkdtemp(path.join(os.tmpdir(), 'keten-legacy-format-'));
});
afterAll(() => rm(workDirectory, { recursive: true, force: true }));

let counter = 0;
async function writeTemporary(content: string | Buffer): Promise<string> {
  const file = path.join(workDirectory, `file-${counter++}.csv`);
  await writeFile(file, content);
  return file;
}

async function records(content: string | Buffer): Promise<CsvRecord[]> {
  const file = await writeTemporary(content);
  const found: CsvRecord[] = [];
  for await (const record of readCsvRecords(file, 'test.csv', { bytes: 0, sha256: '' })) found.push(record);
  return found;
}

/** A copy of the fixture export with one file replaced (or edited). */
async function exportWith(file: string, change: (content: string) => string): Promise<string> {
  const directory = path.join(workDirectory, `export-${counter++}`);
  await cp(fixture, directory, { recursive: true });
  const target = path.join(directory, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
  return directory;
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LegacyImportError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('the CSV dialect of the old system', () => {
  it('reads ; separated fields with a byte order mark, CRLF, quotes, "" and line breaks inside quotes', async () => {
    const text = '\ufeffa;b;c\r\n1;"x; y";"say ""hi"""\r\n\r\n2;"two\r\nlines";\r\n3;plain "quote";z';
    expect(await records(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x; y', 'say "hi"'] },
      { line: 4, fields: ['2', 'two\nlines', ''] },
      { line: 6, fields: ['3', 'plain "quote"', 'z'] },
    ]);
  });

  it('refuses a file that is not UTF-8 and a quote that is never closed, naming the place', async () => {
    const latin1 = Buffer.from('naam\r\nJos\xe9\r\n', 'latin1');
    await expect(records(latin1)).rejects.toThrow(/^test\.csv: geen geldige UTF-8-tekst .*sla het bestand op als UTF-8$/);
    await expect(records('a;b\n1;"open\n2;3\n')).rejects.toThrow('test.csv regel 2: een aanhalingsteken (") wordt niet gesloten');
  });
});

describe('dates, times, names and roles of the old system', () => {
  it('reads dd-mm-jjjj and hh:mm, and places Amsterdam wall-clock times in UTC', () => {
    expect(parseDutchDate('29-02-1996')).toBe('1996-02-29');
    expect(parseDutchDate('1-2-2003')).toBe('2003-02-01');
    for (const bad of ['29-02-1995', '2003-02-01', '31-04-2020', '12/01/2020', '']) expect(parseDutchDate(bad)).toBeUndefined();
    expect(parseTime('9:05')).toEqual({ hour: 9, minute: 5, second: 0 });
    expect(parseTime('24:00')).toBeUndefined();
    expect(amsterdamToUtc('2025-07-15', { hour: 9, minute: 30, second: 0 }).toISOString()).toBe('2025-07-15T07:30:00.000Z');
    expect(amsterdamToUtc('2025-01-15', { hour: 9, minute: 30, second: 0 }).toISOString()).toBe('2025-01-15T08:30:00.000Z');
    // Before 1996 summer time ended in September: 1990-09-30 was already winter time.
    expect(amsterdamToUtc('1990-10-15', { hour: 12, minute: 0, second: 0 }).toISOString()).toBe('1990-10-15T11:00:00.000Z');
    expect(amsterdamToUtc('2025-10-26', { hour: 2, minute: 30, second: 0 }).toISOString()).toBe('2025-10-26T01:30:00.000Z');
    expect(amsterdamToUtc('2025-03-30', { hour: 2, minute: 30, second: 0 }).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(amsterdamToUtc('2025-03-30', { hour: 3, minute: 0, second: 0 }).toISOString()).toBe('2025-03-30T01:00:00.000Z');
  });

  it('splits a provider name with or without a comma, keeping the tussenvoegsel apart', () => {
    expect(splitPersonName('Vries, J.P. de')).toMatchObject({
      initials: 'J.P.',
      givenName: 'J.P.',
      prefix: 'de',
      familyName: 'Vries',
    });
    expect(splitPersonName('Gerard van der Berg')).toMatchObject({
      initials: 'G.',
      givenName: 'Gerard',
      prefix: 'van der',
      familyName: 'Berg',
    });
    expect(splitPersonName('Jan Willem Smit')).toMatchObject({ givenName: 'Jan Willem', prefix: null, familyName: 'Smit' });
    expect(splitPersonName('Ayşe Demir')).toMatchObject({ givenName: 'Ayşe', familyName: 'Demir' });
  });

  it('maps old role names to Keten roles and leaves unknown ones unmapped', () => {
    expect(mapOldRole('Doktersassistent(e)')).toBe('praktijkassistent');
    expect(mapOldRole('POH-S')).toBe('poh-somatiek');
    expect(mapOldRole(' poh ggz ')).toBe('poh-ggz');
    expect(mapOldRole('Diëtist')).toBe('dietist');
    expect(mapOldRole('Stagiair')).toBeUndefined();
    expect(journalRecordType('poh-ggz')).toBe('ggz');
    expect(journalRecordType(null)).toBe('somatic');
  });
});

describe('an export that cannot be imported: one line naming the problem', () => {
  it('a folder or file that does not exist, or a file missing from the folder', async () => {
    expect(await errorOf(openLegacyExport(path.join(workDirectory, 'nowhere')))).toMatch(/nowhere: bestand niet gevonden$/);
    const directory = path.join(workDirectory, `export-${counter++}`);
    await cp(fixture, directory, { recursive: true });
    await rm(path.join(directory, 'journaal.csv'));
    expect(await errorOf(openLegacyExport(directory))).toBe(
      `journaal.csv ontbreekt in ${directory} (een export bevat accounts.csv, patients.csv, journaal.csv)`,
    );
    expect(await errorOf(openLegacyExport(await writeTemporary('x')))).toMatch(/onbekend bestand; verwacht een exportmap of/);
  });

  it('a missing column, by name', async () => {
    const directory = await exportWith('patients.csv', (text) => text.replace(';bsn;', ';burgerservicenr;'));
    expect(await errorOf(openLegacyExport(directory))).toBe(
      'patients.csv: kolom "bsn" ontbreekt in de kopregel (verwacht patientnummer;bsn;voorletters;voornamen;roepnaam;' +
        'tussenvoegsel;achternaam;geboortedatum;geslacht;straat;huisnummer;toevoeging;postcode;woonplaats;telefoon;email;' +
        'praktijk;inschrijfdatum)',
    );
  });

  it('a bad date or time, with the line and the column', async () => {
    const birth = await exportWith('patients.csv', (text) => text.replace(';03-09-1955;', ';31-09-1955;'));
    expect(await errorOf(openLegacyExport(birth))).toBe(
      'patients.csv regel 3, kolom geboortedatum: "31-09-1955" is geen datum (dd-mm-jjjj)',
    );
    const time = await exportWith('journaal.csv', (text) => text.replace('12-01-2021;09:15;', '12-01-2021;9 uur;'));
    expect(await errorOf(openLegacyExport(time))).toBe('journaal.csv regel 2, kolom tijd: "9 uur" is geen tijd (uu:mm)');
    // Line numbers count physical lines: the record after the two-line Journaal text is on line 12.
    const after = await exportWith('journaal.csv', (text) => text.replace('01-06-2023', '1 juni'));
    expect(await errorOf(openLegacyExport(after))).toBe(
      'journaal.csv regel 12, kolom datum: "1 juni" is geen datum (dd-mm-jjjj)',
    );
  });

  it('other unreadable lines: a stray separator, a number that is not an old number, an unknown gender', async () => {
    const separator = await exportWith('accounts.csv', (text) => text.replace('Gerard van Dam', 'Gerard; van Dam'));
    expect(await errorOf(openLegacyExport(separator))).toBe(
      'accounts.csv regel 3: 7 velden, de kopregel heeft er 6 (staat er een ; in een waarde zonder aanhalingstekens?)',
    );
    const number = await exportWith('journaal.csv', (text) => text.replace('3009999;', '4009999;'));
    expect(await errorOf(openLegacyExport(number))).toMatch(
      /^journaal\.csv regel 37, kolom patientnummer: "4009999" is geen oud/,
    );
    const gender = await exportWith('patients.csv', (text) => text.replace(';07-05-1939;V;', ';07-05-1939;vrouwelijk;'));
    expect(await errorOf(openLegacyExport(gender))).toBe(
      'patients.csv regel 5, kolom geslacht: "vrouwelijk" is geen geslacht (M, V, O of X)',
    );
    const userNumber = await exportWith('accounts.csv', (text) => text.replace(';HAPZ;13', ';HAPZ;dertien'));
    expect(await errorOf(openLegacyExport(userNumber))).toBe(
      'accounts.csv regel 3, kolom gebruikersnummer: "dertien" is geen gebruikersnummer (een positief geheel getal)',
    );
  });
});
