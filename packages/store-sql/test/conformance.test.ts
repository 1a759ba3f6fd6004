import {
  createNaiveOfferStore,
  offerStoreConformanceCases,
  runConcurrencyProbe,
  type StoreFactory,
  userStoreConformanceCases,
} from '@offerkit/core/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

    it('runConcurrencyProbe: at most one consume winner per round; a naive wrapper is caught', async () => {
      const real = await runConcurrencyProbe(factory, { rounds: 10 });
      expect(real.winnersPerRound).toEqual(Array.from({ length: 10 }, () => 1));
      const naiveFactory: StoreFactory = async () => {
        const stores = await factory();
        return { ...stores, offerStore: createNaiveOfferStore(stores.offerStore) };
      };
      const naive = await runConcurrencyProbe(naiveFactory, { rounds: 10 });
      console.info(
        `[store-sql probe] ${name} naive wrapper winners per round [${naive.winnersPerRound.join(', ')}]`,
      );
      expect(naive.winnersPerRound.filter((w) => w > 1).length).toBeGreaterThanOrEqual(9);
    }, 60_000);
  });
}
