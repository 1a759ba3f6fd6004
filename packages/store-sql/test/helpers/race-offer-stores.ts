import type { OfferStore } from '@offerkit/core';
import { createSampleOfferRecord } from './create-sample-offer-record.js';

/** Outcome of one reservation race. */
export interface ReservationRaceResult {
  reserved: number;
  lockedByCalls: number;
  attemptsAfter: number;
  lockedAfter: boolean;
}

/**
 * Races one `consume` per store (each store on its own connection) against a fresh offer, `rounds` times.
 * All calls of a round start in the same tick, after the offer is inserted through `admin`.
 * Returns the winners of each round, after checking that each winner's record really is the consumed one.
 */
export async function raceConsume(
  admin: OfferStore,
  racers: OfferStore[],
  rounds: number,
): Promise<number[]> {
  const winnersPerRound: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const record = createSampleOfferRecord({ createdAt: 0, expiresAt: 10_000_000 });
    await admin.insert(record);
    const now = 1_000 + round;
    const results = await Promise.all(racers.map((store) => store.consume(record.codeHash, now)));
    winnersPerRound.push(results.filter((result) => result !== undefined).length);
  }
  return winnersPerRound;
}

/**
 * Sends `calls` wrong-tx-code reservations, spread round-robin over `racers`, all at once, against one offer
 * with `maxAttempts`. Every caller that reserves the last attempt locks the offer, as the core does.
 */
export async function raceWrongTxCodes(
  admin: OfferStore,
  racers: OfferStore[],
  calls: number,
  maxAttempts: number,
): Promise<ReservationRaceResult> {
  const record = createSampleOfferRecord({ createdAt: 0, expiresAt: 10_000_000, txCodeMac: 'x'.repeat(43) });
  await admin.insert(record);
  const now = 5_000;
  const outcomes = await Promise.all(
    Array.from({ length: calls }, async (_, i) => {
      const store = racers[i % racers.length]!;
      const reserved = await store.reserveTxAttempt(record.codeHash, now, maxAttempts);
      if (reserved === undefined) return { reserved: false, locked: false };
      const locked = reserved.attempts >= maxAttempts ? await store.lock(reserved.id, now) : false;
      return { reserved: true, locked };
    }),
  );
  const after = await admin.findById(record.id);
  return {
    reserved: outcomes.filter((o) => o.reserved).length,
    lockedByCalls: outcomes.filter((o) => o.locked).length,
    attemptsAfter: after?.attempts ?? -1,
    lockedAfter: after?.lockedAt !== null && after?.lockedAt !== undefined,
  };
}
