// Small-cell suppression of the region's counts (README.md here, "Kleine aantallen"). Aggregate health statistics
// do not publish counts of 1 to 4 (CBS, RIVM/Volksgezondheid en Zorg, NHS Digital use a threshold of 5 or more):
// a count that small, together with what a reader already knows (the practice, the programme, the neighbourhood),
// can point at a person. The rules:
// 1. A count of 1–4 is shown as "<5"; 0 and 5 or more are shown as they are.
// 2. An indicator's numerator and "does not meet" (denominator − numerator) add up to the denominator, so one of
//    them small makes the other exact count revealing: when the complement is 1–4, the numerator is shown as "x"
//    (afgeschermd, as CBS marks a secret cell); when the denominator is 1–4, the numerator is "x" too.
// 3. A percentage is shown only when numerator and denominator are both shown exactly.
// Reports without a sum across cells (patients per organisation, trajectories per organisation) need no more.

export const SMALL_CELL_LIMIT = 5;
export const SMALL = '<5';
export const HIDDEN = 'x';

/** A count as it leaves the server: exact, "<5" (1–4) or "x" (hidden because it would reveal a small count). */
export type SuppressedCount = number | typeof SMALL | typeof HIDDEN;

export function suppressed(count: number): SuppressedCount {
  return count >= 1 && count < SMALL_CELL_LIMIT ? SMALL : count;
}

function small(count: number): boolean {
  return count >= 1 && count < SMALL_CELL_LIMIT;
}

export interface SuppressedIndicator {
  numerator: SuppressedCount;
  denominator: SuppressedCount;
  /** Rounded to one decimal; null when the denominator is 0 or either count is not shown exactly. */
  percentage: number | null;
}

export function suppressedIndicator(numerator: number, denominator: number): SuppressedIndicator {
  const shownNumerator: SuppressedCount = small(denominator) || small(denominator - numerator) ? HIDDEN : suppressed(numerator);
  const shownDenominator = suppressed(denominator);
  const exact = typeof shownNumerator === 'number' && typeof shownDenominator === 'number' && denominator > 0;
  return {
    numerator: shownNumerator,
    denominator: shownDenominator,
    percentage: exact ? Math.round((numerator / denominator) * 1000) / 10 : null,
  };
}
