// Keten's users live in Europe/Amsterdam: a day they type (dd-mm-jjjj) or a time they read is Dutch wall-clock time,
// while moments are stored as timestamptz (UTC). The one place that converts between them (the legacy import, the
// audit view's day filters, "today" for a new enrolment). The offset comes from the time-zone database (Intl), so dates
// before 1996, when summer time ended in September, convert correctly too.

const MS_PER_HOUR = 3_600_000;

const amsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

// Amsterdam changes offset only on whole UTC hours, so one look-up per UTC hour is enough (millions of
// Journaal lines convert without a formatter call each).
const offsetByUtcHour = new Map<number, number>();

/** Amsterdam's offset from UTC (ms) at a moment. */
function offsetAt(utcMs: number): number {
  const hour = Math.floor(utcMs / MS_PER_HOUR);
  const cached = offsetByUtcHour.get(hour);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of amsterdam.formatToParts(new Date(hour * MS_PER_HOUR))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const local = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const offset = local - hour * MS_PER_HOUR;
  if (offsetByUtcHour.size > 100_000) offsetByUtcHour.clear();
  offsetByUtcHour.set(hour, offset);
  return offset;
}

/**
 * The moment of an Amsterdam wall-clock time. In the autumn hour that happens twice the later (winter time)
 * one is taken; a time in the spring gap (02:00–03:00 does not exist) moves one hour on, as a clock would.
 */
export function amsterdamToUtc(date: string, time: { hour: number; minute: number; second: number }): Date {
  const [year, month, day] = date.split('-').map(Number);
  const local = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, time.hour, time.minute, time.second);
  const first = local - offsetAt(local);
  return new Date(local - offsetAt(first));
}

/** 'YYYY-MM-DD' of a Dutch date 'dd-mm-jjjj' (also d-m-jjjj), or undefined when it is no calendar date. */
export function parseDutchDate(value: string): string | undefined {
  const match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 1850 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** hh:mm or hh:mm:ss (24 h), or undefined. */
export function parseTime(value: string): { hour: number; minute: number; second: number } | undefined {
  const match = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second };
}

/** Today's date in Amsterdam as 'YYYY-MM-DD'. */
export function amsterdamDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The moment an Amsterdam calendar day ('YYYY-MM-DD', plus `addDays`) begins. */
export function amsterdamMidnight(isoDate: string, addDays = 0): Date {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, day + addDays)).toISOString().slice(0, 10);
  return amsterdamToUtc(shifted, { hour: 0, minute: 0, second: 0 });
}

/** 'dd-mm-jjjj HH:MM' in Amsterdam, for the report. */
export function formatAmsterdam(at: Date): string {
  const parts: Record<string, string> = {};
  for (const part of amsterdam.formatToParts(at)) parts[part.type] = part.value;
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}
