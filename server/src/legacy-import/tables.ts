import type { ColumnType } from 'kysely';
import type { Database } from '../db/schema.js';

// Kysely row types of migration 0007-legacy-import (part of the app's Database type in db/schema.ts).

type Id = ColumnType<string, never, never>;
type RefId = ColumnType<string, string | number, string | number>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One file of the export as the run read it. */
export interface LegacySourceFile {
  file: string;
  bytes: number;
  rows: number;
  sha256: string;
}

export interface LegacyImportRunTable {
  id: Id;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  /** Insert as JSON.stringify(LegacySourceFile[]). */
  source: ColumnType<LegacySourceFile[], string, string>;
  /** Insert as JSON.stringify(LegacyImportCounts). */
  counts: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  report: string | null;
}

export interface LegacyJournalEntryTable {
  id: Id;
  patient_id: RefId;
  legacy_patient_number: string;
  recorded_at: Timestamp;
  author_account_id: RefId | null;
  legacy_author_username: string | null;
  author_name: string;
  author_role: string | null;
  organisation_id: RefId | null;
  record_type: string;
  kind: string;
  text: string;
  text_sha256: string;
  imported_at: Timestamp;
  import_run_id: RefId;
}

export type LegacyImportTables = {
  legacy_import_run: LegacyImportRunTable;
  legacy_journal_entry: LegacyJournalEntryTable;
};

export type LegacyImportDatabase = Database & LegacyImportTables;
