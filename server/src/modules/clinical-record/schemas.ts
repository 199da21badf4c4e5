import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { z } from 'zod';

// The clinical record's API shapes (docs/clinical-record.md §2). Answers are FHIR R4 QuestionnaireResponses; their
// content is checked by @keten/forms on publish (the same rules as the web form), here only their outline.

const id = z.string().regex(/^\d{1,18}$/);
const programme = z.enum(['DM2', 'CVRM', 'COPD', 'DIETETIEK', 'GLI', 'GGZ', 'FYSIO', 'VOETZORG']);
const localText = z.object({ nl: z.string(), en: z.string() });

export const patientParams = z.object({ patientId: id });
export const taskParams = patientParams.extend({ formKey: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) });
/** A form entry (digits) or a line of the old Journaal (`legacy-` + digits). */
export const entryParams = patientParams.extend({ entryId: z.string().regex(/^(legacy-)?\d{1,18}$/) });

/** The outline of a QuestionnaireResponse; unknown members are kept (FHIR extensions). */
export const questionnaireResponse = z.looseObject({
  resourceType: z.literal('QuestionnaireResponse'),
  status: z.string().optional(),
  item: z.array(z.looseObject({ linkId: z.string() })).optional(),
});
/** In answers: the stored FHIR resources as they are (typed for the handlers, loosely checked on the way out). */
const questionnaire = z.looseObject({ resourceType: z.literal('Questionnaire') }) as unknown as z.ZodType<Questionnaire>;
const storedResponse = questionnaireResponse as unknown as z.ZodType<QuestionnaireResponse>;

export const taskQuery = z.object({ entryId: id.optional() });
export const draftBody = z.object({
  response: questionnaireResponse,
  entryId: id.optional(),
  /**
   * Referral tasks (issue 7): the receiving organisation chosen and the letter uploaded so far (null: none). Absent:
   * the draft keeps what it had.
   */
  referral: z.object({ toOrganisationId: id.nullable(), letterBlobId: id.nullable() }).optional(),
});
export const draftQuery = z.object({ entryId: id.optional() });
export const publishBody = z.object({
  response: questionnaireResponse,
  requestId: z.uuid({ error: 'field.badFormat' }),
  entryId: id.optional(),
  /** Referral tasks (issue 7): the chosen receiving organisation and the letter uploaded to /api/werkplek/referral-letters. */
  referral: z.object({ toOrganisationId: id, letterBlobId: id.nullable().optional() }).optional(),
});

/** dd-mm-jjjj as on screen → YYYY-MM-DD; an impossible date (31-02-2026) is refused. */
const dutchDate = z
  .string()
  .regex(/^\d{2}-\d{2}-\d{4}$/, 'field.dateFormat')
  .transform((value, context) => {
    const [day, month, year] = value.split('-');
    const iso = `${year}-${month}-${day}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
      context.addIssue({ code: 'custom', message: 'field.dateFormat' });
      return z.NEVER;
    }
    return iso;
  });

export const historyQuery = z.object({
  from: dutchDate.optional(),
  to: dutchDate.optional(),
  formKey: z.string().max(100).optional(),
  authorAccountId: id.optional(),
  role: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export const entryQuery = z.object({ version: z.coerce.number().int().min(1).max(100_000).optional() });
export const seriesQuery = z.object({
  codes: z
    .string()
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'field.badFormat')
    .transform((value) => [...new Set(value.split(','))])
    .refine((codes) => codes.length <= 20, 'field.tooBig'),
});

// --- answers ---

const criterion = z.object({ kind: z.string(), text: localText });
const task = z.object({
  formKey: z.string(),
  version: z.number(),
  title: localText,
  active: z.boolean(),
  unmet: z.array(criterion),
  usedOnce: z.boolean(),
  draft: z.object({ savedAt: z.string() }).nullable(),
});
export const activitiesResponse = z.object({
  groups: z.array(
    z.object({
      programme: programme.nullable(),
      trajectory: z.object({ id: z.string(), startedOn: z.string(), organisationName: z.string() }).nullable(),
      tasks: z.array(task),
    }),
  ),
});

export const taskResponse = z.object({
  definition: z.object({ key: z.string(), version: z.number(), title: localText, recordType: z.string(), questionnaire }),
  draft: z
    .object({
      response: storedResponse,
      savedAt: z.string(),
      definitionVersion: z.number(),
      /** Referral tasks: what the draft kept (the letter as a reference to the uploaded file); null: nothing chosen. */
      referral: z
        .object({
          toOrganisationId: z.string().nullable(),
          letter: z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() }).nullable(),
        })
        .nullable(),
    })
    .nullable(),
  entry: z.object({ id: z.string(), version: z.number(), response: storedResponse }).nullable(),
});

export const draftSavedResponse = z.object({ savedAt: z.string() });
export const publishedResponse = z.object({ entryId: z.string(), version: z.number(), publishedAt: z.string() });

const historyEntry = z.object({
  id: z.string(),
  kind: z.enum(['form', 'legacy-journal']),
  formKey: z.string(),
  title: localText,
  version: z.number(),
  publishedAt: z.string(),
  author: z.object({
    accountId: z.string().nullable(),
    name: z.string(),
    role: z.string().nullable(),
    roleName: localText.nullable(),
  }),
  organisationName: z.string().nullable(),
  canEdit: z.boolean(),
});
export const historyResponse = z.object({
  entries: z.array(historyEntry),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  filters: z.object({
    tasks: z.array(z.object({ formKey: z.string(), title: localText })),
    authors: z.array(z.object({ accountId: z.string(), name: z.string(), role: z.string() })),
    roles: z.array(z.object({ code: z.string(), name: localText })),
  }),
});
const versions = z.array(z.object({ version: z.number(), publishedAt: z.string(), authorName: z.string() }));
/** What a "Verwijzing …" entry sent (issue 7); the letter downloads from `…/history/:entryId/referral-letter`. */
const referralDetail = z.object({
  id: z.string(),
  toOrganisation: z.object({ id: z.string(), name: z.string() }),
  toRole: z.string().nullable(),
  reason: z.string(),
  urgency: z.string().nullable(),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable(), availability: z.string().nullable() }),
  letter: z.object({ fileName: z.string(), contentType: z.string(), size: z.number() }).nullable(),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
});

export const historyEntryResponse = z.union([
  z.object({
    entry: historyEntry,
    questionnaire,
    response: storedResponse,
    versions,
    referral: referralDetail.nullable().optional(),
  }),
  z.object({ entry: historyEntry, text: z.string(), versions }),
]);

export const monitoringResponse = z.object({
  measures: z.array(
    z.object({
      code: z.string(),
      name: localText,
      unit: z.string(),
      normalLow: z.number().nullable(),
      normalHigh: z.number().nullable(),
      rangeNote: localText.nullable(),
      count: z.number(),
      latest: z.object({ value: z.string(), measuredAt: z.string() }).nullable(),
    }),
  ),
});
export const seriesResponse = z.object({
  series: z.array(
    z.object({
      code: z.string(),
      points: z.array(
        z.object({ measuredAt: z.string(), value: z.string(), source: z.string(), entryId: z.string().nullable() }),
      ),
    }),
  ),
});
export const dayCurvesResponse = z.object({
  curves: z.array(
    z.object({
      entryId: z.string(),
      date: z.string(),
      points: z.array(z.object({ moment: z.string(), label: localText, time: z.string().nullable(), value: z.string() })),
    }),
  ),
});
