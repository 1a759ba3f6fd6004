/**
 * Source of the current instant. The core reads time only through this port, so tests can move it by hand.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. MUST be an integer. */
  now(): number;
}
