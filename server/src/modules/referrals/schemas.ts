import { z } from 'zod';

const id = z.string().regex(/^\d{1,18}$/);

export const targetsQuery = z.object({ formKey: z.string().min(1).max(100) });
export const targetsResponse = z.object({
  toOrganisationType: z.string(),
  toRole: z.string().nullable(),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), city: z.string().nullable() })),
});
export const letterUploadResponse = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
});
export const letterParams = z.object({ patientId: id, entryId: id });

const referralSignal = z.object({
  id: z.string(),
  patientId: z.string(),
  patientDisplayId: z.string(),
  patientName: z.string(),
  birthDate: z.string(),
  fromName: z.string(),
  fromOrganisationName: z.string(),
  reason: z.string(),
  urgency: z.string().nullable(),
  formKey: z.string().nullable(),
  createdAt: z.string(),
});
export const signalCountsResponse = z.object({
  total: z.number(),
  referrals: z.number(),
  /** null: the messages module does not answer (yet) */
  messages: z.number().nullable(),
  /** Uitslagen: new results of patients with my treatment relationship (not in `total`: the badge is referrals). */
  results: z.number(),
});
const resultSignal = z.object({
  id: z.string(),
  patientId: z.string(),
  patientDisplayId: z.string(),
  patientName: z.string(),
  birthDate: z.string(),
  kind: z.enum(['lab-result', 'microbiology', 'pathology', 'radiology', 'measurement']),
  what: z.object({ nl: z.string(), en: z.string() }),
  createdAt: z.string(),
});
export const signalsResponse = signalCountsResponse.extend({
  referralItems: z.array(referralSignal),
  resultItems: z.array(resultSignal),
});
export const resultsSeenResponse = z.object({ seenAt: z.string(), results: z.number() });
