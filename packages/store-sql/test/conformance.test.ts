import {
  createNaiveOfferStore,
  offerStoreConformanceCases,
  runConcurrencyProbe,
  type StoreFactory,
  userStoreConformanceCases,
} from '@offerkit/core/testing';
import { ENGINE_NAMES, openSqlStoreVariant, openTestEngine } from '@offerkit/test-engines';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqlStores, migrateOfferKit } from '../src/index.js';

for (const name of ENGINE_NAMES) {
  const engine = await openTestEngine(name);
  const variant =
    engine === undefined
      ? undefined
      : await openSqlStoreVariant(engine, { createSqlStores, migrateOfferKit });
  describe.skipIf(variant === undefined)(`${name}: @offerkit/core/testing conformance kit`, () => {
    afterAll(async () => {
      await variant?.close();
    });

    const factory: StoreFactory = async () => {
      if (variant === undefined) throw new Error(`${name} is not open`);
      return variant.factory();
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
