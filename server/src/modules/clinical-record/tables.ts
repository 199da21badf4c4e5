import type { ColumnType } from 'kysely';

// Kysely row types of migration 0009 (the clinical record), listed in `Database` (db/schema.ts).

type Id = ColumnType<string, never, never>;
type RefId = ColumnType<string, string | number, string | number>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: read as the parsed value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface FormDefinitionTable {
  id: Id;
  key: string;
  version: number;
  record_type: string;
  title_nl: string;
  title_en: string;
  trajectory: string | null;
  /** The library's FormDefinition as stored (questionnaire + metadata). */
  definition: Json<Record<string, unknown>>;
  content_sha256: string;
  created_at: CreatedAt;
}

export interface FormEntryTable {
  id: Id;
  patient_id: RefId;
  form_key: string;
  record_type: string;
  organisation_id: RefId;
  author_account_id: RefId;
  trajectory_id: RefId | null;
  published_at: Timestamp;
  current_version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface FormResponseTable {
  id: Id;
  entry_id: RefId;
  patient_id: RefId;
  version: number;
  definition_id: RefId;
  response: Json<Record<string, unknown>>;
  author_account_id: RefId;
  organisation_id: RefId;
  published_at: Timestamp;
  request_id: string;
}

export interface FormDraftTable {
  id: Id;
  patient_id: RefId;
  account_id: RefId;
  form_key: string;
  entry_id: RefId | null;
  definition_id: RefId;
  response: Json<Record<string, unknown>>;
  saved_at: Timestamp;
  /** "Verwijzing …" tasks (migration 0016): the receiving organisation chosen and the uploaded letter. */
  referral_to_organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  referral_letter_blob_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ClinicalRecordTables = {
  form_definition: FormDefinitionTable;
  form_entry: FormEntryTable;
  form_response: FormResponseTable;
  form_draft: FormDraftTable;
};
