import { type Kysely, sql } from 'kysely';

// The HIS launch (seed 000; product.md §2; docs/his-launch.md): practice credentials the HIS sends
// (TetraHIS "Medix" form: Organisatienummer, Praktijknummer, praktijkwachtwoord, Gebruikersnummer), personal
// MiraHIS links, signed launches, and the pending launch between "HIS opened Keten" and "user logged in".
// Frozen once landed.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  // One row per GP practice. The practice password is only an argon2id hash. The signing secret must be usable to
  // verify an HMAC, so it is stored as is (see docs/his-launch.md "Security notes" for the trade-off).
  await sql`
    create table his_practice_credential (
      organisation_id bigint primary key references organisation (id),
      organisatienummer integer not null check (organisatienummer between 1 and 999999999),
      praktijknummer integer not null unique check (praktijknummer between 1 and 999999999),
      password_hash text,
      password_changed_at timestamptz,
      password_changed_by_account_id bigint references account (id),
      signing_secret text,
      signing_secret_created_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);

  // MiraHIS "Externe links": one personal link per account; only the SHA-256 of its 256-bit token is kept.
  await sql`
    create table his_account_link (
      account_id bigint primary key references account (id),
      token_hash text not null unique,
      created_at timestamptz not null,
      created_by_account_id bigint references account (id)
    )`.execute(db);

  // A launch waiting for the user to log in: 10 minutes, single use. The patient context (BSN, name, address as
  // the HIS sent them) is cleared when the launch is used; old rows are pruned.
  await sql`
    create table his_launch (
      id bigint generated always as identity primary key,
      token_hash text not null unique,
      account_id bigint not null references account (id),
      method text not null check (method in ('practice-password', 'account-link', 'signed')),
      patient_context jsonb,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index his_launch_expires_idx on his_launch (expires_at)`.execute(db);

  // Signatures of signed launches already used, kept until they would have expired anyway (no replay).
  await sql`
    create table his_signature_use (
      signature_hash text primary key,
      organisation_id bigint not null references organisation (id),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index his_signature_use_expires_idx on his_signature_use (expires_at)`.execute(db);
}
