import { type Kysely, sql, type Transaction } from 'kysely';
import { findAccountById } from '../../auth/repository.js';
import type { Database, MessageType } from '../../db/schema.js';
import { countUnreadThreads } from '../../patient-data/messages-threads.js';

// Berichten: the SQL that is not patient data — the account directory, groups, archive flags and notification
// choices. Threads themselves (which may be about a patient), and so the unread count, live in
// patient-data/messages-threads.ts.

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Threads with something unread for this account (not archived): the Berichten badge and the Signalen hook. The same
 * threads the inbox lists (patient-data/messages-threads.ts): threads about a patient the account may not read now
 * do not count, a helpdesk account's care-group threads it has not opened yet do. Pass the injected clock's time;
 * without it the system time is used.
 */
export async function countUnreadMessages(db: Kysely<Database>, accountId: string, now: Date): Promise<number> {
  const account = await findAccountById(db, accountId);
  if (!account) return 0;
  return countUnreadThreads(db, account.actor, now);
}

const personName = sql<string>`concat_ws(' ', p.given_name, p.family_name_prefix, p.family_name)`;

function activePersonalAccounts(db: Executor) {
  return db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('role as ro', 'ro.code', 'a.role')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.username', 'a.role', 'ro.name_nl', 'ro.name_en', 'o.id as organisation_id', 'o.name as organisation'])
    .select(personName.as('name'))
    .where('a.state', '=', 'active')
    .where('a.personal', '=', true);
}

export type DirectoryRow = Awaited<ReturnType<ReturnType<typeof activePersonalAccounts>['execute']>>[number];

/** Recipient picker: active personal accounts by name, organisation or role (accent-insensitive). */
export async function searchAccounts(db: Executor, query: string, limit: number): Promise<DirectoryRow[]> {
  const folded = sql`'%' || keten_fold(${query}) || '%'`;
  return activePersonalAccounts(db)
    .where(
      sql<boolean>`(keten_fold(${personName}) like ${folded} or keten_fold(o.name) like ${folded}
        or keten_fold(ro.name_nl) like ${folded} or keten_fold(a.username) like ${folded}
        or keten_fold(coalesce(o.abbreviation, '')) like ${folded})`,
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('o.name')
    .limit(limit)
    .execute();
}

export async function accountsByIds(db: Executor, ids: string[]): Promise<DirectoryRow[]> {
  if (ids.length === 0) return [];
  return activePersonalAccounts(db).where('a.id', 'in', ids).execute();
}

/** A group for consultation messages: all active personal accounts of a role in the region, or of an organisation. */
export async function groupMembers(db: Executor, group: { role?: string; organisationId?: string }): Promise<DirectoryRow[]> {
  let query = activePersonalAccounts(db);
  if (group.role) query = query.where('a.role', '=', group.role);
  if (group.organisationId) query = query.where('a.organisation_id', '=', group.organisationId);
  return query.orderBy('p.family_name').execute();
}

/** The helpdesk of the care group: active accounts with the helpdesk role in a care-group organisation. */
export async function helpdeskAccounts(db: Executor): Promise<DirectoryRow[]> {
  return activePersonalAccounts(db).where('a.role', '=', 'helpdesk').where('o.type', '=', 'care-group').execute();
}

/** Roles and organisations that have at least one active personal account (the group choices). */
export async function groupChoices(db: Executor) {
  const roles = await db
    .selectFrom('role as ro')
    .innerJoin('account as a', 'a.role', 'ro.code')
    .select(['ro.code', 'ro.name_nl', 'ro.name_en', sql<number>`count(*)::int`.as('members')])
    .where('a.state', '=', 'active')
    .where('a.personal', '=', true)
    .groupBy(['ro.code', 'ro.name_nl', 'ro.name_en'])
    .orderBy('ro.name_nl')
    .execute();
  const organisations = await db
    .selectFrom('organisation as o')
    .innerJoin('account as a', 'a.organisation_id', 'o.id')
    .select(['o.id', 'o.name', sql<number>`count(*)::int`.as('members')])
    .where('a.state', '=', 'active')
    .where('a.personal', '=', true)
    .groupBy(['o.id', 'o.name'])
    .orderBy('o.name')
    .execute();
  return { roles, organisations };
}

export async function setArchived(db: Executor, threadId: string, accountId: string, archived: boolean): Promise<boolean> {
  const result = await db
    .updateTable('message_recipient')
    .set({ archived })
    .where('thread_id', '=', threadId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Mark a thread unread again for this account. */
export async function markUnread(db: Executor, threadId: string, accountId: string): Promise<boolean> {
  const result = await db
    .updateTable('message_recipient')
    .set({ read_at: null })
    .where('thread_id', '=', threadId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Who of these accounts wants an email for this message type, and where to (active accounts only). */
export async function mailRecipients(
  db: Executor,
  accountIds: string[],
  type: MessageType,
  defaultSendEmail: boolean,
): Promise<{ accountId: string; email: string }[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .selectFrom('account as a')
    .leftJoin('notification_preference as n', (join) => join.onRef('n.account_id', '=', 'a.id').on('n.message_type', '=', type))
    .select(['a.id', 'a.email', 'n.send_email'])
    .where('a.id', 'in', accountIds)
    .where('a.state', '=', 'active')
    .execute();
  return rows
    .filter((row) => (row.send_email ?? defaultSendEmail) && row.email)
    .map((row) => ({ accountId: row.id, email: row.email }));
}
