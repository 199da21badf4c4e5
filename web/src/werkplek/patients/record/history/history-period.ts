import { formatDate, parseDate } from '../../../../ui/format';

// The Historie's period (seed 001 §5.4 "standaard een jaar"): dates as people type and read them, dd-mm-jjjj,
// "today" in Europe/Amsterdam.

/** Today and the same day a year ago, as dd-mm-jjjj (29-02 a year back becomes 28-02). */
export function defaultPeriod(now: Date = new Date()): { from: string; to: string } {
  const to = formatDate(now);
  const [day = '01', month = '01', year = '2000'] = to.split('-');
  const lastYear = Number(year) - 1;
  const daysInMonth = new Date(Date.UTC(lastYear, Number(month), 0)).getUTCDate();
  const fromDay = String(Math.min(Number(day), daysInMonth)).padStart(2, '0');
  return { from: `${fromDay}-${month}-${lastYear}`, to };
}

/** A typed date (`5-3-2026`, `05032026`, …) as dd-mm-jjjj; undefined when it is not a date. */
export function normaliseDate(text: string): string | undefined {
  const iso = parseDate(text);
  return iso ? formatDate(iso) : undefined;
}

/** dd-mm-jjjj → a number that sorts by date. */
export function dateOrder(ddmmyyyy: string): number {
  const [day = '0', month = '0', year = '0'] = ddmmyyyy.split('-');
  return Number(year) * 10_000 + Number(month) * 100 + Number(day);
}
