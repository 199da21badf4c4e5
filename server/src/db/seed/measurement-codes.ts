// The measurement codes moved to @keten/forms (`measures`), the one list forms, server and web share
// (docs/clinical-record.md §1). The names below stay for the demo seed and its tests.
import { formatMeasureValue, type MeasureCode, type MeasureDefinition, requireMeasure } from '@keten/forms';

export { findMeasure as findMeasurementCode, measures as measurementCodes } from '@keten/forms';

export type MeasurementCode = MeasureDefinition;
export type MeasurementCodeName = MeasureCode;

export type MeasurementSource = 'registration' | 'lab' | 'hospital-lab';

/** Where a value comes from: a form in a practice, the practice's lab, or the hospital's lab. */
export const measurementSources: readonly MeasurementSource[] = ['registration', 'lab', 'hospital-lab'];

/** A definition that must exist (used by the generators: a typo fails loudly). */
export function measurementCode(code: MeasurementCodeName): MeasurementCode {
  return requireMeasure(code);
}

/** The value as stored: fixed decimals of the code, so generated data is byte-identical. */
export function formatMeasurementValue(code: MeasurementCodeName, value: number): string {
  return formatMeasureValue(code, value);
}
