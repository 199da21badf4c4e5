import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AuditEventTable } from '../audit/audit-event.js';
import type { BlobTable } from '../blob/tables.js';
import type { LegacyImportRunTable, LegacyJournalEntryTable } from '../legacy-import/tables.js';
import type {
  FormDefinitionTable,
  FormDraftTable,
  FormEntryTable,
  FormResponseTable,
} from '../modules/clinical-record/tables.js';
import type {
  HisAccountLinkTable,
  HisLaunchTable,
  HisPracticeCredentialTable,
  HisSignatureUseTable,
} from '../modules/his-launch/tables.js';
import type { InvoiceLineTable, InvoiceTable, TariffTable } from '../modules/invoices/tables.js';
import type {
  MessageAttachmentTable,
  MessageRecipientTable,
  MessageTable,
  MessageThreadTable,
} from '../modules/messages/tables.js';

// Row types of the tables; bigint ids are read as strings (pg and PGlite both return int8 as text here).
type Id = ColumnType<string, never, never>;
type RefId = ColumnType<string, string | number, string | number>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateOnly = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Numeric = ColumnType<string, string | number, string | number>;

export type OrganisationType =
  | 'gp-practice'
  | 'care-group'
  | 'dietitian'
  | 'podotherapy'
  | 'physio'
  | 'mental-health-desk'
  | 'hospital'
  | 'hospital-department'
  | 'pharmacy';

export type Gender = 'male' | 'female' | 'other' | 'unknown';
export type Programme = 'DM2' | 'CVRM' | 'COPD' | 'DIETETIEK' | 'GLI' | 'GGZ' | 'FYSIO' | 'VOETZORG';

export interface RoleTable {
  code: string;
  name_nl: string;
  name_en: string;
  organisation_types: string[];
}

export interface OrganisationTable {
  id: Id;
  type: OrganisationType;
  name: string;
  abbreviation: string | null;
  parent_id: RefId | null;
  agb_code: string | null;
  street: string | null;
  house_number: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  created_at: CreatedAt;
}

export interface PersonTable {
  id: Id;
  initials: string | null;
  given_name: string;
  family_name_prefix: string | null;
  family_name: string;
  email: string | null;
  uzi_number: string | null;
  big_number: string | null;
  created_at: CreatedAt;
}

export interface AccountTable {
  id: Id;
  person_id: RefId;
  organisation_id: RefId;
  role: string;
  username: string;
  gebruikersnummer: number;
  personal: Generated<boolean>;
  email: string;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  state: Generated<'active' | 'deactivated'>;
  created_at: CreatedAt;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  password_changed_at: Timestamp | null;
  terms_accepted_at: Timestamp | null;
  deactivated_at: Timestamp | null;
}

export interface PatientTable {
  id: ColumnType<string, string | number | undefined, never>;
  bsn: string | null;
  insurance_country: Generated<string>;
  foreign_id_type: 'passport' | 'id-card' | null;
  foreign_id_number: string | null;
  initials: string | null;
  given_names: string | null;
  roepnaam: string;
  family_name_prefix: string | null;
  family_name: string;
  /** keten_fold(tussenvoegsel + ' ' + family name), kept by the database (migration 0008), for name search. */
  family_name_search: ColumnType<string, never, never>;
  birth_date: DateOnly;
  gender: Gender;
  nationality: Generated<string>;
  street: string | null;
  house_number: string | null;
  house_number_suffix: string | null;
  postcode: string | null;
  city: string | null;
  country: Generated<string>;
  phone: string | null;
  email: string | null;
  pharmacy_id: RefId | null;
  legacy_id: string | null;
  created_at: CreatedAt;
}

export interface EnrolmentTable {
  id: Id;
  patient_id: RefId;
  organisation_id: RefId;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  created_at: CreatedAt;
}

export interface TrajectoryTable {
  id: Id;
  patient_id: RefId;
  programme: Programme;
  organisation_id: RefId;
  started_on: DateOnly;
  ended_on: DateOnly | null;
  created_at: CreatedAt;
}

export interface MeasurementTable {
  id: Id;
  patient_id: RefId;
  code: string;
  value: Numeric;
  unit: string;
  measured_at: Timestamp;
  organisation_id: RefId | null;
  source: Generated<string>;
  patient_entered: Generated<boolean>;
  created_at: CreatedAt;
  /** The form response (version) it was derived from; null for lab imports and older data (migration 0009). */
  form_response_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  /** Who may see it in Monitoring (role × record-type matrix); migration 0009. */
  record_type: Generated<string>;
}

export interface ReferralTable {
  id: Id;
  patient_id: RefId;
  from_account_id: RefId;
  to_organisation_id: RefId;
  to_role: string | null;
  reason: string;
  created_at: CreatedAt;
  opened_at: Timestamp | null;
  opened_by_account_id: RefId | null;
  // migration 0013: what a "Verwijzing …" task sent
  form_entry_id: ColumnType<string | null, string | number | null | undefined, never>;
  urgency: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_availability: string | null;
  letter_blob_id: ColumnType<string | null, string | number | null | undefined, never>;
}

export interface AdmissionTable {
  id: Id;
  patient_id: RefId;
  department_id: RefId;
  attending_account_id: RefId | null;
  admitted_at: Timestamp;
  discharged_at: Timestamp | null;
  reason: string | null;
}

export type ClinicalDocumentKind =
  | 'discharge-letter'
  | 'treatment-report'
  | 'correspondence'
  | 'referral-letter'
  | 'lab-result'
  | 'microbiology'
  | 'pathology'
  | 'radiology'
  | 'medication';

export interface ClinicalDocumentTable {
  id: Id;
  patient_id: RefId;
  organisation_id: RefId;
  author_account_id: RefId | null;
  kind: ClinicalDocumentKind;
  title: string;
  body: string;
  recipient_organisation_id: RefId | null;
  created_at: Timestamp;
}

export interface PatientRelationTable {
  id: Id;
  patient_id: RefId;
  related_patient_id: RefId;
  kind: 'parent' | 'guardian';
  created_at: CreatedAt;
}

export interface AppSecretTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

export type SessionEndReason = 'logout' | 'idle' | 'expired' | 'deactivated' | 'password-changed';

export interface WebSessionTable {
  id: string;
  account_id: RefId;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: SessionEndReason | null;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginChallengeTable {
  id: string;
  account_id: RefId;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  wrong_attempts: Generated<number>;
  used_at: Timestamp | null;
  ip: string | null;
}

export interface PasswordResetTable {
  id: string;
  account_id: RefId;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  reason: Generated<'forgotten' | 'first-login'>;
}

export interface RateLimitCounterTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export interface MailOutboxTable {
  id: Id;
  to_address: string;
  subject: string;
  text_body: string;
  kind: string;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  sent_at: Timestamp | null;
  failed_at: Timestamp | null;
  last_error: string | null;
}

export type MessageType = 'referral' | 'message' | 'consultation' | 'result' | 'appointment-reminder';

export interface NotificationPreferenceTable {
  account_id: RefId;
  message_type: MessageType;
  send_email: boolean;
}

export type GranteeType = 'account' | 'organisation' | 'portal-user' | 'uzi';
export type ExclusionGranteeType = 'account' | 'organisation' | 'uzi';
export type StoredGroundKind =
  | 'treatment-relationship'
  | 'referral'
  | 'consent'
  | 'proxy-parent'
  | 'proxy-third-party'
  | 'share-code'
  | 'break-glass';
export type GroundKind = StoredGroundKind | 'enrolment';

export interface RecordTypeTable {
  code: string;
  name_nl: string;
  name_en: string;
  description: string;
}

export interface RoleRightTable {
  role: string;
  record_type: string;
  can_read: ColumnType<boolean, boolean | undefined, boolean>;
  can_write: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: ColumnType<string, string | undefined, string>;
}

export interface AccessGroundTable {
  id: Id;
  patient_id: RefId;
  grantee_type: GranteeType;
  grantee_id: string;
  kind: StoredGroundKind;
  source: string;
  valid_from: ColumnType<Date, Date | string | undefined, Date | string>;
  valid_to: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
  /** Insert as JSON.stringify(...). */
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface AccessExclusionTable {
  id: Id;
  patient_id: RefId;
  grantee_type: ExclusionGranteeType;
  grantee_id: string;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
  created_by: string;
}

/** The view that unites explicit grounds, current enrolments and referrals (migration 0003). */
export interface EffectiveAccessGroundView {
  ground_ref: ColumnType<string, never, never>;
  patient_id: ColumnType<string, never, never>;
  grantee_type: ColumnType<GranteeType, never, never>;
  grantee_id: ColumnType<string, never, never>;
  kind: ColumnType<GroundKind, never, never>;
  channel: ColumnType<string | null, never, never>;
  source: ColumnType<string, never, never>;
  valid_from: ColumnType<Date, never, never>;
  valid_to: ColumnType<Date | null, never, never>;
}

export type InsuranceOutcome = 'insured' | 'not-insured' | 'unavailable';

export interface InsuranceCheckTable {
  id: Id;
  patient_id: RefId | null;
  bsn: string;
  birth_date: DateOnly;
  checked_at: Timestamp;
  checked_by_account_id: RefId;
  outcome: InsuranceOutcome;
  insurer_name: string | null;
  uzovi_code: string | null;
  policy_number: string | null;
  source: string;
}

export interface MemoTable {
  id: Id;
  patient_id: RefId;
  author_account_id: RefId;
  organisation_id: RefId;
  visibility: 'personal' | 'practice';
  text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface Database {
  role: RoleTable;
  organisation: OrganisationTable;
  person: PersonTable;
  account: AccountTable;
  patient: PatientTable;
  enrolment: EnrolmentTable;
  trajectory: TrajectoryTable;
  measurement: MeasurementTable;
  referral: ReferralTable;
  admission: AdmissionTable;
  clinical_document: ClinicalDocumentTable;
  patient_relation: PatientRelationTable;
  app_secret: AppSecretTable;
  web_session: WebSessionTable;
  login_challenge: LoginChallengeTable;
  password_reset: PasswordResetTable;
  rate_limit_counter: RateLimitCounterTable;
  mail_outbox: MailOutboxTable;
  notification_preference: NotificationPreferenceTable;
  record_type: RecordTypeTable;
  role_right: RoleRightTable;
  access_ground: AccessGroundTable;
  access_exclusion: AccessExclusionTable;
  effective_access_ground: EffectiveAccessGroundView;
  audit_event: AuditEventTable;
  insurance_check: InsuranceCheckTable;
  memo: MemoTable;
  his_practice_credential: HisPracticeCredentialTable;
  his_account_link: HisAccountLinkTable;
  his_launch: HisLaunchTable;
  his_signature_use: HisSignatureUseTable;
  legacy_import_run: LegacyImportRunTable;
  legacy_journal_entry: LegacyJournalEntryTable;
  form_definition: FormDefinitionTable;
  form_entry: FormEntryTable;
  form_response: FormResponseTable;
  form_draft: FormDraftTable;
  blob: BlobTable;
  message_thread: MessageThreadTable;
  message: MessageTable;
  message_attachment: MessageAttachmentTable;
  message_recipient: MessageRecipientTable;
  tariff: TariffTable;
  invoice: InvoiceTable;
  invoice_line: InvoiceLineTable;
  result_signal_seen: ResultSignalSeenTable;
  patient_name_gram: PatientNameGramTable;
}

/**
 * Every 2- and 3-letter piece of a patient's folded family name with the list order (migration 0015): name search reads
 * the rarest piece of the term in list order. Kept by a database trigger; the app only reads it.
 */
export interface PatientNameGramTable {
  gram: ColumnType<string, never, never>;
  family_name: ColumnType<string, never, never>;
  birth_date: ColumnType<DateOnly, never, never>;
  patient_id: ColumnType<string, never, never>;
  family_name_search: ColumnType<string, never, never>;
}

/** Signalen "Uitslagen": when the account last marked its result signals as seen (migration 0014). */
export interface ResultSignalSeenTable {
  account_id: RefId;
  seen_at: Timestamp;
}

export type Organisation = Selectable<OrganisationTable>;
export type Account = Selectable<AccountTable>;
export type Patient = Selectable<PatientTable>;
export type NewPatient = Insertable<PatientTable>;
