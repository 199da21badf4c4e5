import type { ColumnType } from 'kysely';

// Kysely row types of migration 0012 (invoices and declarations), listed in `Database` (db/schema.ts).

type Id = ColumnType<string, never, never>;
type RefId = ColumnType<string, string | number, string | number>;
type DateOnly = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint totals are read as text (both engines) and written as numbers or text. */
type BigCents = ColumnType<string, string | number, string | number>;

export interface TariffTable {
  id: Id;
  performance_code: string;
  description_nl: string;
  description_en: string;
  form_keys: ColumnType<string[], string[], string[]>;
  organisation_type: string;
  unit_amount_cents: number;
  units: ColumnType<number, number | undefined, number>;
  source: 'nza' | 'demo';
  valid_from: DateOnly;
  valid_to: DateOnly | null;
}

export interface InvoiceTable {
  id: Id;
  organisation_id: RefId;
  number: string;
  period_from: DateOnly;
  period_to: DateOnly;
  state: 'draft' | 'final';
  total_cents: BigCents;
  created_at: Timestamp;
  created_by_account_id: RefId;
}

export interface InvoiceLineTable {
  id: Id;
  invoice_id: RefId;
  form_entry_id: RefId;
  patient_id: RefId;
  tariff_id: RefId;
  performance_code: string;
  performed_on: DateOnly;
  units: number;
  amount_cents: number;
  final: boolean;
}
