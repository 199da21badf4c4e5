// Dates and times as Dutch care staff and patients read them (product.md): dd-mm-jjjj, 24-hour
// clock, always in Europe/Amsterdam — also on a laptop set to another time zone, so a
// measurement taken at 08:00 in Utrecht never shows as 07:00.

export const timeZone = 'Europe/Amsterdam';

export type DateInput = Date | string | number;

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateParts = new Intl.DateTimeFormat('nl-NL', {
  timeZone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const timeParts = new Intl.DateTimeFormat('nl-NL', {
  timeZone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function toDate(value: DateInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  const found = parts.find((p) => p.type === type);
  if (!found) throw new RangeError(`Missing ${type} in formatted date`);
  return found.value;
}

/**
 * `dd-mm-jjjj`. A plain calendar date (`1970-03-05`, e.g. a FHIR birthDate) is shown as is,
 * without time-zone conversion: a birthday never moves.
 */
export function formatDate(value: DateInput): string {
  if (typeof value === 'string') {
    const match = dateOnly.exec(value);
    if (match) return `${match[3]}-${match[2]}-${match[1]}`;
  }
  const parts = dateParts.formatToParts(toDate(value));
  return `${part(parts, 'day')}-${part(parts, 'month')}-${part(parts, 'year')}`;
}

/** `HH:mm`, 24-hour clock, Amsterdam time. */
export function formatTime(value: DateInput): string {
  const parts = timeParts.formatToParts(toDate(value));
  return `${part(parts, 'hour')}:${part(parts, 'minute')}`;
}

/** `dd-mm-jjjj HH:mm`, Amsterdam time. */
export function formatDateTime(value: DateInput): string {
  return `${formatDate(toDate(value))} ${formatTime(value)}`;
}

const typedDate = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/;
const typedDigits = /^(\d{2})(\d{2})(\d{4})$/;

/**
 * A date as people type it — `05-03-2024`, `5-3-2024`, `5/3/2024`, `5.3.2024` or `05032024` — as
 * `2024-03-05` (ISO, for the API); undefined when it is not a real calendar date.
 */
export function parseDate(text: string): string | undefined {
  const trimmed = text.trim();
  const match = typedDate.exec(trimmed) ?? typedDigits.exec(trimmed);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
