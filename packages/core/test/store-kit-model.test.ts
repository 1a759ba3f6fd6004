import { describe, expect, it } from 'vitest';
import {
  createModelOfferStore,
  createNaiveOfferStore,
  offerStoreConcurrencyCases,
  offerStoreConformanceCases,
  runConcurrencyProbe,
  type StoreFactory,
} from '../src/testing/store/index.js';

// A correct store exists in core (the model-backed one), so the kit can check itself here without depending on
// @offerkit/store-memory: the reference store passes every case and the naive store fails the races.
const modelFactory: StoreFactory = async () => ({
  offerStore: createModelOfferStore(),
  userStore: {
    create: () => Promise.reject(new Error('not used')),
    findById: () => Promise.reject(new Error('not used')),
    persistClaims: () => Promise.reject(new Error('not used')),
  },
});
const naiveFactory: StoreFactory = async () => {
  const stores = await modelFactory();
  return { ...stores, offerStore: createNaiveOfferStore(stores.offerStore) };
};

describe('store kit against the model-backed reference store', () => {
  for (const c of offerStoreConformanceCases(modelFactory, { modelRuns: 100 }))
    it(c.name, c.run, c.timeoutMs);
});

describe('store kit against the naive read-then-write store', () => {
  const cases = offerStoreConcurrencyCases(naiveFactory);
  for (const pattern of [/consume succeeds exactly once/, /reserves exactly maxAttempts/]) {
    it(`fails: ${pattern.source}`, async () => {
      const c = cases.find((candidate) => pattern.test(candidate.name));
      expect(c).toBeDefined();
      await expect(c?.run()).rejects.toThrow(/expected/);
    });
  }

  it('the probe sees several winners in >= 95% of rounds', async () => {
    const result = await runConcurrencyProbe(naiveFactory, { rounds: 20, concurrency: 50 });
    expect(result.winnersPerRound.filter((w) => w >= 2).length).toBeGreaterThanOrEqual(19);
  });

  it('cleanup runs once per case, pass or fail', async () => {
    let cleanups = 0;
    const counting: StoreFactory = async () => ({
      ...(await naiveFactory()),
      cleanup: async () => void cleanups++,
    });
    const cases = offerStoreConcurrencyCases(counting).slice(0, 2);
    for (const c of cases) await c.run().catch(() => undefined);
    expect(cleanups).toBe(2);
  });
});
