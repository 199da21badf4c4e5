import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { RequestContext } from '../../access/context.js';
import { amsterdamDate } from '../../domain/amsterdam-time.js';
import { AppError } from '../../http/problem.js';
import type { PatientDataDependencies } from '../../patient-data/patient-access.js';
import { listActivities, openTask } from '../../patient-data/record-activities.js';
import { readDayCurves } from '../../patient-data/record-day-curves.js';
import { discardDraft, saveDraft } from '../../patient-data/record-drafts.js';
import { type HistoryEntry, listHistory, readHistoryEntry } from '../../patient-data/record-history.js';
import { readMeasureSeries, readMonitoring } from '../../patient-data/record-monitoring.js';
import { publishEntry } from '../../patient-data/record-publish.js';
import type { ReferralDetail } from '../../patient-data/referral-send.js';

// The clinical record (docs/clinical-record.md §2): Activiteiten, tasks with drafts and publishing, Historie,
// Monitoring, Dagcurves. Access, audit and transactions are the patient-data layer's (record-*.ts); here the
// defaults of the screens and the JSON shapes (timestamps as ISO strings).

export type ClinicalRecordDependencies = PatientDataDependencies;

export async function activities(deps: ClinicalRecordDependencies, context: RequestContext, patientId: string) {
  const result = await listActivities(deps, context, patientId);
  return {
    groups: result.groups.map((group) => ({
      ...group,
      tasks: group.tasks.map((task) => ({ ...task, draft: task.draft ? { savedAt: task.draft.savedAt.toISOString() } : null })),
    })),
  };
}

export async function task(
  deps: ClinicalRecordDependencies,
  context: RequestContext,
  patientId: string,
  formKey: string,
  entryId: string | undefined,
) {
  const opened = await openTask(deps, context, patientId, formKey, entryId ?? null);
  const { definition } = opened.definition;
  return {
    definition: {
      key: definition.key,
      version: definition.version,
      title: definition.title,
      recordType: definition.recordType,
      questionnaire: definition.questionnaire,
    },
    draft: opened.draft ? { ...opened.draft, savedAt: opened.draft.savedAt.toISOString() } : null,
    entry: opened.entry,
  };
}

export async function storeDraft(
  deps: ClinicalRecordDependencies,
  context: RequestContext,
  patientId: string,
  formKey: string,
  body: {
    response: QuestionnaireResponse;
    entryId?: string | undefined;
    referral?: { toOrganisationId: string | null; letterBlobId: string | null } | undefined;
  },
) {
  const saved = await saveDraft(deps, context, patientId, formKey, {
    response: body.response,
    entryId: body.entryId ?? null,
    referral: body.referral ?? null,
  });
  return { savedAt: saved.savedAt.toISOString() };
}

export async function removeDraft(
  deps: ClinicalRecordDependencies,
  context: RequestContext,
  patientId: string,
  formKey: string,
  entryId: string | undefined,
) {
  await discardDraft(deps, context, patientId, formKey, entryId ?? null);
}

export async function publish(
  deps: ClinicalRecordDependencies,
  context: RequestContext,
  patientId: string,
  formKey: string,
  body: {
    response: QuestionnaireResponse;
    requestId: string;
    entryId?: string | undefined;
    referral?: { toOrganisationId: string; letterBlobId?: string | null | undefined } | undefined;
  },
) {
  const published = await publishEntry(deps, context, patientId, formKey, {
    response: body.response,
    requestId: body.requestId,
    entryId: body.entryId ?? null,
    referral: body.referral ?? null,
  });
  return { ...published, publishedAt: published.publishedAt.toISOString() };
}

function entryView(entry: HistoryEntry) {
  return { ...entry, publishedAt: entry.publishedAt.toISOString() };
}

/** The same calendar day a year before (29 February → 28 February). */
function yearBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const candidate = new Date(Date.UTC(year - 1, month - 1, date));
  if (candidate.getUTCMonth() !== month - 1) candidate.setUTCDate(0);
  return candidate.toISOString().slice(0, 10);
}

export async function history(
  deps: ClinicalRecordDependencies,
  context: RequestContext,
  patientId: string,
  query: {
    from?: string | undefined;
    to?: string | undefined;
    formKey?: string;
    authorAccountId?: string;
    role?: string;
    page: number;
  },
) {
  // "Er wordt standaard een jaar aan gegevens getoond in de Historie" (seed 001 §5.4).
  const to = query.to ?? amsterdamDate(deps.clock.now());
  const from = query.from ?? yearBefore(to);
  if (from > to) throw AppError.validation([{ field: 'from', key: 'history.fromAfterTo' }]);
  const page = await listHistory(deps, context, patientId, { ...query, from, to });
  return { ...page, entries: page.entries.map(entryView) };
}

export async function historyEntry(
  deps: ClinicalRecordDependencies,
  context: RequestContext,
  patientId: string,
  entryId: string,
  version: number | undefined,
) {
  const { referral, ...detail } = (await readHistoryEntry(deps, context, patientId, entryId, version ?? null)) as Awaited<
    ReturnType<typeof readHistoryEntry>
  > & { referral?: ReferralDetail | null };
  return {
    ...detail,
    entry: entryView(detail.entry),
    versions: detail.versions.map((item) => ({ ...item, publishedAt: item.publishedAt.toISOString() })),
    ...(referral
      ? {
          referral: {
            ...referral,
            createdAt: referral.createdAt.toISOString(),
            openedAt: referral.openedAt?.toISOString() ?? null,
          },
        }
      : {}),
  };
}

export async function monitoring(deps: ClinicalRecordDependencies, context: RequestContext, patientId: string) {
  const result = await readMonitoring(deps, context, patientId);
  return {
    measures: result.measures.map((measure) => ({
      ...measure,
      latest: measure.latest ? { ...measure.latest, measuredAt: measure.latest.measuredAt.toISOString() } : null,
    })),
  };
}

export async function series(deps: ClinicalRecordDependencies, context: RequestContext, patientId: string, codes: string[]) {
  const result = await readMeasureSeries(deps, context, patientId, codes);
  return {
    series: result.series.map((item) => ({
      code: item.code,
      points: item.points.map((point) => ({ ...point, measuredAt: point.measuredAt.toISOString() })),
    })),
  };
}

export async function dayCurves(deps: ClinicalRecordDependencies, context: RequestContext, patientId: string) {
  return readDayCurves(deps, context, patientId);
}
