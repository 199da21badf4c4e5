import { z } from 'zod';

const dateOnly = z.iso.date();

export const auditQuery = z.object({
  patientId: z.string().regex(/^\d+$/).optional(),
  accountId: z.string().regex(/^\d+$/).optional(),
  organisationId: z.string().regex(/^\d+$/).optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
  action: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEventView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorOrganisationName: z.string().nullable(),
  patientId: z.string().nullable(),
  /** A listing (search result page, report): how many patients it showed; `patientId` is null unless one. */
  listedPatientCount: z.number().int().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.string(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
});

export const auditPage = z.object({
  scope: z.enum(['platform', 'practice']),
  page: z.number(),
  pageSize: z.number(),
  hasMore: z.boolean(),
  events: z.array(auditEventView),
});
