import type { OfferStore } from '../../ports/offer-store.js';
import type { UserStore } from '../../ports/user-store.js';

/** Store methods that change state. */
export const STORE_WRITE_METHODS = [
  'offer.insert',
  'offer.reserveTxAttempt',
  'offer.consume',
  'offer.lock',
  'offer.revoke',
  'offer.revokeByUser',
  'offer.deleteExpired',
  'user.create',
  'user.persistClaims',
] as const;

/** Stores wrapped to count their calls, and optionally to fail like a broken database. */
export interface InstrumentedStores {
  offerStore: OfferStore;
  userStore: UserStore;
  /** Calls per `offer.<method>` / `user.<method>` since the last `resetCalls`. */
  calls: Map<string, number>;
  resetCalls(): void;
  /** While true every call throws a raw driver-like error (a store that breaks its contract under an outage). */
  failing: { value: boolean };
}

/** The raw error the failing stores throw; responses must never show its text. */
export const DRIVER_ERROR_TEXT = 'SQLITE_BUSY: database is locked (driver secret 7f3a)';

/** Wraps the real stores with call counters and a fault switch; the real stores do all the work. */
export function instrumentStores(offerStore: OfferStore, userStore: UserStore): InstrumentedStores {
  const calls = new Map<string, number>();
  const failing = { value: false };
  function wrap<T extends object>(target: T, prefix: string): T {
    const wrapped: Record<string, unknown> = {};
    for (const name of methodNames(target)) {
      const method = (target as Record<string, unknown>)[name];
      if (typeof method !== 'function') continue;
      wrapped[name] = (...args: unknown[]) => {
        const key = `${prefix}.${name}`;
        calls.set(key, (calls.get(key) ?? 0) + 1);
        if (failing.value) return Promise.reject(new Error(DRIVER_ERROR_TEXT));
        return (method as (...a: unknown[]) => unknown).apply(target, args);
      };
    }
    return wrapped as T;
  }
  return {
    offerStore: wrap(offerStore, 'offer'),
    userStore: wrap(userStore, 'user'),
    calls,
    resetCalls: () => calls.clear(),
    failing,
  };
}

function methodNames(target: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = target; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) if (name !== 'constructor') names.add(name);
  }
  return [...names];
}
