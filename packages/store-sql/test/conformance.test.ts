import {
  offerStoreConformanceCases,
  type StoreFactory,
  userStoreConformanceCases,
} from '@offerkit/core/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createSqlStores, migrateOfferKit } from '../src/index.js';
import { dropOfferKitTables } from './helpers/drop-offerkit-tables.js';
import { createRandomTablePrefix } from './helpers/random-table-prefix.js';
import { ENGINE_NAMES, openTestEngine } from './helpers/test-engines.js';

for (const name of ENGINE_NAMES) {
  const engine = await openTestEngine(name);
  describe.skipIf(engine === undefined)(`${name}: @offerkit/core/testing conformance kit`, () => {
    const prefix = createRandomTablePrefix();

    beforeAll(async () => {
      await migrateOfferKit(engine!.db, { tablePrefix: prefix });
    });

    afterAll(async () => {
      await dropOfferKitTables(engine!.db, prefix);
      await engine!.close();
    });

    // Each case gets empty tables: one schema per engine, emptied before every case.
    const factory: StoreFactory = async () => {
      const db = engine!.db;
      await sql`delete from ${sql.table(`${prefix}offers`)}`.execute(db);
      await sql`delete from ${sql.table(`${prefix}users`)}`.execute(db);
      return createSqlStores({ db, tablePrefix: prefix });
    };

    for (const c of [...offerStoreConformanceCases(factory), ...userStoreConformanceCases(factory)]) {
      it(c.name, c.run, c.timeoutMs);
    }
  });
}
