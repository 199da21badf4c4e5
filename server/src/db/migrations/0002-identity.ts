import { type Kysely, sql } from 'kysely';

// Werkplek identity: sessions in the database (stateless app servers), emailed verification codes,
// trusted browsers, password resets, lockout, per-IP rate limits, the mail outbox, notification settings.
// Frozen once landed.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the app's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table account
    add column failed_login_count integer not null default 0,
    add column locked_until timestamptz,
    add column password_changed_at timestamptz,
    add column terms_accepted_at timestamptz,
    add column deactivated_at timestamptz`.execute(db);

  // Secrets shared by every app instance (cookie signing); created once at first start.
  await sql`
    create table app_secret (
      name text primary key,
      value text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // Only the SHA-256 of a session token is stored: a database leak does not hand out sessions.
  await sql`
    create table web_session (
      id text primary key,
      account_id bigint not null references account (id),
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ended_at timestamptz,
      end_reason text check (end_reason in ('logout', 'idle', 'expired', 'deactivated', 'password-changed')),
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index web_session_account_idx on web_session (account_id) where ended_at is null`.execute(db);

  // A login between "password correct" and "code verified" (seed 001 §1: Verifieer).
  await sql`
    create table login_challenge (
      id text primary key,
      account_id bigint not null references account (id),
      code_hash text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      wrong_attempts integer not null default 0,
      used_at timestamptz,
      ip text
    )`.execute(db);
  await sql`create index login_challenge_account_idx on login_challenge (account_id)`.execute(db);

  await sql`
    create table password_reset (
      id text primary key,
      account_id bigint not null references account (id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      reason text not null default 'forgotten' check (reason in ('forgotten', 'first-login'))
    )`.execute(db);

  // Fixed-window counters for abuse limits, shared by all instances.
  await sql`
    create table rate_limit_counter (
      key text not null,
      window_start timestamptz not null,
      count integer not null,
      primary key (key, window_start)
    )`.execute(db);

  await sql`
    create table mail_outbox (
      id bigint generated always as identity primary key,
      to_address text not null,
      subject text not null,
      text_body text not null,
      kind text not null,
      created_at timestamptz not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      sent_at timestamptz,
      failed_at timestamptz,
      last_error text
    )`.execute(db);
  await sql`create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null`.execute(
    db,
  );

  await sql`
    create table notification_preference (
      account_id bigint not null references account (id),
      message_type text not null check (message_type in ('referral', 'message', 'consultation', 'result', 'appointment-reminder')),
      send_email boolean not null,
      primary key (account_id, message_type)
    )`.execute(db);
}
