import type { OfferRecord } from './offer-record.js';

/**
 * Persistence of pre-authorized offers.
 *
 * Contract for every implementation:
 * - All time arrives as the `now` argument (epoch ms). A store MUST NOT read a clock.
 * - An offer is *live* at `now` when `consumedAt`, `revokedAt` and `lockedAt` are null and `now < expiresAt`.
 * - Each write method MUST be a single atomic conditional write: under any concurrency, a condition is
 *   checked and the write applied as one step (one guarded `UPDATE`, or synchronous code with no `await`
 *   between check and write). A read followed by an unguarded write is a defect.
 * - Failures of the backing service MUST surface as `OfferKitError` with code `unavailable` (or `conflict`
 *   for a duplicate key), never as a driver error or a driver message.
 *
 * `@offerkit/core/testing` exports `offerStoreConformanceCases` that check all of this.
 */
export interface OfferStore {
  /** Stores a new record. MUST throw `OfferKitError('conflict')` when the id, code hash or reference hash exists. */
  insert(record: OfferRecord): Promise<void>;
  /** Returns the record with this id in any state (until swept), or undefined. */
  findById(id: string): Promise<OfferRecord | undefined>;
  /** Returns the record with this code hash in any state (until swept), or undefined. */
  findByCodeHash(codeHash: string): Promise<OfferRecord | undefined>;
  /** Returns the record with this reference hash in any state (until swept), or undefined. */
  findByReferenceHash(referenceHash: string): Promise<OfferRecord | undefined>;
  /**
   * Atomically reserves one transaction-code attempt: `attempts = attempts + 1` where the offer is live at
   * `now` and `attempts < maxAttempts`. Returns the record as updated, or undefined when nothing was reserved.
   * Under N concurrent calls exactly `min(N, maxAttempts - attempts)` MUST succeed.
   */
  reserveTxAttempt(codeHash: string, now: number, maxAttempts: number): Promise<OfferRecord | undefined>;
  /**
   * Atomically consumes a live offer: sets `consumedAt = now` where the offer is live at `now`. Returns the
   * consumed record, or undefined. Under any number of concurrent calls at most one MUST return a record.
   */
  consume(codeHash: string, now: number): Promise<OfferRecord | undefined>;
  /** Sets `lockedAt = now` where it is null. Returns whether this call locked it. */
  lock(id: string, now: number): Promise<boolean>;
  /**
   * Soft-revokes: sets `revokedAt = now` where `revokedAt` is null and `now < expiresAt` (a consumed or locked
   * offer may still be revoked). Returns whether this call revoked it. The record MUST be kept.
   */
  revoke(id: string, now: number): Promise<boolean>;
  /** Revokes every live offer of `userId` at `now`. Returns how many were revoked. */
  revokeByUser(userId: string, now: number): Promise<number>;
  /**
   * Housekeeping: deletes at most `limit` records with `expiresAt <= now`. Returns how many. Correctness MUST
   * NOT depend on it: expiry is enforced by the guards of the write methods.
   */
  deleteExpired(now: number, limit: number): Promise<number>;
}
