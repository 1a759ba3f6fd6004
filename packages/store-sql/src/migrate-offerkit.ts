import { OfferKitError } from '@offerkit/core';
import { type Kysely, Migrator } from 'kysely';
import { offerKitMigrations } from './offerkit-migrations.js';
import { DEFAULT_TABLE_PREFIX, resolveTableNames } from './table-names.js';

/** Options of `migrateOfferKit`. */
export interface MigrateOfferKitOptions {
  /** Same prefix as given to `createSqlStores`. Default `offerkit_`. */
  tablePrefix?: string;
}

/**
 * Brings the OfferKit tables up to date with kysely's `Migrator`, recording the history in
 * `${tablePrefix}migration` (`offerkit_migration` by default). Returns the names of the migrations it ran.
 * Throws `OfferKitError('unavailable')` when a migration fails (the driver error is the `cause`).
 */
export async function migrateOfferKit<DB>(
  db: Kysely<DB>,
  options: MigrateOfferKitOptions = {},
): Promise<string[]> {
  const tablePrefix = options.tablePrefix ?? DEFAULT_TABLE_PREFIX;
  const names = resolveTableNames(tablePrefix);
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => offerKitMigrations({ tablePrefix }) },
    migrationTableName: names.migration,
    migrationLockTableName: names.migrationLock,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new OfferKitError('unavailable', 'OfferKit migrations failed', { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
