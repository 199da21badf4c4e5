import { z } from 'zod';

const id = z.string().regex(/^\d{1,18}$/);
const roleRef = z.object({ code: z.string(), nl: z.string(), en: z.string() });

export const threadParams = z.object({ threadId: id });
export const attachmentParams = z.object({ blobId: id });
export const boxQuery = z.object({ box: z.enum(['inbox', 'archive']).default('inbox') });
export const directoryQuery = z.object({ query: z.string().max(100).default('') });

const subject = z.string().trim().min(1).max(200);
const body = z.string().trim().min(1).max(10000);
const attachmentIds = z.array(id).max(10).default([]);

export const group = z.discriminatedUnion('type', [
  z.object({ type: z.literal('role'), role: z.string().min(1).max(60) }),
  z.object({ type: z.literal('organisation'), organisationId: id }),
]);

export const sendBody = z.object({
  subject,
  body,
  recipients: z.array(id).max(100).default([]),
  groups: z.array(group).max(10).default([]),
  patientId: id.nullish(),
  attachmentIds,
});
export const helpdeskBody = z.object({ subject, body, attachmentIds });
export const replyBody = z.object({ body, attachmentIds });
export const archiveBody = z.object({ archived: z.boolean() });

export const sentResponse = z.object({ threadId: z.string(), recipients: z.number() });
export const replyResponse = z.object({ threadId: z.string(), messageId: z.string() });
export const unreadResponse = z.object({ unread: z.number() });

const directoryEntry = z.object({
  accountId: z.string(),
  name: z.string(),
  username: z.string(),
  role: roleRef,
  organisation: z.object({ id: z.string(), name: z.string() }),
});
export const directoryResponse = z.object({
  accounts: z.array(directoryEntry),
  groups: z.object({
    roles: z.array(roleRef.extend({ members: z.number() })),
    organisations: z.array(z.object({ id: z.string(), name: z.string(), members: z.number() })),
  }),
});

const kind = z.enum(['personal', 'consultation', 'helpdesk']);
export const threadsResponse = z.object({
  threads: z.array(
    z.object({
      id: z.string(),
      kind,
      subject: z.string(),
      aboutPatient: z.boolean(),
      createdAt: z.date(),
      lastMessageAt: z.date(),
      unread: z.boolean(),
      archived: z.boolean(),
      lastAuthor: z.string(),
      preview: z.string(),
      participants: z.array(z.string()),
      messageCount: z.number(),
    }),
  ),
});

const attachment = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() });
export const threadResponse = z.object({
  id: z.string(),
  kind,
  subject: z.string(),
  createdAt: z.date(),
  archived: z.boolean(),
  patient: z.object({ id: z.string(), name: z.string(), birthDate: z.string() }).nullable(),
  participants: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      role: roleRef,
      organisation: z.string(),
      viaGroup: z.string().nullable(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      author: z.object({ accountId: z.string(), name: z.string(), role: roleRef, organisation: z.string() }),
      body: z.string(),
      createdAt: z.date(),
      attachments: z.array(attachment),
      mine: z.boolean(),
    }),
  ),
});

export const uploadResponse = attachment.extend({ sha256: z.string() });
