import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { OfferStore } from '../../ports/offer-store.js';
import { createModelOfferStore } from './create-model-offer-store.js';
import { isOfferLiveAt } from './is-offer-live-at.js';

/** Options of `createNaiveOfferStore`. */
export interface NaiveOfferStoreOptions {
  /** Pause between the read and the write, in ms; 0 (default) yields one event-loop turn (`setImmediate`). */
  delayMs?: number;
}

/**
 * A DELIBERATELY BROKEN `OfferStore` that gives the concurrency checks their teeth. `consume` and
 * `reserveTxAttempt` read the offer, check it in application code, wait (`delayMs`), then write without a
 * guard, the classic read-then-write race: every caller that saw the offer live "wins" (like an unconditional
 * `UPDATE` whose affected-row count is ignored), and reservations ignore `maxAttempts` at write time. All other
 * methods delegate to `inner` (default: a correct in-memory model store). A correct harness MUST report this
 * store as failing; never use it outside tests.
 */
export function createNaiveOfferStore(
  inner: OfferStore = createModelOfferStore(),
  options: NaiveOfferStoreOptions = {},
): OfferStore {
  const delayMs = options.delayMs ?? 0;
  const pause = (): Promise<unknown> =>
    delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, delayMs)) : yieldToEventLoop();

  return {
    insert: (record) => inner.insert(record),
    findById: (id) => inner.findById(id),
    findByCodeHash: (codeHash) => inner.findByCodeHash(codeHash),
    findByReferenceHash: (referenceHash) => inner.findByReferenceHash(referenceHash),
    async reserveTxAttempt(codeHash, now, maxAttempts) {
      const record = await inner.findByCodeHash(codeHash);
      if (record === undefined || !isOfferLiveAt(record, now) || record.attempts >= maxAttempts)
        return undefined;
      await pause();
      // The write no longer checks the limit: attempts = attempts + 1 unconditionally.
      await inner.reserveTxAttempt(codeHash, now, Number.MAX_SAFE_INTEGER);
      return { ...record, attempts: record.attempts + 1 };
    },
    async consume(codeHash, now) {
      const record = await inner.findByCodeHash(codeHash);
      if (record === undefined || !isOfferLiveAt(record, now)) return undefined;
      await pause();
      // The write's outcome is ignored, so every caller that passed the read check believes it won.
      await inner.consume(codeHash, now);
      return { ...record, consumedAt: now };
    },
    lock: (id, now) => inner.lock(id, now),
    revoke: (id, now) => inner.revoke(id, now),
    revokeByUser: (userId, now) => inner.revokeByUser(userId, now),
    deleteExpired: (now, limit) => inner.deleteExpired(now, limit),
  };
}
