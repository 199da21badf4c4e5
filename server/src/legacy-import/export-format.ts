import type { Gender } from '../db/schema.js';
import { amsterdamToUtc, parseDutchDate, parseTime } from '../domain/amsterdam-time.js';
import { isValidBsn } from '../domain/bsn.js';
import { type CsvFileDigest, LegacyImportError, readCsvRecords } from './csv.js';

// The export of the previous system (Medix 3), as documented in docs/legacy-import.md: one folder with
// accounts.csv, patients.csv and journaal.csv. Here: which columns each file has, how a header is matched,
// and how a line becomes a typed row. A line that cannot be read (a bad date, a wrong number of fields)
// stops the import before anything is written, with the file, line and column; a patient the rules do not
// let in (no BSN, unknown practice) is not an error but a line in the report (importer.ts).

export type ExportFileKind = 'accounts' | 'patients' | 'journal';

/** In import order: accounts first (Journaal authors), then patients, then their Journaal. */
export const exportFileKinds: readonly ExportFileKind[] = ['accounts', 'patients', 'journal'];

export const exportFileNames: Readonly<Record<ExportFileKind, string>> = {
  accounts: 'accounts.csv',
  patients: 'patients.csv',
  journal: 'journaal.csv',
};

interface ColumnSpec {
  name: string;
  required: boolean;
  aliases?: readonly string[];
}

// biome-ignore format: one column per line
const columnSpecs: Readonly<Record<ExportFileKind, readonly ColumnSpec[]>> = {
  accounts: [
    { name: 'gebruikersnaam', required: true },
    { name: 'naam', required: true },
    { name: 'email', required: true, aliases: ['e_mail', 'emailadres'] },
    { name: 'rol', required: true },
    { name: 'praktijk', required: true, aliases: ['praktijk_agb', 'organisatie'] },
    { name: 'gebruikersnummer', required: true },
  ],
  patients: [
    { name: 'patientnummer', required: true, aliases: ['patientnr', 'patient_nummer'] },
    { name: 'bsn', required: true },
    { name: 'voorletters', required: false },
    { name: 'voornamen', required: false },
    { name: 'roepnaam', required: true },
    { name: 'tussenvoegsel', required: false },
    { name: 'achternaam', required: true },
    { name: 'geboortedatum', required: true },
    { name: 'geslacht', required: true },
    { name: 'straat', required: false },
    { name: 'huisnummer', required: false },
    { name: 'toevoeging', required: false, aliases: ['huisnummertoevoeging'] },
    { name: 'postcode', required: false },
    { name: 'woonplaats', required: false },
    { name: 'telefoon', required: false, aliases: ['telefoonnummer'] },
    { name: 'email', required: false, aliases: ['e_mail', 'emailadres'] },
    { name: 'praktijk', required: true, aliases: ['praktijk_agb'] },
    { name: 'inschrijfdatum', required: false },
  ],
  journal: [
    { name: 'patientnummer', required: true, aliases: ['patientnr', 'patient_nummer'] },
    { name: 'datum', required: true },
    { name: 'tijd', required: true },
    { name: 'auteur_gebruikersnaam', required: true, aliases: ['auteur', 'gebruikersnaam'] },
    { name: 'soort', required: true },
    { name: 'tekst', required: true },
  ],
};

/** Column names as a user wrote them → the canonical name: case, accents, "(dd-mm-jjjj)" and spacing ignored. */
export function normaliseHeader(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\(.*?\)/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

export function columnNames(kind: ExportFileKind): { required: string[]; optional: string[] } {
  const specs = columnSpecs[kind];
  return {
    required: specs.filter((spec) => spec.required).map((spec) => spec.name),
    optional: specs.filter((spec) => !spec.required).map((spec) => spec.name),
  };
}

type ColumnIndex = ReadonlyMap<string, number>;

function mapHeader(kind: ExportFileKind, name: string, header: readonly string[]): ColumnIndex {
  const index = new Map<string, number>();
  const seen = new Map<string, string>();
  header.forEach((raw, position) => {
    const normalised = normaliseHeader(raw);
    const spec = columnSpecs[kind].find((candidate) => candidate.name === normalised || candidate.aliases?.includes(normalised));
    if (!spec) return; // extra columns of the old system are ignored
    const earlier = seen.get(spec.name);
    if (earlier !== undefined) {
      throw new LegacyImportError(
        `${name}: kolom "${spec.name}" staat twee keer in de kopregel ("${earlier}" en "${raw.trim()}")`,
      );
    }
    seen.set(spec.name, raw.trim());
    index.set(spec.name, position);
  });
  const missing = columnSpecs[kind].filter((spec) => spec.required && !index.has(spec.name)).map((spec) => spec.name);
  if (missing.length > 0) {
    const list = missing.map((column) => `"${column}"`).join(', ');
    throw new LegacyImportError(
      `${name}: kolom ${list} ontbreekt in de kopregel (verwacht ${columnSpecs[kind].map((spec) => spec.name).join(';')})`,
    );
  }
  return index;
}

/** One line of a file with its values by column name. */
class Line {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly fields: readonly string[],
    private readonly columns: ColumnIndex,
  ) {}

  /** The trimmed value, '' when empty or when the (optional) column is absent. */
  text(column: string): string {
    const position = this.columns.get(column);
    return position === undefined ? '' : (this.fields[position] ?? '').trim();
  }

  optional(column: string): string | null {
    return this.text(column) || null;
  }

  fail(column: string, problem: string): never {
    throw new LegacyImportError(`${this.file} regel ${this.line}, kolom ${column}: ${problem}`);
  }

  required(column: string): string {
    return this.text(column) || this.fail(column, 'is leeg');
  }
}

// ——— patients.csv ———

export type BsnStatus = 'missing' | 'invalid' | 'valid';

export interface LegacyPatientRow {
  line: number;
  patientNumber: string;
  bsn: string | null;
  bsnStatus: BsnStatus;
  initials: string | null;
  givenNames: string | null;
  /** Null when empty in the old system (it becomes "?", seed 001 §1 item 4). */
  roepnaam: string | null;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
  gender: Gender;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  /** AGB code or abbreviation of the GP practice; '' when empty. */
  practice: string;
  /** Enrolment date, when the export has it. */
  enrolledFrom: string | null;
}

/** Old record numbers always start with a 3 (seed 001 §1 item 10). */
function patientNumber(line: Line): string {
  const value = line.required('patientnummer');
  if (!/^3\d{0,17}$/.test(value)) line.fail('patientnummer', `"${value}" is geen oud patiëntnummer (dat begint met een 3)`);
  return value;
}

function bsnOf(value: string): { bsn: string | null; bsnStatus: BsnStatus } {
  // Old systems wrote a BSN with spaces or dots ("1234.56.782") and an unknown one as zeros.
  const digits = value.replace(/[\s.-]/g, '');
  if (digits === '' || /^0+$/.test(digits)) return { bsn: null, bsnStatus: 'missing' };
  return { bsn: digits, bsnStatus: isValidBsn(digits) ? 'valid' : 'invalid' };
}

function genderOf(line: Line): Gender {
  const value = line.text('geslacht').toUpperCase();
  // BRP: M man, V vrouw, O onbekend; X (not M/V) is what a passport says for other.
  switch (value) {
    case 'M':
    case 'MAN':
      return 'male';
    case 'V':
    case 'VROUW':
      return 'female';
    case 'X':
    case 'A':
    case 'ANDERS':
      return 'other';
    case '':
    case 'O':
    case 'ONBEKEND':
      return 'unknown';
    default:
      return line.fail('geslacht', `"${line.text('geslacht')}" is geen geslacht (M, V, O of X)`);
  }
}

function dateOf(line: Line, column: string, value: string): string {
  return parseDutchDate(value) ?? line.fail(column, `"${value}" is geen datum (dd-mm-jjjj)`);
}

function postcodeOf(value: string | null): string | null {
  if (!value) return null;
  const dutch = /^(\d{4})\s*([a-zA-Z]{2})$/.exec(value);
  return dutch ? `${dutch[1]} ${dutch[2]?.toUpperCase()}` : value;
}

export function parsePatientLine(line: Line): LegacyPatientRow {
  const enrolled = line.text('inschrijfdatum');
  return {
    line: line.line,
    patientNumber: patientNumber(line),
    ...bsnOf(line.text('bsn')),
    initials: line.optional('voorletters'),
    givenNames: line.optional('voornamen'),
    roepnaam: line.optional('roepnaam'),
    familyNamePrefix: line.optional('tussenvoegsel'),
    familyName: line.required('achternaam'),
    birthDate: dateOf(line, 'geboortedatum', line.required('geboortedatum')),
    gender: genderOf(line),
    street: line.optional('straat'),
    houseNumber: line.optional('huisnummer'),
    houseNumberSuffix: line.optional('toevoeging'),
    postcode: postcodeOf(line.optional('postcode')),
    city: line.optional('woonplaats'),
    phone: line.optional('telefoon'),
    email: line.optional('email'),
    practice: line.text('praktijk'),
    enrolledFrom: enrolled ? dateOf(line, 'inschrijfdatum', enrolled) : null,
  };
}

// ——— accounts.csv ———

export interface LegacyAccountRow {
  line: number;
  username: string;
  name: PersonName;
  email: string | null;
  /** The old role name as written. */
  role: string;
  practice: string;
  gebruikersnummer: number;
}

export interface PersonName {
  initials: string | null;
  givenName: string;
  prefix: string | null;
  familyName: string;
  /** As written in the export. */
  full: string;
}

const namePrefixes = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  't',
  'te',
  'ter',
  'ten',
  'in',
  'op',
  'la',
  'le',
  'du',
  'des',
  'von',
  'zu',
  'da',
  'dos',
  "d'",
  "l'",
  'el',
  'al',
]);
const isPrefix = (word: string) => namePrefixes.has(word) && word === word.toLowerCase();
const looksLikeInitials = (value: string) => /^(\p{Lu}\.)+$/u.test(value.replace(/\s/g, ''));

/**
 * A provider's name from one "naam" field: "Achternaam, Voornaam tussenvoegsel" (unambiguous, what old
 * systems often export: "Vries, J.P. de") or "Voornaam tussenvoegsel Achternaam" (the tussenvoegsel is a
 * lower-case word such as van, de, ter; without one the last word is the family name).
 */
export function splitPersonName(value: string): PersonName {
  const full = value.trim().replace(/\s+/g, ' ');
  const comma = full.indexOf(',');
  let given: string[];
  let prefix: string[] = [];
  let family: string;
  if (comma !== -1) {
    family = full.slice(0, comma).trim();
    given = full
      .slice(comma + 1)
      .trim()
      .split(' ')
      .filter(Boolean);
    while (given.length > 1 && isPrefix(given[given.length - 1] ?? '')) prefix.unshift(given.pop() ?? '');
  } else {
    const words = full.split(' ');
    const firstPrefix = words.findIndex((word, index) => index > 0 && isPrefix(word));
    if (firstPrefix > 0) {
      given = words.slice(0, firstPrefix);
      let end = firstPrefix;
      while (end < words.length - 1 && isPrefix(words[end] ?? '')) end++;
      prefix = words.slice(firstPrefix, end);
      family = words.slice(end).join(' ');
    } else {
      given = words.length > 1 ? words.slice(0, -1) : [];
      family = words[words.length - 1] ?? '';
    }
  }
  const givenText = given.join(' ');
  const initials = looksLikeInitials(givenText)
    ? givenText.replace(/\s/g, '')
    : given.map((word) => `${word.charAt(0).toUpperCase()}.`).join('') || null;
  return {
    initials,
    givenName: givenText || initials || family,
    prefix: prefix.length > 0 ? prefix.join(' ') : null,
    familyName: family || givenText,
    full,
  };
}

export function parseAccountLine(line: Line): LegacyAccountRow {
  const number = line.required('gebruikersnummer');
  if (!/^\d{1,9}$/.test(number) || Number(number) < 1) {
    line.fail('gebruikersnummer', `"${number}" is geen gebruikersnummer (een positief geheel getal)`);
  }
  return {
    line: line.line,
    username: line.required('gebruikersnaam'),
    name: splitPersonName(line.required('naam')),
    email: line.optional('email'),
    role: line.text('rol'),
    practice: line.text('praktijk'),
    gebruikersnummer: Number(number),
  };
}

// ——— journaal.csv ———

export interface LegacyJournalRow {
  line: number;
  patientNumber: string;
  /** Amsterdam wall-clock time of the old line as a moment. */
  recordedAt: Date;
  /** The old username of the author, or null. */
  author: string | null;
  kind: string;
  text: string;
}

export function parseJournalLine(line: Line): LegacyJournalRow {
  const date = dateOf(line, 'datum', line.required('datum'));
  const timeText = line.text('tijd');
  // A line without a time is placed at the start of its day.
  const time = timeText === '' ? { hour: 0, minute: 0, second: 0 } : parseTime(timeText);
  if (!time) line.fail('tijd', `"${timeText}" is geen tijd (uu:mm)`);
  return {
    line: line.line,
    patientNumber: patientNumber(line),
    recordedAt: amsterdamToUtc(date, time),
    author: line.optional('auteur_gebruikersnaam'),
    kind: line.text('soort') || 'Journaal',
    // Line breaks inside the quoted text are kept; only the outer spaces go.
    text: line.text('tekst'),
  };
}

// ——— reading a file ———

const parsers = {
  accounts: parseAccountLine,
  patients: parsePatientLine,
  journal: parseJournalLine,
} as const;

export interface RowTypes {
  accounts: LegacyAccountRow;
  patients: LegacyPatientRow;
  journal: LegacyJournalRow;
}

/** The typed rows of one export file, streamed; `digest` is filled when the file has been read to the end. */
export async function* readExportRows<K extends ExportFileKind>(
  kind: K,
  path: string,
  digest: CsvFileDigest,
): AsyncGenerator<RowTypes[K]> {
  const name = exportFileNames[kind];
  let columns: ColumnIndex | undefined;
  let width = 0;
  const parse = parsers[kind] as (line: Line) => RowTypes[K];
  for await (const record of readCsvRecords(path, name, digest)) {
    if (!columns) {
      columns = mapHeader(kind, name, record.fields);
      width = record.fields.length;
      continue;
    }
    if (record.fields.length !== width) {
      // Trailing empty fields are what some exports add; anything else is a misplaced separator.
      const extra = record.fields.slice(width);
      if (!(record.fields.length > width && extra.every((field) => field.trim() === ''))) {
        throw new LegacyImportError(
          `${name} regel ${record.line}: ${record.fields.length} velden, de kopregel heeft er ${width}` +
            ' (staat er een ; in een waarde zonder aanhalingstekens?)',
        );
      }
    }
    yield parse(new Line(name, record.line, record.fields, columns));
  }
  if (!columns) throw new LegacyImportError(`${name}: het bestand is leeg (de kopregel ontbreekt)`);
}
