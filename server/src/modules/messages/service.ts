import type { ProviderActor, RequestContext } from '../../access/context.js';
import { mayUse } from '../../access/role-functions.js';
import { findAccountById } from '../../auth/repository.js';
import { type BlobInfo, storeBlob } from '../../blob/index.js';
import { AppError } from '../../http/problem.js';
import { enqueueMail } from '../../mail/outbox-repository.js';
import { newMessageMail } from '../../mail/templates.js';
import {
  type AfterWrite,
  createThread,
  listThreads,
  type MessageRecipientInput,
  openThread,
  readAttachment,
  replyToThread,
  requireParticipant,
  type ThreadDetail,
  type ThreadSummary,
} from '../../patient-data/messages-threads.js';
import type { PatientDataDependencies } from '../../patient-data/patient-access.js';
import { DEFAULT_SEND_EMAIL } from '../settings/service.js';
import {
  accountsByIds,
  countUnreadMessages,
  type DirectoryRow,
  groupChoices,
  groupMembers,
  helpdeskAccounts,
  mailRecipients,
  markUnread,
  searchAccounts,
  setArchived,
} from './repository.js';

// Berichten (seed 001 §3.4) and the helpdesk's messages (§3.7). Rules: recipients are active personal accounts; a
// group (a role in the region, or an organisation) is expanded to its members when sending; a message about a
// patient goes only to providers who may see that patient (decided in patient-data, per recipient); recipients
// are notified by email per their settings, with a text that carries no patient data.

export interface MessagesDependencies extends PatientDataDependencies {
  /** Nudges the mail sender after a commit (optional). */
  mailQueued?: () => void;
}

export type RecipientGroup = { type: 'role'; role: string } | { type: 'organisation'; organisationId: string };

export interface SendInput {
  subject: string;
  body: string;
  recipients: string[];
  groups: RecipientGroup[];
  patientId?: string | null;
  attachmentIds: string[];
}

/**
 * Berichten is a Werkplek function (role-functions.ts); asking the helpdesk is one too (the answer arrives as a
 * thread, so either function opens the inbox and own threads). Without it the routes answer 404.
 */
function providerOf(context: RequestContext, fn?: 'messages' | 'helpdesk'): ProviderActor {
  const actor = context.actor;
  if (actor.kind !== 'provider') throw AppError.notFound();
  const may = (name: 'messages' | 'helpdesk') => mayUse(actor.role, actor.organisationType, name);
  if (fn ? !may(fn) : !may('messages') && !may('helpdesk')) throw AppError.notFound();
  return actor;
}

export interface DirectoryEntry {
  accountId: string;
  name: string;
  username: string;
  role: { code: string; nl: string; en: string };
  organisation: { id: string; name: string };
}

function toEntry(row: DirectoryRow): DirectoryEntry {
  return {
    accountId: row.id,
    name: row.name,
    username: row.username,
    role: { code: row.role, nl: row.name_nl, en: row.name_en },
    organisation: { id: row.organisation_id, name: row.organisation },
  };
}

export async function directory(deps: MessagesDependencies, context: RequestContext, query: string) {
  providerOf(context, 'messages');
  const trimmed = query.trim();
  const accounts = trimmed.length >= 2 ? (await searchAccounts(deps.db, trimmed, 25)).map(toEntry) : [];
  const groups = await groupChoices(deps.db);
  return {
    accounts,
    groups: {
      roles: groups.roles.map((role) => ({ code: role.code, nl: role.name_nl, en: role.name_en, members: Number(role.members) })),
      organisations: groups.organisations.map((org) => ({ id: org.id, name: org.name, members: Number(org.members) })),
    },
  };
}

async function recipientActors(
  deps: MessagesDependencies,
  rows: { id: string; via: string | null }[],
): Promise<MessageRecipientInput[]> {
  const seen = new Map<string, string | null>();
  for (const row of rows) if (!seen.has(row.id)) seen.set(row.id, row.via);
  const result: MessageRecipientInput[] = [];
  for (const [accountId, viaGroup] of seen) {
    const record = await findAccountById(deps.db, accountId);
    if (record && record.state === 'active' && record.actor.personal) result.push({ actor: record.actor, viaGroup });
  }
  return result;
}

function notifier(deps: MessagesDependencies): AfterWrite {
  return async (trx, written) => {
    const type = written.kind === 'consultation' ? 'consultation' : 'message';
    const now = deps.clock.now();
    for (const recipient of await mailRecipients(trx, written.notify, type, DEFAULT_SEND_EMAIL[type])) {
      await enqueueMail(trx, newMessageMail('nl', recipient.email), now);
    }
  };
}

export async function sendMessage(deps: MessagesDependencies, context: RequestContext, input: SendInput) {
  const actor = providerOf(context, 'messages');
  const direct = await accountsByIds(deps.db, input.recipients);
  if (direct.length !== new Set(input.recipients).size) {
    throw AppError.validation([{ field: 'recipients', key: 'messages.recipientUnknown.detail' }]);
  }
  const expanded: { id: string; via: string | null }[] = direct.map((row) => ({ id: row.id, via: null }));
  for (const group of input.groups) {
    const members =
      group.type === 'role'
        ? await groupMembers(deps.db, { role: group.role })
        : await groupMembers(deps.db, { organisationId: group.organisationId });
    const via = group.type === 'role' ? `role:${group.role}` : `organisation:${group.organisationId}`;
    expanded.push(...members.map((row) => ({ id: row.id, via })));
  }
  const recipients = (await recipientActors(deps, expanded)).filter((recipient) => recipient.actor.accountId !== actor.accountId);
  if (recipients.length === 0) throw AppError.validation([{ field: 'recipients', key: 'messages.noRecipients.detail' }]);
  const written = await createThread(
    deps,
    context,
    {
      kind: input.groups.length > 0 ? 'consultation' : 'personal',
      subject: input.subject.trim(),
      body: input.body,
      patientId: input.patientId ?? null,
      recipients,
      attachmentIds: input.attachmentIds,
    },
    notifier(deps),
  );
  deps.mailQueued?.();
  return { threadId: written.threadId, recipients: recipients.length };
}

export async function sendToHelpdesk(
  deps: MessagesDependencies,
  context: RequestContext,
  input: { subject: string; body: string; attachmentIds: string[] },
) {
  const actor = providerOf(context, 'helpdesk');
  const helpdesk = (await helpdeskAccounts(deps.db)).filter((row) => row.id !== actor.accountId);
  if (helpdesk.length === 0) {
    throw new AppError(503, 'helpdesk-unavailable', 'messages.helpdeskUnavailable.title', 'messages.helpdeskUnavailable.detail');
  }
  const recipients = await recipientActors(
    deps,
    helpdesk.map((row) => ({ id: row.id, via: 'helpdesk' })),
  );
  const written = await createThread(
    deps,
    context,
    {
      kind: 'helpdesk',
      subject: input.subject.trim(),
      body: input.body,
      patientId: null,
      recipients,
      attachmentIds: input.attachmentIds,
    },
    notifier(deps),
  );
  deps.mailQueued?.();
  return { threadId: written.threadId, recipients: recipients.length };
}

export async function reply(
  deps: MessagesDependencies,
  context: RequestContext,
  threadId: string,
  input: { body: string; attachmentIds: string[] },
) {
  providerOf(context);
  const written = await replyToThread(deps, context, threadId, input, notifier(deps));
  deps.mailQueued?.();
  return { threadId, messageId: written.messageId };
}

export async function inbox(
  deps: MessagesDependencies,
  context: RequestContext,
  box: 'inbox' | 'archive',
): Promise<ThreadSummary[]> {
  return listThreads(deps.db, providerOf(context), box, deps.clock.now());
}

export async function thread(deps: MessagesDependencies, context: RequestContext, threadId: string): Promise<ThreadDetail> {
  providerOf(context);
  return openThread(deps, context, threadId);
}

export async function unreadCount(deps: MessagesDependencies, context: RequestContext): Promise<number> {
  return countUnreadMessages(deps.db, providerOf(context).accountId, deps.clock.now());
}

/** Archive flags are per account; the thread must be visible to the actor now (patient access, helpdesk role). */
export async function archive(deps: MessagesDependencies, context: RequestContext, threadId: string, archived: boolean) {
  const actor = providerOf(context);
  await requireParticipant(deps, context, threadId);
  if (!(await setArchived(deps.db, threadId, actor.accountId, archived))) throw AppError.notFound();
}

export async function markThreadUnread(deps: MessagesDependencies, context: RequestContext, threadId: string) {
  const actor = providerOf(context);
  await requireParticipant(deps, context, threadId);
  if (!(await markUnread(deps.db, threadId, actor.accountId))) throw AppError.notFound();
}

export async function uploadAttachment(
  deps: MessagesDependencies,
  context: RequestContext,
  input: { bytes: Uint8Array; fileName?: string },
): Promise<BlobInfo> {
  const actor = providerOf(context);
  return storeBlob(deps.db, { ...input, accountId: actor.accountId, now: deps.clock.now() });
}

export async function downloadAttachment(deps: MessagesDependencies, context: RequestContext, blobId: string) {
  providerOf(context);
  return readAttachment(deps, context, blobId);
}
