/**
 * Name of the table in which kysely's `Migrator` records the OfferKit migrations for the default prefix. With a
 * custom `tablePrefix`, `migrateOfferKit` uses `${tablePrefix}migration` (and `${tablePrefix}migration_lock`),
 * so several prefixes in one database never share a history. Pass these names to your own `Migrator` too.
 */
export const OFFERKIT_MIGRATION_TABLE = 'offerkit_migration';

/** Name of the lock table kysely's `Migrator` uses for the OfferKit migrations with the default prefix. */
export const OFFERKIT_MIGRATION_LOCK_TABLE = 'offerkit_migration_lock';
