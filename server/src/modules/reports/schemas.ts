import { z } from 'zod';

const programmes = ['DM2', 'CVRM', 'COPD', 'DIETETIEK', 'GLI', 'GGZ', 'FYSIO', 'VOETZORG'] as const;
const localText = z.object({ nl: z.string(), en: z.string() });

const paging = {
  /** Peildatum (YYYY-MM-DD); today (Europe/Amsterdam) when left out. */
  referenceDate: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  sort: z
    .string()
    .regex(/^[a-zA-Z]{1,30}$/)
    .default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
};

export const linkedQuery = z.object(paging);
export const trajectoriesQuery = z.object({ ...paging, programme: z.enum(programmes).optional() });
export const indicatorsQuery = z.object({ referenceDate: z.iso.date().optional() });
export const indicatorPatientsQuery = z.object({ ...paging, filter: z.enum(['all', 'met', 'not-met']).default('all') });
export const indicatorParams = z.object({ code: z.string().regex(/^[a-z0-9-]{1,60}$/) });
export const exportFormat = z.object({ format: z.enum(['xlsx', 'csv']) });
/** The region's reports (platform administrator): counts per organisation; `organisation` narrows to one. */
export const regionQuery = z.object({
  referenceDate: z.iso.date().optional(),
  organisation: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
});
export const regionParams = z.object({ report: z.enum(['linked-patients', 'trajectories', 'indicators']) });

export type LinkedQuery = z.infer<typeof linkedQuery>;
export type TrajectoriesQuery = z.infer<typeof trajectoriesQuery>;
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;
export type IndicatorPatientsQuery = z.infer<typeof indicatorPatientsQuery>;
export type ExportFormat = z.infer<typeof exportFormat>['format'];
export type RegionQuery = z.infer<typeof regionQuery>;

const patientColumns = {
  patientId: z.string(),
  displayId: z.string(),
  name: z.string(),
  birthDate: z.string(),
  bsnMasked: z.string().nullable(),
  practiceName: z.string().nullable(),
};

const page = { referenceDate: z.string(), page: z.number(), pageSize: z.number(), total: z.number() };

const indicatorDefinition = z.object({
  code: z.string(),
  title: localText,
  description: localText,
  programme: z.enum(programmes),
  measureCode: z.string(),
  windowMonths: z.number(),
  threshold: z.object({ comparator: z.string(), value: z.number() }).nullable(),
});

const reportColumn = z.object({
  key: z.string(),
  header: localText,
  type: z.enum(['text', 'date', 'number', 'percentage']),
});

export const catalogueView = z.object({
  organisationName: z.string(),
  referenceDate: z.string(),
  /** `organisation`: the actor's own patients (tables of patients); `region`: counts per organisation only. */
  scope: z.enum(['organisation', 'region']),
  /** The region's organisations for the selector (empty for an organisation's scope). */
  organisations: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  reports: z.array(z.object({ code: z.string(), title: localText, description: localText, columns: z.array(reportColumn) })),
  indicators: z.array(indicatorDefinition),
});

/** A region report's rows: per column key a number, "<5", "x", text (possibly in both languages) or nothing. */
export const regionView = z.object({
  referenceDate: z.string(),
  report: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  rows: z.array(z.record(z.string(), z.union([z.number(), z.string(), localText, z.null()]))),
});

export const linkedPage = z.object({
  ...page,
  rows: z.array(
    z.object({
      ...patientColumns,
      links: z.array(z.enum(['enrolment', 'trajectory', 'referral', 'treatment-relationship', 'admission'])),
      since: z.string().nullable(),
    }),
  ),
});

export const trajectoriesPage = z.object({
  ...page,
  counts: z.array(z.object({ programme: z.enum(programmes), patients: z.number() })),
  rows: z.array(z.object({ ...patientColumns, programme: z.enum(programmes), startedOn: z.string() })),
});

export const indicatorResult = indicatorDefinition.extend({
  numerator: z.number(),
  denominator: z.number(),
  /** Rounded to one decimal; null when the denominator is 0. */
  percentage: z.number().nullable(),
});

export const indicatorsView = z.object({ referenceDate: z.string(), indicators: z.array(indicatorResult) });

export const indicatorPatientsPage = z.object({
  ...page,
  indicator: indicatorResult,
  filter: z.enum(['all', 'met', 'not-met']),
  rows: z.array(
    z.object({
      ...patientColumns,
      met: z.boolean(),
      lastValue: z.number().nullable(),
      lastMeasuredOn: z.string().nullable(),
    }),
  ),
});
