import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type CsvFileDigest, LegacyImportError, readProblem } from './csv.js';
import { type ExportFileKind, exportFileKinds, exportFileNames, type RowTypes, readExportRows } from './export-format.js';
import type { LegacySourceFile } from './tables.js';

// What the user points the import at: the export folder (all three files), or one file of it (for example
// a later journaal.csv on its own). Every file is read completely once before anything is written, so a bad
// line stops the import with nothing half done; the import then reads the files a second time and checks
// that they did not change in between (same SHA-256).

export interface ExportFile extends LegacySourceFile {
  kind: ExportFileKind;
  path: string;
}

export interface LegacyExport {
  /** The folder or file as given, resolved. */
  location: string;
  files: ExportFile[];
}

async function kindOfPath(location: string): Promise<'directory' | 'file'> {
  try {
    const info = await stat(location);
    return info.isDirectory() ? 'directory' : 'file';
  } catch (error) {
    throw new LegacyImportError(`${location}: ${readProblem(error)}`);
  }
}

async function filesOf(location: string): Promise<{ kind: ExportFileKind; path: string }[]> {
  if ((await kindOfPath(location)) === 'file') {
    const base = path.basename(location).toLowerCase();
    const kind = exportFileKinds.find((candidate) => exportFileNames[candidate] === base);
    if (!kind) {
      throw new LegacyImportError(
        `${location}: onbekend bestand; verwacht een exportmap of ${exportFileKinds.map((k) => exportFileNames[k]).join(', ')}`,
      );
    }
    return [{ kind, path: location }];
  }
  const files: { kind: ExportFileKind; path: string }[] = [];
  for (const kind of exportFileKinds) {
    const file = path.join(location, exportFileNames[kind]);
    try {
      if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    } catch (error) {
      const problem = readProblem(error);
      throw new LegacyImportError(
        problem === 'bestand niet gevonden'
          ? `${exportFileNames[kind]} ontbreekt in ${location} (een export bevat ${exportFileKinds.map((k) => exportFileNames[k]).join(', ')})`
          : `${exportFileNames[kind]}: ${problem}`,
      );
    }
    files.push({ kind, path: file });
  }
  return files;
}

/** Finds the files and reads each completely: throws a one-line LegacyImportError at the first problem. */
export async function openLegacyExport(location: string): Promise<LegacyExport> {
  const resolved = path.resolve(location);
  const files: ExportFile[] = [];
  for (const file of await filesOf(resolved)) {
    const digest: CsvFileDigest = { bytes: 0, sha256: '' };
    let rows = 0;
    for await (const _row of readExportRows(file.kind, file.path, digest)) rows++;
    files.push({ ...file, file: exportFileNames[file.kind], rows, bytes: digest.bytes, sha256: digest.sha256 });
  }
  return { location: resolved, files };
}

/**
 * The rows of a checked file again, in batches. Throws when the file changed since it was checked (its
 * SHA-256 differs): the import must not run on something other than what was validated.
 */
export async function* exportBatches<K extends ExportFileKind>(
  file: ExportFile & { kind: K },
  batchSize: number,
): AsyncGenerator<RowTypes[K][]> {
  const digest: CsvFileDigest = { bytes: 0, sha256: '' };
  let batch: RowTypes[K][] = [];
  for await (const row of readExportRows(file.kind, file.path, digest)) {
    batch.push(row);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (digest.sha256 !== file.sha256) {
    throw new LegacyImportError(`${file.file} is gewijzigd tijdens het importeren; start de import opnieuw`);
  }
  if (batch.length > 0) yield batch;
}
