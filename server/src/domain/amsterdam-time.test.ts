import { describe, expect, it } from 'vitest';
import { amsterdamDate, amsterdamMidnight } from './amsterdam-time.js';

describe('Amsterdam days', () => {
  it('starts a day at Amsterdam midnight, in winter and summer time and across both changes', () => {
    expect(amsterdamMidnight('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(amsterdamMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(amsterdamMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(amsterdamMidnight('2026-10-25', 1).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(amsterdamMidnight('2026-12-31', 1).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it("gives today's date as the practice sees it", () => {
    expect(amsterdamDate(new Date('2026-11-29T22:59:59Z'))).toBe('2026-11-29');
    expect(amsterdamDate(new Date('2026-11-29T23:00:00Z'))).toBe('2026-11-30');
    expect(amsterdamDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(amsterdamDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
