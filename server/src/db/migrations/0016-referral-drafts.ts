import { type Kysely, sql } from 'kysely';

// Concepten of "Verwijzing …" tasks (issue 7; docs/clinical-record.md §4): a draft keeps the receiving organisation
// chosen and the referral letter uploaded (a reference to the stored blob, not a copy), so reopening the draft brings
// both back and publishing sends them. A letter belongs to one draft at a time; a discarded or replaced letter is
// deleted with its draft reference (patient-data/referral-draft.ts). Frozen once landed.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table form_draft
      add column referral_to_organisation_id bigint references organisation (id),
      add column referral_letter_blob_id bigint references blob (id)`.execute(db);
  await sql`create unique index form_draft_referral_letter_key on form_draft (referral_letter_blob_id)
    where referral_letter_blob_id is not null`.execute(db);
}
