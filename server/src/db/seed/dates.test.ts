import { describe, expect, it } from 'vitest';
import {
  addYears,
  ageOn,
  amsterdamOffset,
  amsterdamTimestamp,
  dutchDate,
  fromDay,
  toDay,
  todayInAmsterdam,
  weekday,
  workday,
} from './dates.js';

describe('day arithmetic', () => {
  it('round-trips dates between 1900 and 2100 like Date does', () => {
    const mismatches: number[] = [];
    for (let day = toDay('1900-01-01'); day <= toDay('2100-12-31'); day += 7) {
      if (fromDay(day) !== new Date(day * 86_400_000).toISOString().slice(0, 10) || toDay(fromDay(day)) !== day)
        mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => toDay('2026-02-30')).toThrow(RangeError);
    expect(() => toDay('29-11-2026')).toThrow(RangeError);
  });

  it('computes ages, years back and workdays', () => {
    expect(ageOn(toDay('1961-03-12'), toDay('2026-03-11'))).toBe(64);
    expect(ageOn(toDay('1961-03-12'), toDay('2026-03-12'))).toBe(65);
    expect(fromDay(addYears(toDay('2024-02-29'), -1))).toBe('2023-02-28');
    expect(weekday(toDay('2026-11-29'))).toBe(0); // a Sunday
    expect(fromDay(workday(toDay('2026-11-29')))).toBe('2026-11-30');
    expect(fromDay(workday(toDay('2026-11-28')))).toBe('2026-11-27');
    expect(dutchDate(toDay('2026-03-05'))).toBe('05-03-2026');
  });
});

describe('Europe/Amsterdam times', () => {
  it('uses summer time from the last Sunday of March to the last Sunday of October', () => {
    expect(amsterdamOffset(toDay('2026-03-28'))).toBe('+01:00');
    expect(amsterdamOffset(toDay('2026-03-29'))).toBe('+02:00');
    expect(amsterdamOffset(toDay('2026-10-24'))).toBe('+02:00');
    expect(amsterdamOffset(toDay('2026-10-25'))).toBe('+01:00');
    expect(amsterdamTimestamp(toDay('2026-07-01'), 9 * 60 + 5)).toBe('2026-07-01T09:05:00+02:00');
  });

  it('agrees with the time-zone database', () => {
    for (const date of ['2025-01-15', '2025-03-30', '2025-06-01', '2025-10-26', '2026-03-29', '2026-12-31']) {
      const stamp = amsterdamTimestamp(toDay(date), 12 * 60);
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Amsterdam',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(stamp));
      expect(local, date).toBe('12:00');
    }
  });

  it('reads today in Amsterdam, not in UTC', () => {
    expect(todayInAmsterdam(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(todayInAmsterdam(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});
