import type { OfferStore } from '../../ports/offer-store.js';
import { createTestOfferRecord } from './create-test-offer-record.js';
import type { StoreFactory } from './store-factory.js';
import { useFreshStores } from './use-fresh-stores.js';

/** Options of `runConcurrencyProbe`. */
export interface ConcurrencyProbeOptions {
  /** Which guarded write to race. Default `consume`. */
  operation?: 'consume' | 'reserveTxAttempt';
  /** Rounds, each on a fresh offer in the same store. Default 20. */
  rounds?: number;
  /** Parallel calls per round. Default 200. */
  concurrency?: number;
  /** `maxAttempts` passed to `reserveTxAttempt`. Default 3. */
  maxAttempts?: number;
  /** The instant passed as `now`. Default 1 000 (offers expire at 1 000 000). */
  now?: number;
}

/** Outcome of `runConcurrencyProbe`. */
export interface ConcurrencyProbeResult {
  /** How many calls returned a record, per round. */
  winnersPerRound: number[];
  /** The `attempts` of each round's offer after the round (reads back the store). */
  attemptsPerRound: number[];
  /** The most winners a correct store may report per round: 1 for consume, `maxAttempts` for reserve. */
  allowedWinners: number;
}

async function raceOnce(
  store: OfferStore,
  operation: 'consume' | 'reserveTxAttempt',
  concurrency: number,
  maxAttempts: number,
  now: number,
): Promise<[winners: number, attempts: number]> {
  const record = createTestOfferRecord({ createdAt: 0, expiresAt: 1_000_000 });
  await store.insert(record);
  const calls: Promise<unknown>[] = [];
  for (let i = 0; i < concurrency; i++) {
    calls.push(
      operation === 'consume'
        ? store.consume(record.codeHash, now)
        : store.reserveTxAttempt(record.codeHash, now, maxAttempts),
    );
  }
  const results = await Promise.all(calls);
  const winners = results.filter((r) => r !== undefined).length;
  const after = await store.findById(record.id);
  return [winners, after?.attempts ?? -1];
}

/**
 * Races `concurrency` parallel calls of one guarded write against one offer, for several rounds, and reports the
 * winners of each round without judging them. Use it to check a store (every round must have at most
 * `allowedWinners`) AND to check the harness itself: a deliberately naive store (`createNaiveOfferStore`) must
 * show more winners than allowed in (nearly) every round, otherwise the probe has no teeth.
 */
export async function runConcurrencyProbe(
  factory: StoreFactory,
  options: ConcurrencyProbeOptions = {},
): Promise<ConcurrencyProbeResult> {
  const operation = options.operation ?? 'consume';
  const rounds = options.rounds ?? 20;
  const concurrency = options.concurrency ?? 200;
  const maxAttempts = options.maxAttempts ?? 3;
  const now = options.now ?? 1_000;
  return useFreshStores(factory, async ({ offerStore }) => {
    const winnersPerRound: number[] = [];
    const attemptsPerRound: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const [winners, attempts] = await raceOnce(offerStore, operation, concurrency, maxAttempts, now);
      winnersPerRound.push(winners);
      attemptsPerRound.push(attempts);
    }
    return { winnersPerRound, attemptsPerRound, allowedWinners: operation === 'consume' ? 1 : maxAttempts };
  });
}
