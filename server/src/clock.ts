/** The time source of the domain. Injected everywhere time matters, so tests move time instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move: `clock.advance(3 * 60 * 60 * 1000)`. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-11-29T09:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}

/**
 * The system clock plus an offset that a browser test can move through /dev/clock (NODE_ENV=test only),
 * so "3 hours idle" is tested without sleeping.
 */
export class ShiftableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(milliseconds: number): void {
    this.offsetMs += milliseconds;
  }
}
