import { createHash } from 'node:crypto';
import { deriveMeasurements, type FormDefinition, findItem, latestDefinition, setAnswers } from '@keten/forms';
import type { QuestionnaireResponse, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { amsterdamTimestamp, fromDay, toDay, workday } from './dates.js';
import { filledResponse } from './form-responses.js';
import type { ChronicProgramme, GeneratedMeasurement } from './measurement-series.js';

// The demo record's history (docs/clinical-record.md §2; seed 001 §5.3–5.5): the control visits behind the demo
// measurements become published entries (consults, jaarcontroles) of the library's forms, authored by the demo
// accounts, and the measurements are linked to them — so Historie and Monitoring tell the same story. Day curves,
// referrals and a foot examination complete the fixed patients' records. Deterministic: the same stories give the
// same entries (request ids are hashes of what the entry is).

/** A visit: the registration values measured at one moment, with the lab values drawn in the days before. */
export interface Visit {
  /** ISO 8601 with offset, as the measurements carry it. */
  at: string;
  /** Indexes into the measurement list. */
  measurements: number[];
}

const LAB_WINDOW_DAYS = 14;

/** Groups a patient's measurements (oldest first or not) into visits; lab values join the next visit. */
export function visitsOf(measurements: readonly GeneratedMeasurement[]): Visit[] {
  const byMoment = new Map<string, number[]>();
  measurements.forEach((measurement, index) => {
    if (measurement.source !== 'registration') return;
    const list = byMoment.get(measurement.measuredAt) ?? [];
    list.push(index);
    byMoment.set(measurement.measuredAt, list);
  });
  const visits = [...byMoment]
    .map(([at, indexes]) => ({ at, time: Date.parse(at), measurements: indexes }))
    .sort((a, b) => a.time - b.time);
  measurements.forEach((measurement, index) => {
    if (measurement.source !== 'lab') return;
    const time = Date.parse(measurement.measuredAt);
    const next = visits.find((visit) => visit.time >= time && visit.time - time <= LAB_WINDOW_DAYS * 86_400_000);
    next?.measurements.push(index);
  });
  return visits.map(({ at, measurements: indexes }) => ({ at, measurements: indexes }));
}

/** The chain-care form of a visit: the annual check when kidney function was drawn, else the programme's consult. */
export function visitFormKey(programmes: readonly ChronicProgramme[], codes: ReadonlySet<string>): string {
  if (programmes.includes('DM2')) return codes.has('egfr') ? 'jaarcontrole-dm2' : 'consult-poh-dm2';
  if (programmes.includes('CVRM')) return 'consult-poh-cvrm';
  return 'consult-poh-copd';
}

export function definitionOf(key: string): FormDefinition {
  const definition = latestDefinition(key);
  if (!definition) throw new Error(`demo seed: no form ${key} in the library`);
  return definition;
}

/** A stable request id (UUID form) for a seeded entry. */
export function seedRequestId(...parts: (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const consultNotes = [
  'Gaat goed. Medicatie trouw ingenomen, geen hypo’s. Beweegt dagelijks een half uur.',
  'Voelt zich fit. Voeding besproken, minder tussendoortjes. Afspraken gehandhaafd.',
  'Wat meer vermoeid de laatste weken. Leefstijl besproken; controle over drie maanden.',
  'Geen klachten. Thuismetingen in orde. Motivatie voor meer beweging besproken.',
  'Goed gesprek over streefwaarden; patiënte tevreden met het verloop.',
];

/**
 * A published response of `definition` for one visit: its date, its measured values (those the form measures),
 * a note, and sensible defaults for the other required questions. Returns the response and which of the visit's
 * measurements it contains.
 */
export function visitResponse(
  definition: FormDefinition,
  visit: Visit,
  measurements: readonly GeneratedMeasurement[],
  note: string,
): { response: QuestionnaireResponse; linked: number[] } {
  const measured = new Set(definition.measurements.map((rule) => rule.code));
  const values: Record<string, string> = {};
  const linked: number[] = [];
  for (const index of visit.measurements) {
    const measurement = measurements[index] as GeneratedMeasurement;
    if (!measured.has(measurement.code) || values[measurement.code] !== undefined) continue;
    values[measurement.code] = measurement.value;
    linked.push(index);
  }
  const response = filledResponse(definition, { date: visit.at.slice(0, 10), values, note });
  return { response: completed(definition, response, visit.at), linked };
}

export function completed(definition: FormDefinition, response: QuestionnaireResponse, authored: string): QuestionnaireResponse {
  return {
    ...response,
    status: 'completed',
    questionnaire: definition.questionnaire.url ? `${definition.questionnaire.url}|${definition.version}` : definition.key,
    authored: new Date(authored).toISOString(),
  };
}

/** A publication moment shortly after the visit. */
export function publishedAfter(at: string, minutes = 25): string {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString();
}

// --- synthetic patients ---

const TEMPLATE_DATE = '1900-01-01';
const templates = new Map<string, string>();

/**
 * The same as `visitResponse`, fast enough for a million patients: the form's filled-in defaults are made once
 * per form (with a placeholder date) and only the date and the values change per visit.
 */
export function quickVisitResponse(
  definition: FormDefinition,
  visit: Visit,
  measurements: readonly GeneratedMeasurement[],
  note: string,
): { response: QuestionnaireResponse; linked: number[] } {
  const key = `${definition.key}@${definition.version}|${note}`;
  let template = templates.get(key);
  if (template === undefined) {
    template = JSON.stringify(filledResponse(definition, { date: TEMPLATE_DATE, note }));
    templates.set(key, template);
  }
  let response = JSON.parse(template.replaceAll(TEMPLATE_DATE, visit.at.slice(0, 10))) as QuestionnaireResponse;
  const rules = new Map(definition.measurements.map((rule) => [rule.code, rule.linkId]));
  const linked: number[] = [];
  const seen = new Set<string>();
  for (const index of visit.measurements) {
    const measurement = measurements[index] as GeneratedMeasurement;
    const linkId = rules.get(measurement.code);
    if (!linkId || seen.has(measurement.code)) continue;
    const item = findItem(definition.questionnaire, linkId);
    const number = Number(measurement.value);
    const answer =
      item?.type === 'integer'
        ? { valueInteger: Math.round(number) }
        : item?.type === 'decimal'
          ? { valueDecimal: number }
          : undefined;
    if (!answer) continue;
    response = setAnswers(response, linkId, [answer]);
    seen.add(measurement.code);
    linked.push(index);
  }
  return { response: completed(definition, response, visit.at), linked };
}

/** How many of a chain-care patient's last control visits become entries. */
export const SYNTHETIC_VISITS_WITH_ENTRIES = 2;

export { consultNotes };

// --- the fixed patients' stories ---

export interface StoryEntry {
  patient: string;
  formKey: string;
  author: string;
  organisation: string;
  publishedAt: string;
  response: QuestionnaireResponse;
  /** Story measurements (indexes into DemoStories.measurements) this entry's answers stand for. */
  linked: number[];
  /** For forms whose values are not yet measurements (day curves): derive them on insert. */
  derive: boolean;
}

interface StoryMeasurement extends GeneratedMeasurement {
  patient: string;
  organisation: string;
}

/** Glucose day curves of Anna: fasting a little high, peaks after meals, slowly better over the year. */
function annaDayCurves(today: number): StoryEntry[] {
  const definition = definitionOf('dagcurve');
  const curves: [number, number[]][] = [
    [250, [8.1, 11.6, 7.4, 10.9, 7.9, 12.2, 9.0]],
    [120, [7.6, 10.8, 6.9, 10.1, 7.2, 11.0, 8.4]],
    [26, [7.0, 9.9, 6.5, 9.4, 6.8, 10.2, 7.9]],
  ];
  const times = ['07:30', '09:15', '12:00', '13:45', '17:45', '19:30', '22:30'];
  return curves.map(([daysAgo, values]) => {
    const day = workday(today - daysAgo);
    const date = fromDay(day);
    let response = filledResponse(definition, { date, note: 'Dagcurve thuis gemeten, volgens instructie.' });
    (definition.dayCurveMoments ?? []).forEach((moment, index) => {
      const value = values[index];
      if (value === undefined) return;
      response = setAnswers(response, moment.valueLinkId, [{ valueDecimal: value }]);
      if (moment.timeLinkId) response = setAnswers(response, moment.timeLinkId, [{ valueTime: `${times[index]}:00` }]);
    });
    const at = amsterdamTimestamp(workday(day + 1), 11 * 60 + 5);
    return {
      patient: 'anna',
      formKey: 'dagcurve',
      author: 'poh.hapz',
      organisation: 'HAPZ',
      publishedAt: new Date(at).toISOString(),
      response: completed(definition, response, at),
      linked: [],
      derive: true,
    };
  });
}

function textAnswer(definition: FormDefinition, linkId: string, text: string): Record<string, QuestionnaireResponseItemAnswer[]> {
  return findItem(definition.questionnaire, linkId) ? { [linkId]: [{ valueString: text }] } : {};
}

/** A simple form entry with a note (referrals, a foot examination). */
function noteEntry(
  patient: string,
  formKey: string,
  author: string,
  organisation: string,
  at: string,
  note: string,
  answers: Record<string, QuestionnaireResponseItemAnswer[]> = {},
): StoryEntry {
  const definition = definitionOf(formKey);
  const response = filledResponse(definition, { date: at.slice(0, 10), note, answers });
  return {
    patient,
    formKey,
    author,
    organisation,
    publishedAt: publishedAfter(at, 5),
    response: completed(definition, response, at),
    linked: [],
    derive: false,
  };
}

/**
 * Entries for the fixed patients: Anna's three years of chain care (POH consults, the GP now and then, annual
 * checks, day curves, the pedicure referral and foot examination), Pieter's last controls at De Brug, and
 * Fatima's referral to the dietitian.
 */
export function buildStoryHistory(
  referenceDate: string,
  measurements: readonly StoryMeasurement[],
  referrals: readonly { patient: string; from: string; to: string; reason: string; createdAt: string; openedAt: string | null }[],
): StoryEntry[] {
  const today = toDay(referenceDate);
  const entries: StoryEntry[] = [];
  const chainCare = (patient: string, practice: string, poh: string, gp: string, keep: number) => {
    const own = measurements
      .map((measurement, index) => ({ measurement, index }))
      .filter((item) => item.measurement.patient === patient);
    const local = own.map((item) => item.measurement);
    const visits = visitsOf(local).slice(-keep);
    visits.forEach((visit, number) => {
      const codes = new Set(visit.measurements.map((index) => (local[index] as GeneratedMeasurement).code));
      const formKey = visitFormKey(['DM2', 'CVRM'], codes);
      const definition = definitionOf(formKey);
      const { response, linked } = visitResponse(definition, visit, local, consultNotes[number % consultNotes.length] as string);
      entries.push({
        patient,
        formKey,
        author: formKey === 'consult-poh-dm2' && number % 4 === 3 ? gp : poh,
        organisation: practice,
        publishedAt: publishedAfter(visit.at),
        response,
        linked: linked.map((index) => (own[index] as { index: number }).index),
        derive: false,
      });
    });
  };
  chainCare('anna', 'HAPZ', 'poh.hapz', 'huisarts.hapz', 100);
  chainCare('pieter', 'HAPB', 'poh.hapb', 'huisarts.hapb', 4);
  entries.push(...annaDayCurves(today));
  for (const referral of referrals) {
    if (referral.to === 'VOETZORG') {
      entries.push(
        noteEntry(referral.patient, 'verwijzing-pedicure', referral.from, 'HAPZ', referral.createdAt, referral.reason, {
          ...textAnswer(definitionOf('verwijzing-pedicure'), 'reden', referral.reason),
        }),
      );
      if (referral.openedAt) {
        const examined = amsterdamTimestamp(workday(toDay(referral.openedAt.slice(0, 10)) + 9), 14 * 60 + 30);
        entries.push(
          noteEntry(
            referral.patient,
            'voetonderzoek',
            'pedicure.voetzorg',
            'VOETZORG',
            examined,
            'Sensibiliteit verminderd (monofilament 2/3), geen ulcera. Eelt plantair MTP 1-2 links verwijderd.',
          ),
        );
      }
    }
    if (referral.to === 'VITAAL') {
      entries.push(
        noteEntry(referral.patient, 'verwijzing-dietist', referral.from, 'HAPZ', referral.createdAt, referral.reason, {
          ...textAnswer(definitionOf('verwijzing-dietist'), 'reden', referral.reason),
        }),
      );
    }
  }
  return entries.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
}

/** The stored id of each library form's newest version (the seed runs after the form library sync). */
export async function storedDefinitionIds(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('form_definition').select(['id', 'key', 'version']).orderBy('version', 'desc').execute();
  const ids = new Map<string, string>();
  for (const row of rows) if (!ids.has(row.key)) ids.set(row.key, row.id);
  return ids;
}

/**
 * Writes the story entries (one version each) and returns, per story measurement index, the response id it is
 * linked to; derived values (day curves) are inserted here.
 */
export async function insertStoryEntries(
  trx: Kysely<Database>,
  entries: readonly StoryEntry[],
  resolve: { patient(key: string): string; organisation(abbreviation: string): string; account(username: string): string },
): Promise<{ responseOf: Map<number, string>; derived: number }> {
  const definitionIds = await storedDefinitionIds(trx);
  const trajectories = await trx
    .selectFrom('trajectory')
    .select(['id', 'patient_id', 'programme'])
    .where('patient_id', 'in', [...new Set(entries.map((entry) => resolve.patient(entry.patient)))])
    .execute();
  const responseOf = new Map<number, string>();
  let derived = 0;
  for (const entry of entries) {
    const definition = definitionOf(entry.formKey);
    const patientId = resolve.patient(entry.patient);
    const definitionId = definitionIds.get(entry.formKey);
    if (!definitionId) throw new Error(`demo seed: form ${entry.formKey} is not stored`);
    const trajectory = trajectories.find((row) => row.patient_id === patientId && row.programme === definition.trajectory);
    const { id: entryId } = await trx
      .insertInto('form_entry')
      .values({
        patient_id: patientId,
        form_key: entry.formKey,
        record_type: definition.recordType,
        organisation_id: resolve.organisation(entry.organisation),
        author_account_id: resolve.account(entry.author),
        trajectory_id: trajectory?.id ?? null,
        published_at: entry.publishedAt,
        current_version: 1,
        updated_at: entry.publishedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: responseId } = await trx
      .insertInto('form_response')
      .values({
        entry_id: entryId,
        patient_id: patientId,
        version: 1,
        definition_id: definitionId,
        response: JSON.stringify(entry.response),
        author_account_id: resolve.account(entry.author),
        organisation_id: resolve.organisation(entry.organisation),
        published_at: entry.publishedAt,
        request_id: seedRequestId('story', entry.patient, entry.formKey, entry.publishedAt),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const index of entry.linked) responseOf.set(index, responseId);
    if (entry.derive) {
      const values = deriveMeasurements(definition, entry.response);
      if (values.length > 0) {
        await trx
          .insertInto('measurement')
          .values(
            values.map((value) => ({
              patient_id: patientId,
              code: value.code,
              value: value.value,
              unit: value.unit,
              measured_at: sql<Date>`(${value.measuredAt ?? entry.publishedAt.slice(0, 10)}::timestamp at time zone 'Europe/Amsterdam')`,
              organisation_id: resolve.organisation(entry.organisation),
              source: 'registration',
              form_response_id: responseId,
              record_type: definition.recordType,
            })),
          )
          .execute();
        derived += values.length;
      }
    }
  }
  return { responseOf, derived };
}
