import type { ColumnType, Generated } from 'kysely';

// Kysely row types of migration 0006 (the HIS launch). `db/schema.ts` lists them in `Database`; until then the
// module reaches them with `db.withTables<HisLaunchTables>()` (harmless once they are listed).

type Id = ColumnType<string, never, never>;
type RefId = ColumnType<string, string | number, string | number>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type HisLaunchMethod = 'practice-password' | 'account-link' | 'signed';

/** The patient as the HIS described it, normalised to the fields of "Patiënt toevoegen" (all optional). */
export interface HisPatientContext {
  bsn: string | null;
  /** ISO date. */
  birthDate: string | null;
  roepnaam: string | null;
  initials: string | null;
  familyNamePrefix: string | null;
  familyName: string | null;
  gender: 'male' | 'female' | 'other' | 'unknown' | null;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string | null;
  postcode: string | null;
  city: string | null;
}

export interface HisPracticeCredentialTable {
  organisation_id: ColumnType<string, string | number, never>;
  organisatienummer: number;
  praktijknummer: number;
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  password_changed_by_account_id: RefId | null;
  signing_secret: string | null;
  signing_secret_created_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface HisAccountLinkTable {
  account_id: ColumnType<string, string | number, never>;
  token_hash: string;
  created_at: Timestamp;
  created_by_account_id: RefId | null;
}

export interface HisLaunchTable {
  id: Id;
  token_hash: string;
  account_id: RefId;
  method: HisLaunchMethod;
  /** Insert and update as JSON.stringify(...) or null. */
  patient_context: ColumnType<HisPatientContext | null, string | null, string | null>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface HisSignatureUseTable {
  signature_hash: string;
  organisation_id: RefId;
  expires_at: Timestamp;
}

export type HisLaunchTables = {
  his_practice_credential: HisPracticeCredentialTable;
  his_account_link: HisAccountLinkTable;
  his_launch: HisLaunchTable;
  his_signature_use: HisSignatureUseTable;
};
