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
 * Host duties the stores cannot take on:
 * - `pg`: node-postgres emits `'error'` when a connection drops, and with no listener the process crashes.
 *   `pool.on('error', …)` covers idle clients only; a client checked out by a call emits on itself, so also
 *   attach `pool.on('connect', (client) => client.on('error', …))`. The call in flight still fails with
 *   `unavailable`.
 * - `mysql2`: there is no pool-wide query timeout and `MysqlDialect` sets none, so a database that stops
 *   answering on an open connection never errors. Pass `createMysqlPoolWithQueryTimeout(pool, ms)` as the
 *   dialect's pool to bound every statement.
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
