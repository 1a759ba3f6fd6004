import type { OfferStore } from '@offerkit/core';
import {
  createNaiveOfferStore,
  createTestOfferRecord,
  offerStoreConcurrencyCases,
  runConcurrencyProbe,
  type StoreFactory,
} from '@offerkit/core/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryOfferStore } from '../src/create-memory-offer-store.js';
import { createMemoryStores } from '../src/index.js';
import { isLiveAt } from '../src/is-live-at.js';
import { MemoryOfferTable } from '../src/memory-offer-table.js';

/**
 * The memory store with ONE change: an `await` between the liveness check and the write of `consume` and
 * `reserveTxAttempt`, on the very same table. The harness must catch this mutant.
 */
function createAwaitingMemoryStore(): OfferStore {
  const table = new MemoryOfferTable();
  const correct = createMemoryOfferStore(table);
  return {
    ...correct,
    async consume(codeHash, now) {
      const record = table.getByCodeHash(codeHash);
      if (record === undefined || !isLiveAt(record, now)) return undefined;
      await Promise.resolve();
      record.consumedAt = now;
      return structuredClone(record);
    },
    async reserveTxAttempt(codeHash, now, maxAttempts) {
      const record = table.getByCodeHash(codeHash);
      if (record === undefined || !isLiveAt(record, now) || record.attempts >= maxAttempts) return undefined;
      await Promise.resolve();
      record.attempts += 1;
      return structuredClone(record);
    },
  };
}

const naiveFactory: StoreFactory = async () => {
  const { offerStore, userStore } = createMemoryStores();
  return { offerStore: createNaiveOfferStore(offerStore), userStore };
};
const naiveWithDelayFactory: StoreFactory = async () => {
  const { offerStore, userStore } = createMemoryStores();
  return { offerStore: createNaiveOfferStore(offerStore, { delayMs: 2 }), userStore };
};
const naiveOnModelFactory: StoreFactory = async () => ({
  offerStore: createNaiveOfferStore(),
  userStore: createMemoryStores().userStore,
});
const awaitingFactory: StoreFactory = async () => ({
  offerStore: createAwaitingMemoryStore(),
  userStore: createMemoryStores().userStore,
});
const memoryFactory: StoreFactory = async () => createMemoryStores();

const mutants: [string, StoreFactory][] = [
  ['naive store wrapping the memory store', naiveFactory],
  ['naive store wrapping the memory store, 2 ms pause', naiveWithDelayFactory],
  ['naive store on its default model store', naiveOnModelFactory],
  ['memory store with an await injected between check and write', awaitingFactory],
];

const mustCatch = [/consume succeeds exactly once/, /reserveTxAttempt reserves exactly maxAttempts/];

describe('the concurrency harness has teeth', () => {
  for (const [label, factory] of mutants) {
    describe(label, () => {
      const cases = offerStoreConcurrencyCases(factory);
      for (const pattern of mustCatch) {
        const c = cases.find((candidate) => pattern.test(candidate.name));
        it(`fails: ${c?.name ?? pattern.source}`, async () => {
          expect(c).toBeDefined();
          await expect(c?.run()).rejects.toThrow(/expected/);
        });
      }

      it('probe: more than one consumer wins in >= 95% of 20 rounds', async () => {
        const result = await runConcurrencyProbe(factory, {
          operation: 'consume',
          rounds: 20,
          concurrency: 50,
        });
        const caught = result.winnersPerRound.filter((w) => w >= 2).length;
        expect(caught / result.winnersPerRound.length).toBeGreaterThanOrEqual(0.95);
      });

      it('probe: more than maxAttempts reservations in >= 95% of 20 rounds', async () => {
        const result = await runConcurrencyProbe(factory, {
          operation: 'reserveTxAttempt',
          rounds: 20,
          concurrency: 50,
          maxAttempts: 3,
        });
        const caught = result.winnersPerRound.filter((w) => w > result.allowedWinners).length;
        expect(caught / result.winnersPerRound.length).toBeGreaterThanOrEqual(0.95);
      });
    });
  }

  it('the mutants are otherwise sequentially correct (so only the race is caught)', async () => {
    for (const [, factory] of mutants) {
      const { offerStore } = await factory();
      const record = createTestOfferRecord();
      await offerStore.insert(record);
      expect(await offerStore.reserveTxAttempt(record.codeHash, 1_000, 1)).toMatchObject({ attempts: 1 });
      expect(await offerStore.reserveTxAttempt(record.codeHash, 1_000, 1)).toBeUndefined();
      expect(await offerStore.consume(record.codeHash, 1_000)).toMatchObject({ consumedAt: 1_000 });
      expect(await offerStore.consume(record.codeHash, 1_000)).toBeUndefined();
    }
  });

  it('the real memory store passes the same probes: exactly one consumer, exactly maxAttempts', async () => {
    const consume = await runConcurrencyProbe(memoryFactory, { operation: 'consume', rounds: 20 });
    expect(consume.winnersPerRound).toEqual(Array(20).fill(1));
    const reserve = await runConcurrencyProbe(memoryFactory, { operation: 'reserveTxAttempt', rounds: 20 });
    expect(reserve.winnersPerRound).toEqual(Array(20).fill(3));
    expect(reserve.attemptsPerRound).toEqual(Array(20).fill(3));
  });
});
