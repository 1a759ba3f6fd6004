export { createMysqlPoolWithQueryTimeout } from './create-mysql-pool-with-query-timeout.js';
export { createSqlStores } from './create-sql-stores.js';
export { type MigrateOfferKitOptions, migrateOfferKit } from './migrate-offerkit.js';
export { OFFERKIT_MIGRATION_LOCK_TABLE, OFFERKIT_MIGRATION_TABLE } from './offerkit-migration-table.js';
export { type OfferKitMigrationsOptions, offerKitMigrations } from './offerkit-migrations.js';
export type { SqlStores, SqlStoresOptions } from './sql-stores-options.js';
export { DEFAULT_TABLE_PREFIX } from './table-names.js';
