import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { SYNTHETIC_BSN_CAPACITY, syntheticBsn } from './bsn.js';
import { type BulkColumn, unnestInsert } from './bulk-insert.js';
import {
  consultNotes,
  definitionOf,
  publishedAfter,
  quickVisitResponse,
  SYNTHETIC_VISITS_WITH_ENTRIES,
  seedRequestId,
  storedDefinitionIds,
  visitFormKey,
  visitsOf,
} from './demo-history.js';
import { lockSeeding, type RegionIds } from './insert-region.js';
import type { GeneratedMeasurement } from './measurement-series.js';
import type { SyntheticEnrolment, SyntheticPatient } from './synthetic-patients.js';

// Writes synthetic patients in batches, one transaction per batch. Batches are written in index order,
// so the synthetic patients in a database are always indexes 0 … k−1; the BSN of index i is fixed
// (syntheticBsn), so k is found by looking BSNs up, without any bookkeeping table.

/** Measurement rows per statement: bounds the size of one statement's arrays. */
const MEASUREMENT_ROWS_PER_INSERT = 10_000;

async function isPresent(db: Kysely<Database>, index: number): Promise<boolean> {
  const row = await db.selectFrom('patient').select('id').where('bsn', '=', syntheticBsn(index)).executeTakeFirst();
  return row !== undefined;
}

/**
 * How many synthetic patients the database holds (k: indexes 0 … k−1 are present). A few dozen indexed
 * look-ups: an exponential search from `hint` up, then a binary search.
 */
export async function countSyntheticPatients(db: Kysely<Database>, hint: number): Promise<number> {
  if (!(await isPresent(db, 0))) return 0;
  const last = SYNTHETIC_BSN_CAPACITY - 1;
  let low = 0; // present
  let high = Math.min(Math.max(hint, 1), last);
  while (await isPresent(db, high)) {
    if (high === last) return SYNTHETIC_BSN_CAPACITY;
    low = high;
    high = Math.min(high * 2, last);
  }
  // low is present, high is not
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await isPresent(db, middle)) low = middle;
    else high = middle;
  }
  return high;
}

export interface BatchResult {
  patients: number;
  measurements: number;
  /** True when another process had already written this batch. */
  skipped: boolean;
}

type PatientInput = SyntheticPatient & { pharmacyId: string | null };
type Written = { id: string; entry: SyntheticPatient; practiceId: string };

// biome-ignore format: a table, one column per line
const patientColumns: readonly BulkColumn<PatientInput>[] = [
  { name: 'bsn', type: 'text', value: (row) => row.patient.bsn },
  { name: 'initials', type: 'text', value: (row) => row.patient.initials },
  { name: 'given_names', type: 'text', value: (row) => row.patient.given_names },
  { name: 'roepnaam', type: 'text', value: (row) => row.patient.roepnaam },
  { name: 'family_name_prefix', type: 'text', value: (row) => row.patient.family_name_prefix },
  { name: 'family_name', type: 'text', value: (row) => row.patient.family_name },
  { name: 'birth_date', type: 'date', value: (row) => row.patient.birth_date },
  { name: 'gender', type: 'text', value: (row) => row.patient.gender },
  { name: 'street', type: 'text', value: (row) => row.patient.street },
  { name: 'house_number', type: 'text', value: (row) => row.patient.house_number },
  { name: 'house_number_suffix', type: 'text', value: (row) => row.patient.house_number_suffix },
  { name: 'postcode', type: 'text', value: (row) => row.patient.postcode },
  { name: 'city', type: 'text', value: (row) => row.patient.city },
  { name: 'phone', type: 'text', value: (row) => row.patient.phone },
  { name: 'email', type: 'text', value: (row) => row.patient.email },
  { name: 'pharmacy_id', type: 'bigint', value: (row) => row.pharmacyId },
];

type EnrolmentInput = SyntheticEnrolment & { patientId: string; organisationId: string };
// biome-ignore format: a table, one column per line
const enrolmentColumns: readonly BulkColumn<EnrolmentInput>[] = [
  { name: 'patient_id', type: 'bigint', value: (row) => row.patientId },
  { name: 'organisation_id', type: 'bigint', value: (row) => row.organisationId },
  { name: 'valid_from', type: 'date', value: (row) => row.validFrom },
  { name: 'valid_to', type: 'date', value: (row) => row.validTo },
];

type MeasurementInput = GeneratedMeasurement & { patientId: string; organisationId: string; responseId: string | null };
// biome-ignore format: a table, one column per line
const measurementColumns: readonly BulkColumn<MeasurementInput>[] = [
  { name: 'patient_id', type: 'bigint', value: (row) => row.patientId },
  { name: 'code', type: 'text', value: (row) => row.code },
  { name: 'value', type: 'numeric', value: (row) => row.value },
  { name: 'unit', type: 'text', value: (row) => row.unit },
  { name: 'measured_at', type: 'timestamptz', value: (row) => row.measuredAt },
  { name: 'organisation_id', type: 'bigint', value: (row) => row.organisationId },
  { name: 'source', type: 'text', value: (row) => row.source },
  { name: 'form_response_id', type: 'bigint', value: (row) => row.responseId },
];

/** A consult planned for a synthetic patient's control visit (demo-history.ts). */
interface PlannedEntry {
  patientId: string;
  formKey: string;
  recordType: string;
  definitionId: string;
  organisationId: string;
  authorId: string;
  publishedAt: string;
  response: string;
  requestId: string;
  /** Indexes into the patient's measurements. */
  linked: number[];
  entryId?: string;
  responseId?: string;
}

// biome-ignore format: a table, one column per line
const entryColumns: readonly BulkColumn<PlannedEntry>[] = [
  { name: 'patient_id', type: 'bigint', value: (row) => row.patientId },
  { name: 'form_key', type: 'text', value: (row) => row.formKey },
  { name: 'record_type', type: 'text', value: (row) => row.recordType },
  { name: 'organisation_id', type: 'bigint', value: (row) => row.organisationId },
  { name: 'author_account_id', type: 'bigint', value: (row) => row.authorId },
  { name: 'published_at', type: 'timestamptz', value: (row) => row.publishedAt },
  { name: 'updated_at', type: 'timestamptz', value: (row) => row.publishedAt },
];

// biome-ignore format: a table, one column per line
const responseColumns: readonly BulkColumn<PlannedEntry>[] = [
  { name: 'entry_id', type: 'bigint', value: (row) => row.entryId ?? null },
  { name: 'patient_id', type: 'bigint', value: (row) => row.patientId },
  { name: 'version', type: 'integer', value: () => 1 },
  { name: 'definition_id', type: 'bigint', value: (row) => row.definitionId },
  { name: 'response', type: 'jsonb', value: (row) => row.response },
  { name: 'author_account_id', type: 'bigint', value: (row) => row.authorId },
  { name: 'organisation_id', type: 'bigint', value: (row) => row.organisationId },
  { name: 'published_at', type: 'timestamptz', value: (row) => row.publishedAt },
  { name: 'request_id', type: 'uuid', value: (row) => row.requestId },
];

/** The last control visits of chain-care patients as consults by their practice's POH, in three statements. */
async function insertSyntheticEntries(
  trx: Kysely<Database>,
  ids: RegionIds,
  written: readonly Written[],
): Promise<Map<string, Map<number, string>>> {
  const definitionIds = await storedDefinitionIds(trx);
  const planned: PlannedEntry[] = [];
  for (const { id, entry, practiceId } of written) {
    const programmes = entry.trajectories.map((trajectory) => trajectory.programme);
    const practice = entry.enrolments[entry.enrolments.length - 1]?.practice;
    const authorId = practice ? ids.accounts.get(`poh.${practice.toLowerCase()}`) : undefined;
    if (programmes.length === 0 || !authorId) continue;
    const visits = visitsOf(entry.measurements).slice(-SYNTHETIC_VISITS_WITH_ENTRIES);
    visits.forEach((visit, number) => {
      const codes = new Set(visit.measurements.map((index) => entry.measurements[index]?.code ?? ''));
      const formKey = visitFormKey(programmes, codes);
      const definition = definitionOf(formKey);
      const definitionId = definitionIds.get(formKey);
      if (!definitionId) throw new Error(`demo seed: form ${formKey} is not stored`);
      const note = consultNotes[(entry.index + number) % consultNotes.length] as string;
      const { response, linked } = quickVisitResponse(definition, visit, entry.measurements, note);
      planned.push({
        patientId: id,
        formKey,
        recordType: definition.recordType,
        definitionId,
        organisationId: practiceId,
        authorId,
        publishedAt: publishedAfter(visit.at),
        response: JSON.stringify(response),
        requestId: seedRequestId('synthetic', entry.patient.bsn, visit.at),
        linked,
      });
    });
  }
  const byPatient = new Map<string, Map<number, string>>();
  if (planned.length === 0) return byPatient;
  const { rows: entries } = await sql<{ id: string; patient_id: string; published_at: Date }>`${unnestInsert(
    'form_entry',
    entryColumns,
    planned,
  )} returning id, patient_id, published_at`.execute(trx);
  const entryIds = new Map(entries.map((row) => [`${row.patient_id}|${new Date(row.published_at).getTime()}`, row.id]));
  for (const row of planned) row.entryId = entryIds.get(`${row.patientId}|${Date.parse(row.publishedAt)}`);
  const { rows: responses } = await sql<{ id: string; entry_id: string }>`${unnestInsert(
    'form_response',
    responseColumns,
    planned,
  )} returning id, entry_id`.execute(trx);
  const responseIds = new Map(responses.map((row) => [row.entry_id, row.id]));
  for (const row of planned) {
    const responseId = responseIds.get(row.entryId ?? '');
    if (!responseId) continue;
    const links = byPatient.get(row.patientId) ?? new Map<number, string>();
    for (const index of row.linked) links.set(index, responseId);
    byPatient.set(row.patientId, links);
  }
  return byPatient;
}

/** One batch of consecutive synthetic patients in one transaction. */
export async function insertSyntheticBatch(
  db: Kysely<Database>,
  ids: RegionIds,
  batch: readonly SyntheticPatient[],
): Promise<BatchResult> {
  const first = batch[0];
  if (!first) return { patients: 0, measurements: 0, skipped: false };
  const organisation = (abbreviation: string): string => {
    const id = ids.organisations.get(abbreviation);
    if (id === undefined) throw new Error(`demo seed: unknown organisation ${abbreviation}`);
    return id;
  };

  return db.transaction().execute(async (trx) => {
    await lockSeeding(trx);
    if (await isPresent(trx, first.index)) return { patients: 0, measurements: 0, skipped: true };

    // A BSN someone typed in by hand is skipped rather than failing the batch (never a second record).
    const patients = batch.map((entry) => ({ ...entry, pharmacyId: entry.pharmacy ? organisation(entry.pharmacy) : null }));
    const { rows: inserted } = await sql<{ id: string; bsn: string }>`${unnestInsert('patient', patientColumns, patients)}
      on conflict (bsn) where bsn is not null do nothing returning id, bsn`.execute(trx);
    const idByBsn = new Map(inserted.map((row) => [row.bsn, row.id]));
    const written: Written[] = [];
    for (const entry of batch) {
      const id = idByBsn.get(entry.patient.bsn);
      const current = entry.enrolments[entry.enrolments.length - 1];
      if (id !== undefined && current) written.push({ id, entry, practiceId: organisation(current.practice) });
    }

    const enrolments = written.flatMap(({ id, entry }) =>
      entry.enrolments.map((enrolment) => ({ ...enrolment, patientId: id, organisationId: organisation(enrolment.practice) })),
    );
    if (enrolments.length > 0) await unnestInsert('enrolment', enrolmentColumns, enrolments).execute(trx);

    const trajectories = written.flatMap(({ id, entry }) =>
      entry.trajectories.map((trajectory) => ({
        patient_id: id,
        programme: trajectory.programme,
        organisation_id: organisation(trajectory.practice),
        started_on: trajectory.startedOn,
      })),
    );
    if (trajectories.length > 0) await trx.insertInto('trajectory').values(trajectories).execute();
    const links = await insertSyntheticEntries(trx, ids, written);

    // Values are registered by, or received at, the patient's current practice.
    let measurementCount = 0;
    let rows: MeasurementInput[] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      await unnestInsert('measurement', measurementColumns, rows).execute(trx);
      measurementCount += rows.length;
      rows = [];
    };
    for (const { id, entry, practiceId } of written) {
      const linked = links.get(id);
      for (const [index, measurement] of entry.measurements.entries()) {
        rows.push({ ...measurement, patientId: id, organisationId: practiceId, responseId: linked?.get(index) ?? null });
        if (rows.length >= MEASUREMENT_ROWS_PER_INSERT) await flush();
      }
    }
    await flush();
    return { patients: written.length, measurements: measurementCount, skipped: false };
  });
}
