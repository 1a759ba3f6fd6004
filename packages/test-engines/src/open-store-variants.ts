import type { EngineName } from './engine-names.js';
import { openSqlStoreVariant } from './open-sql-store-variant.js';
import { openTestEngine } from './open-test-engine.js';
import type { StoreConstructors } from './store-constructors.js';
import type { StoreVariant } from './store-variant.js';

const SQL_ENGINES: readonly EngineName[] = ['sqlite-memory', 'postgres', 'mariadb'];

/**
 * The variants an HTTP suite runs on: memory and in-memory SQLite always; PostgreSQL and MariaDB/MySQL when
 * they answer (required with `CI=true`, see `openTestEngine`). Memory comes first.
 */
export async function openStoreVariants(stores: StoreConstructors): Promise<StoreVariant[]> {
  const variants: StoreVariant[] = [
    { name: 'memory', factory: async () => stores.createMemoryStores(), close: async () => {} },
  ];
  for (const name of SQL_ENGINES) {
    const engine = await openTestEngine(name);
    if (engine !== undefined) variants.push(await openSqlStoreVariant(engine, stores));
  }
  return variants;
}
