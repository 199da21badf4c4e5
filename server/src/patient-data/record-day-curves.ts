import { dayCurveDate, dayCurvePoints, type FormDefinition, isDayCurve, type LocalText } from '@keten/forms';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { Transaction } from 'kysely';
import type { RequestContext } from '../access/context.js';
import type { Database } from '../db/schema.js';
import { amsterdamDate } from '../domain/amsterdam-time.js';
import { AppError } from '../http/problem.js';
import { type PatientDataDependencies, withPatient } from './patient-access.js';
import { definitionsById, providerOf, readableRecordTypes } from './record-common.js';
import { assertRecordOpen } from './treatment-team.js';

// Dagcurves (seed 001 §5.5): "De historie van de ingevoerde dagcurves. Alleen zichtbaar indien bij de patiënt de
// aandoening DM2 is vastgelegd." Entries of forms with the 'day-curve' effect, newest first, each as its points;
// editing goes through Historie. A DM2 trajectory, open or ended, counts as recorded.

export interface DayCurve {
  entryId: string;
  date: string;
  points: { moment: string; label: LocalText; time: string | null; value: string }[];
}

/** Whether DM2 was ever recorded for the patient (the Dagcurves tab and the dagcurve task depend on it). */
export async function dm2Recorded(trx: Transaction<Database>, patientId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('trajectory')
    .select('id')
    .where('patient_id', '=', patientId)
    .where('programme', '=', 'DM2')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function readDayCurves(
  deps: PatientDataDependencies,
  context: RequestContext,
  patientId: string,
): Promise<{ curves: DayCurve[] }> {
  const actor = providerOf(context);
  return withPatient(deps, context, patientId, {
    action: 'read',
    objectType: 'day-curves',
    auditAfter: (result) => ({ details: { entryIds: result.curves.map((curve) => curve.entryId) } }),
    async run(trx, _decision, facts) {
      assertRecordOpen(actor, patientId, facts);
      if (!(await dm2Recorded(trx, patientId))) throw AppError.notFound();
      const readable = readableRecordTypes(actor, facts);
      if (readable.length === 0) return { curves: [] };
      const dayCurveKeys = (await trx.selectFrom('form_definition').select(['key', 'definition']).execute())
        .filter((row) => isDayCurve(row.definition as unknown as FormDefinition))
        .map((row) => row.key);
      if (dayCurveKeys.length === 0) return { curves: [] };
      const rows = await trx
        .selectFrom('form_entry as e')
        .innerJoin('form_response as r', (join) =>
          join.onRef('r.entry_id', '=', 'e.id').onRef('r.version', '=', 'e.current_version'),
        )
        .select(['e.id', 'e.published_at', 'r.response', 'r.definition_id'])
        .where('e.patient_id', '=', patientId)
        .where('e.form_key', 'in', [...new Set(dayCurveKeys)])
        .where('e.record_type', 'in', readable)
        .execute();
      const definitions = await definitionsById(
        trx,
        rows.map((row) => row.definition_id),
      );
      const curves = rows.flatMap((row): DayCurve[] => {
        const definition = definitions.get(row.definition_id)?.definition;
        if (!definition) return [];
        const response = row.response as unknown as QuestionnaireResponse;
        return [
          {
            entryId: row.id,
            date: dayCurveDate(definition, response) ?? amsterdamDate(row.published_at),
            points: dayCurvePoints(definition, response),
          },
        ];
      });
      curves.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : Number(b.entryId) - Number(a.entryId)));
      return { curves };
    },
  });
}
