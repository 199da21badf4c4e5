import type { ColumnType, Generated } from 'kysely';

type Id = ColumnType<string, never, never>;
type RefId = ColumnType<string, string | number, string | number>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type ThreadKind = 'personal' | 'consultation' | 'helpdesk';

export interface MessageThreadTable {
  id: Id;
  kind: ThreadKind;
  subject: string;
  patient_id: RefId | null;
  created_by_account_id: RefId;
  created_at: Timestamp;
  last_message_at: Timestamp;
}

export interface MessageTable {
  id: Id;
  thread_id: RefId;
  author_account_id: RefId;
  body: string;
  created_at: Timestamp;
}

export interface MessageAttachmentTable {
  message_id: RefId;
  blob_id: RefId;
  position: number;
}

export interface MessageRecipientTable {
  thread_id: RefId;
  account_id: RefId;
  via_group: string | null;
  joined_at: Timestamp;
  read_at: Timestamp | null;
  archived: Generated<boolean>;
}
