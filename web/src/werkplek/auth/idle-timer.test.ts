import { describe, expect, it } from 'vitest';
import { afterActivity, deadlinesFrom, idlePhase } from './idle-timer';

const hour = 3_600_000;
const minute = 60_000;

describe('idle timer', () => {
  it('counts the idle limit from when the answer arrived, whatever the server clock says', () => {
    const serverNow = Date.parse('2025-03-05T11:00:00Z'); // the server runs 3 hours ahead
    const receivedAt = Date.parse('2025-03-05T08:00:00Z');
    const deadlines = deadlinesFrom(
      {
        idleTimeoutSeconds: 3 * 3600,
        idleExpiresAt: new Date(serverNow + 3 * hour).toISOString(),
        expiresAt: new Date(serverNow + 12 * hour).toISOString(),
      },
      receivedAt,
    );
    expect(deadlines.idle).toBe(receivedAt + 3 * hour);
    expect(deadlines.absolute).toBe(receivedAt + 12 * hour);
  });

  it('near the absolute limit the shortened end counts', () => {
    const now = Date.parse('2025-03-05T08:00:00Z');
    const deadlines = deadlinesFrom(
      {
        idleTimeoutSeconds: 3 * 3600,
        idleExpiresAt: new Date(now + hour).toISOString(),
        expiresAt: new Date(now + hour).toISOString(),
      },
      now,
    );
    expect(deadlines.idle).toBe(now + hour);
    expect(deadlines.absolute).toBe(now + hour);
  });

  it('activity moves the end, never past the absolute end', () => {
    const now = 0;
    const deadlines = { idle: 3 * hour, absolute: 4 * hour, idleMs: 3 * hour };
    expect(afterActivity(deadlines, hour).idle).toBe(4 * hour);
    expect(afterActivity(deadlines, 30 * minute).idle).toBe(3.5 * hour);
    expect(afterActivity(deadlines, now)).toBe(deadlines);
  });

  it('is active, then warns 5 minutes before, then expired', () => {
    const deadlines = { idle: 3 * hour, absolute: 12 * hour, idleMs: 3 * hour };
    expect(idlePhase(deadlines, 3 * hour - 5 * minute - 1)).toBe('active');
    expect(idlePhase(deadlines, 3 * hour - 5 * minute)).toBe('warning');
    expect(idlePhase(deadlines, 3 * hour)).toBe('expired');
  });
});
