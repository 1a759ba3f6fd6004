import type { OfferStore } from '../../ports/offer-store.js';
import type { UserStore } from '../../ports/user-store.js';

/** The stores a conformance case runs against, plus an optional hook to release them afterwards. */
export interface StoresUnderTest {
  offerStore: OfferStore;
  userStore: UserStore;
  /** Called once when the case finishes (pass or fail), e.g. to drop tables or close a connection. */
  cleanup?: () => Promise<void>;
}

/**
 * Creates stores for one conformance case. MUST return EMPTY stores that share no state with the stores of
 * any other call (a new Map, a new table prefix, a truncated schema, ...): cases assume a fresh store.
 */
export type StoreFactory = () => Promise<StoresUnderTest>;
