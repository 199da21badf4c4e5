import { type Kysely, sql } from 'kysely';

// Verwijzing versturen / ontvangen (seed 001 §7.2–7.3): a referral sent with a "Verwijzing …" task remembers the
// published entry it came from, the patient contact details given, the urgency and an optional letter (a blob,
// migration 0010). Referrals from before (demo data, Naar jezelf verwijzen) have no entry. Frozen once landed.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table referral
      add column form_entry_id bigint references form_entry (id),
      add column urgency text check (urgency in ('regulier', 'spoed')),
      add column contact_phone text check (length(contact_phone) <= 30),
      add column contact_email text check (length(contact_email) <= 200),
      add column contact_availability text check (length(contact_availability) <= 500),
      add column letter_blob_id bigint references blob (id)`.execute(db);
  // One referral per published entry (a retried publish never sends twice); Historie finds it by its entry.
  await sql`create unique index referral_form_entry_key on referral (form_entry_id) where form_entry_id is not null`.execute(db);
  // A letter belongs to one referral.
  await sql`create unique index referral_letter_blob_key on referral (letter_blob_id) where letter_blob_id is not null`.execute(
    db,
  );
}
