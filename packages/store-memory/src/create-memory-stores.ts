import type { OfferStore, UserStore } from '@offerkit/core';
import { createMemoryOfferStore } from './create-memory-offer-store.js';
import { createMemoryUserStore } from './create-memory-user-store.js';

/** The pair returned by `createMemoryStores`. */
export interface MemoryStores {
  offerStore: OfferStore;
  userStore: UserStore;
}

/**
 * Creates an in-memory `OfferStore` and `UserStore` for `createOfferIssuer`.
 *
 * **ONE PROCESS ONLY, LOST ON RESTART.** State lives in this process's heap: with several processes or
 * containers each has its own offers (an offer created by one cannot be redeemed at another, and single use
 * holds per process only), and a restart forgets every offer (redemptions then fail with `invalid_grant`).
 * Use it for development, tests and single-process demos; use `@offerkit/store-sql` otherwise.
 *
 * Expired offers stay in memory until `offerStore.deleteExpired(now, limit)` removes them; call it
 * periodically in long-running processes.
 */
export function createMemoryStores(): MemoryStores {
  return { offerStore: createMemoryOfferStore(), userStore: createMemoryUserStore() };
}
