import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, parseDate } from './format';

describe('formatDate', () => {
  it('writes dd-mm-jjjj', () => {
    expect(formatDate(new Date('2024-03-05T10:00:00Z'))).toBe('05-03-2024');
  });

  it('uses the Amsterdam calendar day, not UTC', () => {
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Amsterdam.
    expect(formatDate('2024-12-31T23:30:00Z')).toBe('01-01-2025');
    // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2).
    expect(formatDate('2024-06-30T22:30:00Z')).toBe('01-07-2024');
  });

  it('shows a plain calendar date unchanged', () => {
    expect(formatDate('1970-03-05')).toBe('05-03-1970');
  });

  it('accepts epoch milliseconds', () => {
    expect(formatDate(Date.UTC(2000, 0, 1, 12))).toBe('01-01-2000');
  });

  it('rejects a value that is not a date', () => {
    expect(() => formatDate('gisteren')).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  it('uses the 24-hour clock', () => {
    expect(formatTime('2024-01-15T14:05:00Z')).toBe('15:05');
  });

  it('writes midnight as 00:00, not 24:00', () => {
    expect(formatTime('2024-01-14T23:00:00Z')).toBe('00:00');
  });

  it('follows daylight saving time', () => {
    // Winter: UTC+1.
    expect(formatTime('2024-02-01T07:00:00Z')).toBe('08:00');
    // Clocks go forward on 31 March 2024 at 02:00 local (01:00 UTC).
    expect(formatTime('2024-03-31T00:59:00Z')).toBe('01:59');
    expect(formatTime('2024-03-31T01:00:00Z')).toBe('03:00');
    // Summer: UTC+2.
    expect(formatTime('2024-07-01T07:00:00Z')).toBe('09:00');
  });
});

describe('formatDateTime', () => {
  it('writes dd-mm-jjjj HH:mm in Amsterdam time', () => {
    expect(formatDateTime('2024-10-27T00:30:00Z')).toBe('27-10-2024 02:30');
    expect(formatDateTime('2024-10-27T01:30:00Z')).toBe('27-10-2024 02:30'); // the repeated hour
    expect(formatDateTime(new Date('2025-05-09T16:45:00Z'))).toBe('09-05-2025 18:45');
  });
});

describe('parseDate', () => {
  it('reads dd-mm-jjjj and the ways people type it', () => {
    expect(parseDate('05-03-2024')).toBe('2024-03-05');
    expect(parseDate('5-3-2024')).toBe('2024-03-05');
    expect(parseDate(' 5/3/2024 ')).toBe('2024-03-05');
    expect(parseDate('5.3.2024')).toBe('2024-03-05');
    expect(parseDate('05032024')).toBe('2024-03-05');
  });

  it('refuses what is not a calendar date', () => {
    expect(parseDate('')).toBeUndefined();
    expect(parseDate('31-02-2024')).toBeUndefined();
    expect(parseDate('29-02-2023')).toBeUndefined();
    expect(parseDate('29-02-2024')).toBe('2024-02-29');
    expect(parseDate('2024-03-05')).toBeUndefined();
    expect(parseDate('00-01-2024')).toBeUndefined();
    expect(parseDate('gisteren')).toBeUndefined();
  });

  it('round-trips with formatDate', () => {
    expect(formatDate(parseDate('1-1-2025') ?? '')).toBe('01-01-2025');
  });
});
