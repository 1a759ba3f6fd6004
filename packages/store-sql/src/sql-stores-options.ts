import type { OfferStore, UserStore } from '@offerkit/core';
import type { Kysely } from 'kysely';

/** Options of `createSqlStores`. */
export interface SqlStoresOptions<DB> {
  /**
   * The host's `Kysely` instance (PostgreSQL, MySQL/MariaDB through mysql2, or SQLite). The stores run their
   * statements through it and never open or close a connection. Keep it in autocommit READ COMMITTED (the
   * default); the stores need no wider isolation.
   */
  db: Kysely<DB>;
  /** Prefix of the table names: `${tablePrefix}offers` and `${tablePrefix}users`. Default `offerkit_`. */
  tablePrefix?: string;
}

/** The two stores `createSqlStores` returns, ready for `createOfferIssuer`. */
export interface SqlStores {
  offerStore: OfferStore;
  userStore: UserStore;
}
