import type { Kysely } from 'kysely';
import { createSqlOfferStore } from './create-sql-offer-store.js';
import { createSqlUserStore } from './create-sql-user-store.js';
import { detectSqlDialect } from './sql-dialect.js';
import type { OfferRow, UserRow } from './sql-rows.js';
import type { SqlStores, SqlStoresOptions } from './sql-stores-options.js';
import { resolveTableNames } from './table-names.js';

/**
 * Creates the OfferKit `OfferStore` and `UserStore` on the host's `Kysely` instance (PostgreSQL, MySQL/MariaDB,
 * SQLite). The stores open no connections and read no clock: every instant comes from the `now` argument.
 * Run `migrateOfferKit` (or apply `sql/<engine>.sql`) with the same `tablePrefix` first.
 *
 * `consume` and `reserveTxAttempt` are each one guarded `UPDATE`, so exactly one of any number of concurrent
 * callers (connections, processes or app instances) wins. Unique violations surface as
 * `OfferKitError('conflict')`, every other driver failure as `OfferKitError('unavailable')` without driver text.
 *
 * With `pg`, attach an `'error'` listener to the host's `pg.Pool`: without one, an idle client that loses its
 * connection crashes the process, and no store can catch that.
 */
export function createSqlStores<DB>(options: SqlStoresOptions<DB>): SqlStores {
  const names = resolveTableNames(options.tablePrefix);
  const db = options.db as unknown as Kysely<unknown>;
  const dialect = detectSqlDialect(db);
  return {
    offerStore: createSqlOfferStore(db as unknown as Kysely<Record<string, OfferRow>>, dialect, names),
    userStore: createSqlUserStore(db as unknown as Kysely<Record<string, UserRow>>, dialect, names),
  };
}
