import { findMeasure, type LocalText, measures } from '@keten/forms';
import { sql } from 'kysely';
import type { RequestContext } from '../access/context.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { providerOf, readableRecordTypes } from './record-common.js';
import { assertRecordOpen } from './treatment-team.js';

// Monitoring (seed 001 §5.3): every measured value over time. A measurement carries the record type of what
// produced it (a form's, or 'hospital' for hospital lab), and only those of readable record types are counted,
// listed or drawn. Measurements of a replaced entry version are gone (record-publish.ts), so each value shows once.

export interface MonitoringMeasure {
  code: string;
  name: LocalText;
  unit: string;
  normalLow: number | null;
  normalHigh: number | null;
  rangeNote: LocalText | null;
  count: number;
  latest: { value: string; measuredAt: Date } | null;
}

export interface MeasurePoint {
  measuredAt: Date;
  value: string;
  source: string;
  entryId: string | null;
}

const measureOrder = new Map(measures.map((measure, index) => [measure.code, index]));

function typesList(readable: readonly string[]) {
  return readable.length === 0 ? sql`null` : sql.join(readable.map((type) => sql`${type}`));
}

export async function readMonitoring(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
): Promise<{ measures: MonitoringMeasure[] }> {
  const actor = providerOf(context);
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'monitoring',
    auditAfter: (result) => ({ details: { measures: result.measures.map((measure) => measure.code) } }),
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const readable = readableRecordTypes(actor, facts);
      if (readable.length === 0) return { measures: [] };
      const patient = await trx.selectFrom('patient').select('gender').where('id', '=', patientId).executeTakeFirstOrThrow();
      const { rows } = await sql<{ code: string; unit: string; value: string; measured_at: Date; count: string }>`
        select distinct on (m.code) m.code, m.unit, m.value, m.measured_at, count(*) over (partition by m.code) as count
        from measurement m
        where m.patient_id = ${patientId} and m.record_type in (${typesList(readable)})
        order by m.code, m.measured_at desc, m.id desc`.execute(trx);
      const list = rows.map((row): MonitoringMeasure => {
        const measure = findMeasure(row.code);
        const range = patient.gender === 'female' && measure?.normalFemale ? measure.normalFemale : null;
        return {
          code: row.code,
          name: measure ? { nl: measure.nl, en: measure.en } : { nl: row.code, en: row.code },
          unit: measure?.unit ?? row.unit,
          normalLow: range ? range.low : (measure?.normalLow ?? null),
          normalHigh: range ? range.high : (measure?.normalHigh ?? null),
          rangeNote: measure?.rangeNote ?? null,
          count: Number(row.count),
          latest: { value: row.value, measuredAt: new Date(row.measured_at) },
        };
      });
      list.sort((a, b) => (measureOrder.get(a.code) ?? 999) - (measureOrder.get(b.code) ?? 999) || a.code.localeCompare(b.code));
      return { measures: list };
    },
  });
}

export async function readMeasureSeries(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
  codes: readonly string[],
): Promise<{ series: { code: string; points: MeasurePoint[] }[] }> {
  const actor = providerOf(context);
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'monitoring-series',
    details: { codes: codes.join(',') },
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      const readable = readableRecordTypes(actor, facts);
      const series = new Map(codes.map((code) => [code, [] as MeasurePoint[]]));
      if (readable.length === 0 || codes.length === 0) return { series: [...series].map(([code, points]) => ({ code, points })) };
      const { rows } = await sql<{ code: string; value: string; measured_at: Date; source: string; entry_id: string | null }>`
        select m.code, m.value, m.measured_at, m.source, r.entry_id::text as entry_id
        from measurement m
          left join form_response r on r.id = m.form_response_id
        where m.patient_id = ${patientId} and m.record_type in (${typesList(readable)})
          and m.code in (${sql.join(codes.map((code) => sql`${code}`))})
        order by m.measured_at, m.id`.execute(trx);
      for (const row of rows) {
        series.get(row.code)?.push({
          measuredAt: new Date(row.measured_at),
          value: row.value,
          source: row.source,
          entryId: row.entry_id,
        });
      }
      return { series: [...series].map(([code, points]) => ({ code, points })) };
    },
  });
}
