import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { ProviderActor, RequestContext } from '../access/context.js';
import { can, loadAccessFacts, patientAccessCondition } from '../access/index.js';
import { findAccountById } from '../auth/repository.js';
import { type BlobInfo, readBlob } from '../blob/index.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';
import type { ThreadKind } from '../modules/messages/tables.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { ownFreeUploads } from './referral-send.js';

// Berichten (seed 001 §3.4): threads, optionally about a patient. A thread with patient context is patient data:
// writing and reading it goes through withPatient (the sender's access decided and audited), and every recipient
// must be allowed to read the patient — decided per recipient by the same policy, with that recipient's facts.
// Inbox lists never show patient data (no name, no text of a message about a patient).
//
// Access is decided NOW, not when the thread started: a reply about a patient is checked against every other
// participant's current access like a new message (refused with 422 naming them, nothing stored), and a participant
// who lost access (a referral or treatment relationship ended, the patient excluded them) no longer lists, counts,
// opens or answers the thread — to them it is "not found". Their row stays: when access returns, so does the thread.
//
// Helpdesk threads belong to the care group's helpdesk, not to the accounts that held the role when the thread
// started: every current helpdesk account of that care group (the organisation of the thread's `via_group =
// 'helpdesk'` participants) sees them. A newcomer has no message_recipient row yet; until they open, answer, archive
// or mark the thread, it counts as UNREAD and in the inbox for them (it is news to them). Their row is written at
// that first action, and a new message in the thread writes rows for all current helpdesk accounts (so they are
// notified and it is unread for them like for the others).

export interface MessageRecipientInput {
  actor: ProviderActor;
  viaGroup: string | null;
}

export interface NewThreadInput {
  kind: ThreadKind;
  subject: string;
  body: string;
  patientId: string | null;
  recipients: MessageRecipientInput[];
  attachmentIds: string[];
}

export interface Written {
  threadId: string;
  messageId: string;
  /** Participants other than the author, to notify. */
  notify: string[];
  kind: ThreadKind;
}

/** Mails and other side effects, in the transaction of the message. */
export type AfterWrite = (trx: Transaction<Database>, written: Written) => Promise<void>;

function providerOf(context: RequestContext): ProviderActor {
  if (context.actor.kind !== 'provider') throw AppError.notFound();
  return context.actor;
}

/** A current helpdesk account of a care group (the helpdesk role only exists there; personal accounts only). */
function isHelpdesk(actor: ProviderActor): boolean {
  return actor.personal && actor.role === 'helpdesk' && actor.organisationType === 'care-group';
}

/** SQL: the thread `t` is a helpdesk thread of the care group whose helpdesk this actor belongs to now. */
function helpdeskThreadOf(actor: ProviderActor): Expression<SqlBool> {
  if (!isHelpdesk(actor)) return sql<SqlBool>`false`;
  return sql<SqlBool>`(t.kind = 'helpdesk' and exists (select 1 from message_recipient hr
    join account ha on ha.id = hr.account_id
    where hr.thread_id = t.id and hr.via_group = 'helpdesk' and ha.organisation_id = ${actor.organisationId}))`;
}

/** SQL: the thread `t` has no patient, or the actor may read its patient now (the policy as SQL). */
function patientVisible(actor: ProviderActor, now: Date): Expression<SqlBool> {
  return sql<SqlBool>`(t.patient_id is null or ${patientAccessCondition(actor, now, 't.patient_id')})`;
}

/** The recipients who may NOT read this patient (personal accounts only; the policy decides per recipient). */
export async function recipientsWithoutPatientAccess(
  trx: Kysely<Database> | Transaction<Database>,
  patientId: string,
  recipients: ProviderActor[],
  now: Date,
): Promise<ProviderActor[]> {
  const refused: ProviderActor[] = [];
  for (const recipient of recipients) {
    const facts = await loadAccessFacts(trx as Kysely<Database>, recipient, patientId, now);
    if (!recipient.personal || !can(recipient, 'read', { kind: 'patient', patientId }, facts).allow) refused.push(recipient);
  }
  return refused;
}

function recipientsWithoutAccessError(
  refused: ProviderActor[],
  field: 'recipients' | 'body',
  key: 'messages.recipientsWithoutAccess.detail' | 'messages.replyRecipientsWithoutAccess.detail',
): AppError {
  const names = refused.map((recipient) => `${recipient.name} (${recipient.organisationName})`).join(', ');
  return new AppError(
    422,
    'recipient-without-access',
    'messages.recipientsWithoutAccess.title',
    undefined,
    [{ field, key, params: { names } }],
    { names },
    { refusedRecipients: refused.map((recipient) => ({ accountId: recipient.accountId, name: recipient.name })) },
  );
}

async function linkAttachments(trx: Transaction<Database>, actor: ProviderActor, messageId: string, blobIds: string[]) {
  if (blobIds.length === 0) return;
  const unique = [...new Set(blobIds)];
  // Only the sender's own uploads that nothing holds yet (no message, referral or referral draft): a file has one
  // owner, whose access rules decide who may read it.
  const usable = await ownFreeUploads(trx, actor, unique);
  if (usable.length !== unique.length) {
    throw new AppError(422, 'attachment-unknown', 'messages.attachmentUnknown.title', 'messages.attachmentUnknown.detail', [
      { field: 'attachments', key: 'messages.attachmentUnknown.detail' },
    ]);
  }
  await trx
    .insertInto('message_attachment')
    .values(unique.map((blobId, position) => ({ message_id: messageId, blob_id: blobId, position })))
    .execute();
}

async function insertMessage(
  trx: Transaction<Database>,
  actor: ProviderActor,
  threadId: string,
  body: string,
  attachmentIds: string[],
  now: Date,
): Promise<string> {
  const message = await trx
    .insertInto('message')
    .values({ thread_id: threadId, author_account_id: actor.accountId, body, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await linkAttachments(trx, actor, message.id, attachmentIds);
  return message.id;
}

/** Starts a thread. Patient context: all recipients must be allowed to read the patient, else nothing is stored. */
export async function createThread(
  deps: PatientDataDependencies,
  context: RequestContext,
  input: NewThreadInput,
  afterWrite: AfterWrite,
): Promise<Written> {
  const actor = providerOf(context);
  const now = deps.clock.now();
  const recipients = input.recipients.filter((recipient) => recipient.actor.accountId !== actor.accountId);
  const write = async (trx: Transaction<Database>): Promise<Written> => {
    const thread = await trx
      .insertInto('message_thread')
      .values({
        kind: input.kind,
        subject: input.subject,
        patient_id: input.patientId,
        created_by_account_id: actor.accountId,
        created_at: now,
        last_message_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const messageId = await insertMessage(trx, actor, thread.id, input.body, input.attachmentIds, now);
    await trx
      .insertInto('message_recipient')
      .values([
        { thread_id: thread.id, account_id: actor.accountId, via_group: null, joined_at: now, read_at: now },
        ...recipients.map((recipient) => ({
          thread_id: thread.id,
          account_id: recipient.actor.accountId,
          via_group: recipient.viaGroup,
          joined_at: now,
          read_at: null,
        })),
      ])
      .execute();
    const written: Written = {
      threadId: thread.id,
      messageId,
      notify: recipients.map((recipient) => recipient.actor.accountId),
      kind: input.kind,
    };
    await afterWrite(trx, written);
    return written;
  };

  const patientId = input.patientId;
  if (!patientId) return deps.db.transaction().execute(write);
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'message-thread',
    auditAction: 'create',
    details: { kind: input.kind, recipients: recipients.length, attachments: input.attachmentIds.length },
    auditAfter: (written) => ({ objectId: written.threadId }),
    async run(trx) {
      const refused = await recipientsWithoutPatientAccess(
        trx,
        patientId,
        recipients.map((recipient) => recipient.actor),
        now,
      );
      if (refused.length > 0) {
        throw recipientsWithoutAccessError(refused, 'recipients', 'messages.recipientsWithoutAccess.detail');
      }
      return write(trx);
    },
  });
}

/**
 * The thread as this actor sees it: as a participant (their row), or as a current helpdesk account of the thread's
 * care group without a row yet (unread, not archived). Anyone else: not found. Patient access is decided by the
 * callers (withPatient, or `requireParticipant`).
 */
async function participantThread(db: Kysely<Database>, threadId: string, actor: ProviderActor) {
  const row = await db
    .selectFrom('message_thread as t')
    .leftJoin('message_recipient as r', (join) => join.onRef('r.thread_id', '=', 't.id').on('r.account_id', '=', actor.accountId))
    .select(['t.id', 't.kind', 't.subject', 't.patient_id', 't.created_at', 'r.archived', 'r.read_at'])
    .select(sql<boolean>`r.account_id is not null`.as('participant'))
    .where('t.id', '=', threadId)
    .where((eb) => eb.or([eb('r.account_id', 'is not', null), helpdeskThreadOf(actor)]))
    .executeTakeFirst();
  if (!row) throw AppError.notFound();
  return { ...row, archived: row.archived ?? false };
}

/** A helpdesk newcomer's own row, written at their first action in the thread (unread until they open it). */
async function joinAsHelpdesk(trx: Transaction<Database>, threadId: string, actor: ProviderActor, now: Date) {
  await trx
    .insertInto('message_recipient')
    .values({ thread_id: threadId, account_id: actor.accountId, via_group: 'helpdesk', joined_at: now, read_at: null })
    .onConflict((conflict) => conflict.columns(['thread_id', 'account_id']).doNothing())
    .execute();
}

/** Rows for every current helpdesk account of the thread's care group (a new message: unread for all of them). */
async function joinCurrentHelpdesk(trx: Transaction<Database>, threadId: string, now: Date) {
  await trx
    .insertInto('message_recipient')
    .columns(['thread_id', 'account_id', 'via_group', 'joined_at', 'read_at'])
    .expression((eb) =>
      eb
        .selectFrom('account as a')
        .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
        .select([
          sql<string>`${threadId}::bigint`.as('thread_id'),
          'a.id as account_id',
          sql<string>`'helpdesk'`.as('via_group'),
          sql<Date>`${now}::timestamptz`.as('joined_at'),
          sql<null>`null::timestamptz`.as('read_at'),
        ])
        .where('a.role', '=', 'helpdesk')
        .where('a.state', '=', 'active')
        .where('a.personal', '=', true)
        .where('o.type', '=', 'care-group')
        .where(
          'a.organisation_id',
          'in',
          eb
            .selectFrom('message_recipient as hr')
            .innerJoin('account as ha', 'ha.id', 'hr.account_id')
            .select('ha.organisation_id')
            .where('hr.thread_id', '=', threadId)
            .where('hr.via_group', '=', 'helpdesk'),
        ),
    )
    .onConflict((conflict) => conflict.columns(['thread_id', 'account_id']).doNothing())
    .execute();
}

/**
 * For actions on a thread that read no patient data (archive, mark unread): the actor must see the thread — as a
 * participant or current helpdesk account and, about a patient, with access to that patient now — else not found.
 * A helpdesk newcomer gets their row here.
 */
export async function requireParticipant(deps: PatientDataDependencies, context: RequestContext, threadId: string) {
  const actor = providerOf(context);
  const now = deps.clock.now();
  const thread = await participantThread(deps.db, threadId, actor);
  if (thread.patient_id && (await recipientsWithoutPatientAccess(deps.db, thread.patient_id, [actor], now)).length > 0) {
    throw AppError.notFound();
  }
  if (!thread.participant) await deps.db.transaction().execute((trx) => joinAsHelpdesk(trx, threadId, actor, now));
}

/** The other participants who would receive a message now: active accounts (an inactive one receives nothing). */
async function activeOtherParticipants(trx: Transaction<Database>, threadId: string, authorId: string) {
  const rows = await trx
    .selectFrom('message_recipient as r')
    .innerJoin('account as a', 'a.id', 'r.account_id')
    .select('r.account_id')
    .where('r.thread_id', '=', threadId)
    .where('r.account_id', '<>', authorId)
    .where('a.state', '=', 'active')
    .orderBy('r.account_id')
    .execute();
  const actors: ProviderActor[] = [];
  for (const row of rows) {
    const record = await findAccountById(trx, row.account_id);
    if (record) actors.push(record.actor);
  }
  return actors;
}

/**
 * A reply: the author must see the thread (participant, or current helpdesk account of a helpdesk thread). About a
 * patient → the author's access is decided and audited, and every other participant who would receive it must be
 * allowed to read the patient NOW (like a new message): otherwise 422 naming them, and nothing is stored.
 */
export async function replyToThread(
  deps: PatientDataDependencies,
  context: RequestContext,
  threadId: string,
  input: { body: string; attachmentIds: string[] },
  afterWrite: AfterWrite,
): Promise<Written> {
  const actor = providerOf(context);
  const now = deps.clock.now();
  const thread = await participantThread(deps.db, threadId, actor);
  const write = async (trx: Transaction<Database>): Promise<Written> => {
    if (thread.kind === 'helpdesk') await joinCurrentHelpdesk(trx, threadId, now);
    if (!thread.participant) await joinAsHelpdesk(trx, threadId, actor, now);
    const messageId = await insertMessage(trx, actor, threadId, input.body, input.attachmentIds, now);
    await trx.updateTable('message_thread').set({ last_message_at: now }).where('id', '=', threadId).execute();
    await trx
      .updateTable('message_recipient')
      .set({ read_at: null, archived: false })
      .where('thread_id', '=', threadId)
      .where('account_id', '<>', actor.accountId)
      .execute();
    await trx
      .updateTable('message_recipient')
      .set({ read_at: now, archived: false })
      .where('thread_id', '=', threadId)
      .where('account_id', '=', actor.accountId)
      .execute();
    const others = await trx
      .selectFrom('message_recipient')
      .select('account_id')
      .where('thread_id', '=', threadId)
      .where('account_id', '<>', actor.accountId)
      .execute();
    const written: Written = { threadId, messageId, notify: others.map((row) => row.account_id), kind: thread.kind };
    await afterWrite(trx, written);
    return written;
  };
  const patientId = thread.patient_id;
  if (!patientId) return deps.db.transaction().execute(write);
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'message',
    auditAction: 'create',
    details: { threadId, attachments: input.attachmentIds.length },
    auditAfter: (written) => ({ objectId: written.messageId }),
    async run(trx) {
      const others = await activeOtherParticipants(trx, threadId, actor.accountId);
      const refused = await recipientsWithoutPatientAccess(trx, patientId, others, now);
      if (refused.length > 0) {
        throw recipientsWithoutAccessError(refused, 'body', 'messages.replyRecipientsWithoutAccess.detail');
      }
      return write(trx);
    },
  });
}

export interface ThreadSummary {
  id: string;
  kind: ThreadKind;
  subject: string;
  aboutPatient: boolean;
  createdAt: Date;
  lastMessageAt: Date;
  unread: boolean;
  archived: boolean;
  lastAuthor: string;
  /** The start of the last message; empty for threads about a patient (lists carry no patient data). */
  preview: string;
  participants: string[];
  messageCount: number;
}

const personName = sql<string>`concat_ws(' ', p.given_name, p.family_name_prefix, p.family_name)`;

/**
 * The actor's threads (inbox or archive), newest activity first: those they take part in plus, for a helpdesk
 * account, the care group's helpdesk threads they have no row for yet (unread, in the inbox). Threads about a
 * patient the actor may not read now are left out (the policy as SQL). No patient data, so no audit event.
 */
export async function listThreads(
  db: Kysely<Database>,
  actor: ProviderActor,
  box: 'inbox' | 'archive',
  now: Date,
  limit = 200,
): Promise<ThreadSummary[]> {
  const accountId = actor.accountId;
  const rows = await db
    .selectFrom('message_thread as t')
    .leftJoin('message_recipient as r', (join) => join.onRef('r.thread_id', '=', 't.id').on('r.account_id', '=', accountId))
    .select([
      't.id',
      't.kind',
      't.subject',
      't.created_at',
      't.last_message_at',
      'r.read_at',
      sql<boolean>`r.account_id is not null`.as('participant'),
      sql<boolean>`coalesce(r.archived, false)`.as('archived'),
      sql<boolean>`t.patient_id is not null`.as('about_patient'),
      sql<string>`(select ${personName} from message m join account a on a.id = m.author_account_id
        join person p on p.id = a.person_id where m.thread_id = t.id order by m.created_at desc, m.id desc limit 1)`.as(
        'last_author',
      ),
      sql<string>`(select left(m.body, 140) from message m where m.thread_id = t.id
        order by m.created_at desc, m.id desc limit 1)`.as('last_body'),
      sql<string[]>`array(select ${personName} from message_recipient rr join account a on a.id = rr.account_id
        join person p on p.id = a.person_id where rr.thread_id = t.id and rr.account_id <> ${accountId}
        order by p.family_name, p.given_name limit 6)`.as('participants'),
      sql<number>`(select count(*)::int from message m where m.thread_id = t.id)`.as('message_count'),
    ])
    .where((eb) => eb.or([eb('r.account_id', 'is not', null), helpdeskThreadOf(actor)]))
    .where(sql<SqlBool>`coalesce(r.archived, false) = ${box === 'archive'}`)
    .where(patientVisible(actor, now))
    .orderBy('t.last_message_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    aboutPatient: row.about_patient,
    createdAt: row.created_at,
    lastMessageAt: row.last_message_at,
    unread: row.read_at === null,
    archived: row.archived,
    lastAuthor: row.last_author ?? '',
    preview: row.about_patient ? '' : (row.last_body ?? ''),
    participants: row.participants ?? [],
    messageCount: Number(row.message_count),
  }));
}

/**
 * Threads with something unread for the actor (not archived): the Berichten badge and Signalen. The same threads as
 * the inbox: a helpdesk account's care-group threads without a row count as unread; threads about a patient the
 * actor may not read now do not count.
 */
export async function countUnreadThreads(db: Kysely<Database>, actor: ProviderActor, now: Date): Promise<number> {
  const participating = await db
    .selectFrom('message_recipient as r')
    .innerJoin('message_thread as t', 't.id', 'r.thread_id')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('r.account_id', '=', actor.accountId)
    .where('r.read_at', 'is', null)
    .where('r.archived', '=', false)
    .where(patientVisible(actor, now))
    .executeTakeFirstOrThrow();
  if (!isHelpdesk(actor)) return Number(participating.count);
  const notJoined = await db
    .selectFrom('message_thread as t')
    .select(sql<number>`count(*)::int`.as('count'))
    .where(helpdeskThreadOf(actor))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('message_recipient as r')
            .select('r.account_id')
            .whereRef('r.thread_id', '=', 't.id')
            .where('r.account_id', '=', actor.accountId),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(participating.count) + Number(notJoined.count);
}

export interface ThreadMessage {
  id: string;
  author: { accountId: string; name: string; role: { code: string; nl: string; en: string }; organisation: string };
  body: string;
  createdAt: Date;
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
  mine: boolean;
}

export interface ThreadDetail {
  id: string;
  kind: ThreadKind;
  subject: string;
  createdAt: Date;
  archived: boolean;
  patient: { id: string; name: string; birthDate: string } | null;
  participants: {
    accountId: string;
    name: string;
    role: { code: string; nl: string; en: string };
    organisation: string;
    viaGroup: string | null;
  }[];
  messages: ThreadMessage[];
}

async function loadThread(trx: Kysely<Database> | Transaction<Database>, actor: ProviderActor, threadId: string) {
  const messages = await trx
    .selectFrom('message as m')
    .innerJoin('account as a', 'a.id', 'm.author_account_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('role as ro', 'ro.code', 'a.role')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'm.id',
      'm.body',
      'm.created_at',
      'm.author_account_id',
      'a.role',
      'ro.name_nl',
      'ro.name_en',
      'o.name as organisation',
    ])
    .select(personName.as('name'))
    .where('m.thread_id', '=', threadId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  const attachments =
    messages.length === 0
      ? []
      : await trx
          .selectFrom('message_attachment as ma')
          .innerJoin('blob as b', 'b.id', 'ma.blob_id')
          .select(['ma.message_id', 'b.id', 'b.file_name', 'b.content_type', 'b.size_bytes'])
          .where(
            'ma.message_id',
            'in',
            messages.map((message) => message.id),
          )
          .orderBy('ma.position')
          .execute();
  const participants = await trx
    .selectFrom('message_recipient as r')
    .innerJoin('account as a', 'a.id', 'r.account_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('role as ro', 'ro.code', 'a.role')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['r.account_id', 'r.via_group', 'a.role', 'ro.name_nl', 'ro.name_en', 'o.name as organisation'])
    .select(personName.as('name'))
    .where('r.thread_id', '=', threadId)
    .orderBy('p.family_name')
    .execute();
  return {
    participants: participants.map((row) => ({
      accountId: row.account_id,
      name: row.name,
      role: { code: row.role, nl: row.name_nl, en: row.name_en },
      organisation: row.organisation,
      viaGroup: row.via_group,
    })),
    messages: messages.map(
      (row): ThreadMessage => ({
        id: row.id,
        author: {
          accountId: row.author_account_id,
          name: row.name,
          role: { code: row.role, nl: row.name_nl, en: row.name_en },
          organisation: row.organisation,
        },
        body: row.body,
        createdAt: row.created_at,
        attachments: attachments
          .filter((attachment) => attachment.message_id === row.id)
          .map((attachment) => ({
            id: attachment.id,
            fileName: attachment.file_name,
            contentType: attachment.content_type,
            size: attachment.size_bytes,
          })),
        mine: row.author_account_id === actor.accountId,
      }),
    ),
  };
}

/**
 * Opens a thread (participants, and current helpdesk accounts for helpdesk threads) and marks it read; about a
 * patient → audited read of that patient, decided now (lost access → "not found", an access-denied event).
 */
export async function openThread(
  deps: PatientDataDependencies,
  context: RequestContext,
  threadId: string,
): Promise<ThreadDetail> {
  const actor = providerOf(context);
  const now = deps.clock.now();
  const thread = await participantThread(deps.db, threadId, actor);
  const read = async (trx: Transaction<Database>, patient: ThreadDetail['patient']): Promise<ThreadDetail> => {
    if (!thread.participant) await joinAsHelpdesk(trx, threadId, actor, now);
    const loaded = await loadThread(trx, actor, threadId);
    await trx
      .updateTable('message_recipient')
      .set({ read_at: now })
      .where('thread_id', '=', threadId)
      .where('account_id', '=', actor.accountId)
      .where('read_at', 'is', null)
      .execute();
    return {
      id: thread.id,
      kind: thread.kind,
      subject: thread.subject,
      createdAt: thread.created_at,
      archived: thread.archived,
      patient,
      ...loaded,
    };
  };
  const patientId = thread.patient_id;
  if (!patientId) return deps.db.transaction().execute((trx) => read(trx, null));
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'message-thread',
    objectId: threadId,
    async run(trx) {
      const patient = await trx
        .selectFrom('patient')
        .select(['id', 'roepnaam', 'family_name_prefix', 'family_name', 'birth_date'])
        .where('id', '=', patientId)
        .executeTakeFirstOrThrow();
      return read(trx, {
        id: patient.id,
        name: [patient.roepnaam, patient.family_name_prefix, patient.family_name].filter(Boolean).join(' '),
        birthDate: patient.birth_date,
      });
    },
  });
}

/**
 * An attachment for download: only for participants of a thread it is attached to (and current helpdesk accounts
 * for a helpdesk thread); about a patient → the download is an audited read of that patient, decided now.
 */
export async function readAttachment(
  deps: PatientDataDependencies,
  context: RequestContext,
  blobId: string,
): Promise<BlobInfo & { bytes: Buffer }> {
  const actor = providerOf(context);
  const thread = await deps.db
    .selectFrom('message_attachment as ma')
    .innerJoin('message as m', 'm.id', 'ma.message_id')
    .innerJoin('message_thread as t', 't.id', 'm.thread_id')
    .leftJoin('message_recipient as r', (join) => join.onRef('r.thread_id', '=', 't.id').on('r.account_id', '=', actor.accountId))
    .select(['t.id', 't.patient_id'])
    .where('ma.blob_id', '=', blobId)
    .where((eb) => eb.or([eb('r.account_id', 'is not', null), helpdeskThreadOf(actor)]))
    .executeTakeFirst();
  if (!thread) throw AppError.notFound();
  const patientId = thread.patient_id;
  if (!patientId) {
    const blob = await readBlob(deps.db, blobId);
    if (!blob) throw AppError.notFound();
    return blob;
  }
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'message-attachment',
    objectId: blobId,
    details: { threadId: thread.id },
    async run(trx) {
      const blob = await readBlob(trx, blobId);
      if (!blob) throw AppError.notFound();
      return blob;
    },
  });
}
