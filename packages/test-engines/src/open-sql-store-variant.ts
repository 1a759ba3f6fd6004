import { sql } from 'kysely';
import { createRandomTablePrefix } from './create-random-table-prefix.js';
import { dropOfferKitTables } from './drop-offerkit-tables.js';
import type { StoreConstructors } from './store-constructors.js';
import type { StoreVariant } from './store-variant.js';
import type { TestEngine } from './test-engine.js';

/**
 * Migrates a fresh table prefix on `engine` and returns its store variant. One schema per run, emptied before
 * every case, so each case starts from empty stores without paying for a migration. `close` drops the tables
 * and closes the engine.
 */
export async function openSqlStoreVariant(
  engine: TestEngine,
  stores: Pick<StoreConstructors, 'migrateOfferKit' | 'createSqlStores'>,
): Promise<StoreVariant> {
  const tablePrefix = createRandomTablePrefix();
  const { db } = engine;
  await stores.migrateOfferKit(db, { tablePrefix });
  return {
    name: engine.name,
    factory: async () => {
      await sql`delete from ${sql.table(`${tablePrefix}offers`)}`.execute(db);
      await sql`delete from ${sql.table(`${tablePrefix}users`)}`.execute(db);
      return stores.createSqlStores({ db, tablePrefix });
    },
    async close() {
      await dropOfferKitTables(db, tablePrefix);
      await engine.close();
    },
  };
}
