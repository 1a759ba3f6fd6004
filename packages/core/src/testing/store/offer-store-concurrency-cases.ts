import assert from 'node:assert/strict';
import type { OfferStore } from '../../ports/offer-store.js';
import type { ConformanceCase } from './conformance-case.js';
import { createTestOfferRecord } from './create-test-offer-record.js';
import type { StoreFactory } from './store-factory.js';
import { useFreshStores } from './use-fresh-stores.js';

/** Options of `offerStoreConcurrencyCases`. */
export interface OfferStoreConcurrencyOptions {
  /** Parallel calls per race. Default 200. */
  concurrency?: number;
}

const TIMEOUT_MS = 60_000;

function parallel<T>(count: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const calls: Promise<T>[] = [];
  for (let i = 0; i < count; i++) calls.push(call(i));
  return Promise.all(calls);
}

/**
 * The concurrency subset of the offer-store conformance cases (also part of `offerStoreConformanceCases`):
 * exactly one consume among N parallel calls, exactly `maxAttempts` reservations among N, linearizable
 * revoke-versus-consume outcomes, and one winner among parallel locks and revokes. A read-then-write store fails
 * them (see `createNaiveOfferStore`).
 */
export function offerStoreConcurrencyCases(
  factory: StoreFactory,
  options: OfferStoreConcurrencyOptions = {},
): ConformanceCase[] {
  const n = options.concurrency ?? 200;
  const define = (name: string, body: (store: OfferStore) => Promise<void>): ConformanceCase => ({
    name: `offerStore concurrency: ${name}`,
    timeoutMs: TIMEOUT_MS,
    run: () => useFreshStores(factory, ({ offerStore }) => body(offerStore)),
  });

  return [
    define(`consume succeeds exactly once under ${n} parallel calls`, async (store) => {
      for (let round = 0; round < 3; round++) {
        const record = createTestOfferRecord();
        await store.insert(record);
        const results = await parallel(n, () => store.consume(record.codeHash, 1_000 + round));
        const winners = results.filter((r) => r !== undefined);
        assert.equal(
          winners.length,
          1,
          `round ${round}: ${winners.length} consumers won, expected exactly 1`,
        );
        assert.equal(winners[0]?.consumedAt, 1_000 + round);
        assert.equal((await store.findById(record.id))?.consumedAt, 1_000 + round);
      }
    }),

    define(`reserveTxAttempt reserves exactly maxAttempts under ${n} parallel calls`, async (store) => {
      const fresh = createTestOfferRecord();
      const partlyUsed = createTestOfferRecord({ attempts: 1 });
      for (const [record, max, expected] of [
        [fresh, 3, 3],
        [partlyUsed, 3, 2],
      ] as const) {
        await store.insert(record);
        const results = await parallel(n, () => store.reserveTxAttempt(record.codeHash, 1_000, max));
        const reserved = results.filter((r) => r !== undefined);
        assert.equal(reserved.length, expected, `${reserved.length} reservations, expected ${expected}`);
        const slots = reserved.map((r) => r.attempts).sort((a, b) => a - b);
        const expectedSlots = Array.from({ length: expected }, (_, i) => record.attempts + i + 1);
        assert.deepStrictEqual(slots, expectedSlots, 'each reservation must get its own attempt number');
        assert.equal((await store.findById(record.id))?.attempts, max, 'final attempts');
      }
    }),

    define('revoke racing consume has only linearizable outcomes', async (store) => {
      for (let round = 0; round < 50; round++) {
        const record = createTestOfferRecord();
        await store.insert(record);
        const now = 1_000 + round;
        const [revoked, consumed] =
          round % 2 === 0
            ? await Promise.all([store.revoke(record.id, now), store.consume(record.codeHash, now)])
            : await Promise.all([store.consume(record.codeHash, now), store.revoke(record.id, now)]).then(
                ([c, r]) => [r, c] as const,
              );
        // Revoke of a consumed offer is allowed, so revoke always wins its own write.
        assert.equal(revoked, true, `round ${round}: revoke returned false`);
        const after = await store.findById(record.id);
        assert.equal(after?.revokedAt, now, `round ${round}: revokedAt`);
        if (consumed === undefined) {
          assert.equal(after?.consumedAt, null, `round ${round}: consume lost but consumedAt was written`);
        } else {
          assert.equal(after?.consumedAt, now, `round ${round}: consume won but consumedAt differs`);
          assert.equal(consumed.revokedAt, null, `round ${round}: consume returned an already revoked offer`);
        }
      }
    }),

    define(`lock and revoke each succeed exactly once under ${n} parallel calls`, async (store) => {
      const toLock = createTestOfferRecord();
      const toRevoke = createTestOfferRecord();
      await store.insert(toLock);
      await store.insert(toRevoke);
      const locks = await parallel(n, (i) => store.lock(toLock.id, 1_000 + i));
      assert.equal(locks.filter(Boolean).length, 1, 'parallel locks: expected exactly one true');
      const lockedAt = (await store.findById(toLock.id))?.lockedAt;
      assert.equal(lockedAt, 1_000 + locks.indexOf(true), 'lockedAt must be the winner’s now');
      const revokes = await parallel(n, (i) => store.revoke(toRevoke.id, 1_000 + i));
      assert.equal(revokes.filter(Boolean).length, 1, 'parallel revokes: expected exactly one true');
      assert.equal((await store.findById(toRevoke.id))?.revokedAt, 1_000 + revokes.indexOf(true));
    }),

    define('revokeByUser racing consume counts each offer once', async (store) => {
      const records = Array.from({ length: 20 }, () => createTestOfferRecord({ userId: 'user-race' }));
      for (const r of records) await store.insert(r);
      const [count, ...consumed] = await Promise.all([
        store.revokeByUser('user-race', 1_000),
        ...records.map((r) => store.consume(r.codeHash, 1_000)),
      ]);
      const consumedCount = consumed.filter((r) => r !== undefined).length;
      assert.equal(count + consumedCount, records.length, 'every offer must be either revoked or consumed');
      for (const r of records) {
        const after = await store.findById(r.id);
        assert.ok(after);
        assert.ok(
          (after.revokedAt === null) !== (after.consumedAt === null),
          `offer ${r.id} both or neither`,
        );
      }
    }),
  ];
}
