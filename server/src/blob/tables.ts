import type { ColumnType } from 'kysely';

type Id = ColumnType<string, never, never>;
type RefId = ColumnType<string, string | number, string | number>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type BlobContentType = 'application/pdf' | 'image/png' | 'image/jpeg';

export interface BlobTable {
  id: Id;
  sha256: string;
  content_type: BlobContentType;
  size_bytes: number;
  file_name: string;
  bytes: Uint8Array;
  created_at: Timestamp;
  created_by_account_id: RefId;
}
