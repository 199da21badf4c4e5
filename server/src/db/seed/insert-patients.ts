import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { SYNTHETIC_BSN_CAPACITY, syntheticBsn } from './bsn.js';
import { type BulkColumn, unnestInsert } from './bulk-insert.js';
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

type MeasurementInput = GeneratedMeasurement & { patientId: string; organisationId: string };
// biome-ignore format: a table, one column per line
const measurementColumns: readonly BulkColumn<MeasurementInput>[] = [
  { name: 'patient_id', type: 'bigint', value: (row) => row.patientId },
  { name: 'code', type: 'text', value: (row) => row.code },
  { name: 'value', type: 'numeric', value: (row) => row.value },
  { name: 'unit', type: 'text', value: (row) => row.unit },
  { name: 'measured_at', type: 'timestamptz', value: (row) => row.measuredAt },
  { name: 'organisation_id', type: 'bigint', value: (row) => row.organisationId },
  { name: 'source', type: 'text', value: (row) => row.source },
];

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
      for (const measurement of entry.measurements) {
        rows.push({ ...measurement, patientId: id, organisationId: practiceId });
        if (rows.length >= MEASUREMENT_ROWS_PER_INSERT) await flush();
      }
    }
    await flush();
    return { patients: written.length, measurements: measurementCount, skipped: false };
  });
}
