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
