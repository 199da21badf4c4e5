// Calendar arithmetic for the generators on whole days (days since 1970-01-01), so no time zone or
// clock ever leaks into the data. Wall-clock times are Europe/Amsterdam (product.md: dates and times
// in Europe/Amsterdam) and written with their explicit UTC offset.

import { amsterdamDate } from '../../domain/amsterdam-time.js';

const MS_PER_DAY = 86_400_000;
export const DAYS_PER_YEAR = 365.2425;

/** 'YYYY-MM-DD' → day number. Throws on anything else. */
export function toDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return Math.round(time / MS_PER_DAY);
}

/** Day number → 'YYYY-MM-DD'. */
export function fromDay(day: number): string {
  // Howard Hinnant's civil_from_days: a million measurements format fast without Date objects.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(date)}`;
}

/** Same calendar day `years` earlier or later (29 February becomes 28 February). */
export function addYears(day: number, years: number): number {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfMonth)) / MS_PER_DAY);
}

/** Whole years between a birth day and a later day. */
export function ageOn(birthDay: number, onDay: number): number {
  const birth = new Date(birthDay * MS_PER_DAY);
  const on = new Date(onDay * MS_PER_DAY);
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const birthdayPassed =
    on.getUTCMonth() > birth.getUTCMonth() || (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() >= birth.getUTCDate());
  if (!birthdayPassed) age--;
  return age;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Moves a weekend day to the Friday before or the Monday after: practices are closed at the weekend. */
export function workday(day: number): number {
  const dow = weekday(day);
  if (dow === 6) return day - 1;
  if (dow === 0) return day + 1;
  return day;
}

function lastSunday(year: number, month: number): number {
  const last = Math.round(Date.UTC(year, month + 1, 0) / MS_PER_DAY);
  return last - weekday(last);
}

/**
 * Europe/Amsterdam offset for a daytime moment (between 03:00 and 24:00 local) on a day: summer time
 * from the last Sunday of March to the last Sunday of October (EU rule since 1996).
 */
export function amsterdamOffset(day: number): '+01:00' | '+02:00' {
  const year = yearOf(day);
  return day >= lastSunday(year, 2) && day < lastSunday(year, 9) ? '+02:00' : '+01:00';
}

/** An Amsterdam wall-clock time on a day as an ISO 8601 timestamp with offset (minute precision). */
export function amsterdamTimestamp(day: number, minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  if (hours < 3 || hours > 23) throw new RangeError('daytime moments only (03:00–23:59)');
  return `${fromDay(day)}T${pad2(hours)}:${pad2(minutes)}:00${amsterdamOffset(day)}`;
}

/** 'dd-mm-jjjj', the date format on screen and in letters. */
export function dutchDate(day: number): string {
  const [year, month, date] = fromDay(day).split('-');
  return `${date}-${month}-${year}`;
}

/** Today's date in Europe/Amsterdam as 'YYYY-MM-DD' (the only place that reads the clock). */
export function todayInAmsterdam(now: Date = new Date()): string {
  return amsterdamDate(now);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
