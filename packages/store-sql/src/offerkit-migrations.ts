import { type Kysely, type Migration, sql } from 'kysely';
import { detectSqlDialect, type SqlDialect } from './sql-dialect.js';
import { type OfferKitTableNames, resolveTableNames } from './table-names.js';

/** Options of `offerKitMigrations`. */
export interface OfferKitMigrationsOptions {
  /** Same prefix as given to `createSqlStores`. Default `offerkit_`. */
  tablePrefix?: string;
}

async function createTables(
  db: Kysely<unknown>,
  dialect: SqlDialect,
  names: OfferKitTableNames,
): Promise<void> {
  let offers = db.schema
    .createTable(names.offers)
    .addColumn('id', 'varchar(36)', (col) => col.notNull().primaryKey())
    .addColumn('user_id', 'varchar(36)', (col) => col.notNull())
    .addColumn('code_hash', 'char(43)', (col) => col.notNull())
    .addColumn('reference_hash', 'char(43)')
    .addColumn('tx_code_mac', 'char(43)')
    .addColumn('tx_code', 'text')
    .addColumn('credentials', 'text', (col) => col.notNull())
    .addColumn('profile', 'varchar(16)', (col) => col.notNull())
    .addColumn('claims', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('consumed_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('locked_at', 'bigint');
  let users = db.schema
    .createTable(names.users)
    .addColumn('id', 'varchar(36)', (col) => col.notNull().primaryKey())
    .addColumn('claims', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull());
  if (dialect === 'mysql') {
    // Hashes and ids are case-sensitive (base64url): the default *_ci collations would let `aB` match `Ab`.
    const tableOptions = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin`;
    offers = offers.modifyEnd(tableOptions);
    users = users.modifyEnd(tableOptions);
  }
  await offers.execute();
  await users.execute();
  await db.schema
    .createIndex(names.offersCodeHashIndex)
    .on(names.offers)
    .column('code_hash')
    .unique()
    .execute();
  await db.schema
    .createIndex(names.offersReferenceHashIndex)
    .on(names.offers)
    .column('reference_hash')
    .unique()
    .execute();
  await db.schema.createIndex(names.offersExpiresAtIndex).on(names.offers).column('expires_at').execute();
  await db.schema.createIndex(names.offersUserIdIndex).on(names.offers).column('user_id').execute();
}

/**
 * The OfferKit schema as kysely migrations, for the host's own `Migrator`:
 *
 * ```ts
 * new Migrator({ db, provider: { getMigrations: async () => offerKitMigrations() },
 *   migrationTableName: OFFERKIT_MIGRATION_TABLE, migrationLockTableName: OFFERKIT_MIGRATION_LOCK_TABLE })
 * ```
 *
 * Creates `${prefix}offers` and `${prefix}users`: BIGINT epoch milliseconds, JSON as TEXT, CHAR(43) hashes,
 * VARCHAR(36) ids, unique indexes on `code_hash` and `reference_hash`, indexes on `expires_at` and `user_id`.
 * The engine is detected from the `Kysely` instance the `Migrator` passes in.
 */
export function offerKitMigrations(options: OfferKitMigrationsOptions = {}): Record<string, Migration> {
  const names = resolveTableNames(options.tablePrefix);
  return {
    '0001_create_offers_and_users': {
      async up(db: Kysely<unknown>): Promise<void> {
        await createTables(db, detectSqlDialect(db), names);
      },
      async down(db: Kysely<unknown>): Promise<void> {
        await db.schema.dropTable(names.users).execute();
        await db.schema.dropTable(names.offers).execute();
      },
    },
  };
}
