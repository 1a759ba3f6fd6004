import type { Clock } from '../ports/clock.js';

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer number of milliseconds, got ${value}`);
  }
}

/**
 * A `Clock` that only moves when a test moves it. Use it to place `now` exactly on an expiry boundary
 * (`expiresAt - 1`, `expiresAt`) without sleeping.
 */
export class ManualClock implements Clock {
  #now: number;

  /** Starts at `startMs` (epoch ms, default 0). Throws `RangeError` when it is not a safe integer. */
  constructor(startMs = 0) {
    assertInteger(startMs, 'startMs');
    this.#now = startMs;
  }

  /** The instant last set, in epoch milliseconds. */
  now(): number {
    return this.#now;
  }

  /** Moves the clock to `ms` (forwards or backwards). Throws `RangeError` when it is not a safe integer. */
  set(ms: number): void {
    assertInteger(ms, 'ms');
    this.#now = ms;
  }

  /** Moves the clock by `ms` (may be negative) and returns the new instant. */
  advance(ms: number): number {
    assertInteger(ms, 'ms');
    const next = this.#now + ms;
    assertInteger(next, 'resulting instant');
    this.#now = next;
    return next;
  }
}
