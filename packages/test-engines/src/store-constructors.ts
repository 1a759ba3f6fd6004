import type { OfferStore, UserStore } from '@offerkit/core';
import type { Kysely } from 'kysely';

/**
 * The store packages' constructors, passed in by the suite. This package cannot import `@offerkit/store-sql`
 * itself: the store-sql suites depend on this package, and a dependency back would be a cycle.
 */
export interface StoreConstructors {
  createMemoryStores(): { offerStore: OfferStore; userStore: UserStore };
  migrateOfferKit(db: Kysely<unknown>, options: { tablePrefix: string }): Promise<unknown>;
  createSqlStores(options: { db: Kysely<unknown>; tablePrefix: string }): {
    offerStore: OfferStore;
    userStore: UserStore;
  };
}
