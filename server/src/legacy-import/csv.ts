import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';

// A streaming reader for the old system's CSV files: `;`-separated, fields optionally in double quotes (a
// quoted field may hold `;`, `""` for a quote, and line breaks), CRLF or LF line ends, UTF-8 with or without
// a byte order mark. Streaming, so an export with 100,000 patients and millions of Journaal lines never has
// to fit in memory. Errors name the file and line; the importer prints them as one line.

export class LegacyImportError extends Error {}

export interface CsvRecord {
  /** The physical line the record starts on (the header is line 1). */
  line: number;
  fields: string[];
}

export interface CsvFileDigest {
  bytes: number;
  sha256: string;
}

const QUOTE = 34;
const SEMICOLON = 59;

/** Decoded text chunks of a file; `digest` is complete once the iteration has ended. */
async function* decodedChunks(path: string, name: string, digest: CsvFileDigest): AsyncGenerator<string> {
  const hash = createHash('sha256');
  // fatal: a file in Windows-1252 (common for old exports) is refused instead of read with broken accents;
  // the default ignoreBOM = false drops a leading byte order mark.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      const text = decode(decoder, chunk, true, name, bytes);
      bytes += chunk.length;
      if (text) yield text;
    }
  } catch (error) {
    throw error instanceof LegacyImportError ? error : new LegacyImportError(`${name}: ${readProblem(error)}`);
  }
  const rest = decode(decoder, undefined, false, name, bytes);
  if (rest) yield rest;
  digest.bytes = bytes;
  digest.sha256 = hash.digest('hex');
}

function decode(decoder: TextDecoder, chunk: Buffer | undefined, stream: boolean, name: string, offset: number): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw new LegacyImportError(
      `${name}: geen geldige UTF-8-tekst (rond byte ${offset.toLocaleString('nl-NL')}); sla het bestand op als UTF-8`,
    );
  }
}

/** Why a file cannot be read, in words a user acts on. */
export function readProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'bestand niet gevonden';
    case 'EACCES':
    case 'EPERM':
      return 'geen leesrechten';
    case 'EISDIR':
      return 'is een map, geen bestand';
    default:
      return `kan niet worden gelezen (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Physical lines without their line end (CRLF, LF). */
async function* physicalLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    rest += chunk;
    let start = 0;
    let end = rest.indexOf('\n', start);
    while (end !== -1) {
      yield rest.charCodeAt(end - 1) === 13 && end > start ? rest.slice(start, end - 1) : rest.slice(start, end);
      start = end + 1;
      end = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }
  if (rest.length > 0) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/**
 * The records of a CSV file. Blank lines are skipped. `digest` gets the file's size and SHA-256 when the
 * iteration has run to the end.
 */
export async function* readCsvRecords(path: string, name: string, digest: CsvFileDigest): AsyncGenerator<CsvRecord> {
  let lineNumber = 0;
  let recordLine = 0;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for await (const text of physicalLines(decodedChunks(path, name, digest))) {
    lineNumber++;
    if (inQuotes) {
      field += '\n'; // a line break inside a quoted field belongs to the value
    } else {
      if (text.length === 0) continue;
      recordLine = lineNumber;
    }
    let position = 0;
    let fieldStart = !inQuotes && field.length === 0;
    while (position < text.length) {
      if (inQuotes) {
        const quote = text.indexOf('"', position);
        if (quote === -1) {
          field += text.slice(position);
          position = text.length;
          break;
        }
        field += text.slice(position, quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          field += '"';
          position = quote + 2;
        } else {
          inQuotes = false;
          position = quote + 1;
        }
        continue;
      }
      const code = text.charCodeAt(position);
      if (code === SEMICOLON) {
        fields.push(field);
        field = '';
        fieldStart = true;
        position++;
      } else if (code === QUOTE && fieldStart) {
        inQuotes = true;
        fieldStart = false;
        position++;
      } else {
        // Up to the next separator (a quote in the middle of an unquoted field is an ordinary character).
        const next = text.indexOf(';', position);
        const end = next === -1 ? text.length : next;
        field += text.slice(position, end);
        fieldStart = false;
        position = end;
      }
    }
    if (inQuotes) continue;
    fields.push(field);
    yield { line: recordLine, fields };
    fields = [];
    field = '';
  }
  if (inQuotes) {
    throw new LegacyImportError(`${name} regel ${recordLine}: een aanhalingsteken (") wordt niet gesloten`);
  }
}
