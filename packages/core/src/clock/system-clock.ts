import type { Clock } from '../ports/clock.js';

/** The wall clock (`Date.now()`). */
export const systemClock: Clock = { now: () => Date.now() };
