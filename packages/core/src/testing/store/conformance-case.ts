/**
 * One runner-agnostic conformance check. `run` resolves when the check passes and rejects (an
 * `AssertionError` or `OfferKitError`) when it fails. Register each with your runner, e.g. for vitest:
 * `for (const c of cases) it(c.name, c.run, c.timeoutMs)`.
 */
export interface ConformanceCase {
  /** Unique, human-readable name of the check. */
  name: string;
  /** Suggested timeout in ms for slow checks (concurrency, model runs); undefined means the runner default. */
  timeoutMs?: number;
  /** Runs the check against a fresh store obtained from the factory. */
  run: () => Promise<void>;
}
