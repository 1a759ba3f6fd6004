import { OfferKitError, type OfferRecord, type OfferStore } from '@offerkit/core';
import { copyOfferRecord } from './copy-offer-record.js';
import { isLiveAt } from './is-live-at.js';
import { MemoryOfferTable } from './memory-offer-table.js';

function copyOut(record: OfferRecord | undefined): OfferRecord | undefined {
  return record === undefined ? undefined : copyOfferRecord(record);
}

/**
 * An `OfferStore` held in this process's memory.
 *
 * **ONE PROCESS ONLY, LOST ON RESTART.** Two processes (cluster workers, several containers, a restart) each
 * see their own offers: an offer created by one cannot be redeemed, revoked or counted by another, and the
 * single-use guarantee holds only within one process. Use `@offerkit/store-sql` (PostgreSQL for several
 * instances) in production.
 *
 * Every write method is synchronous between its check and its write (no `await`), which is what makes
 * consume and reserve atomic on Node's single thread. Records are copied (`copyOfferRecord`) on the way in
 * and out, so callers cannot change stored state. Expired records stay until `deleteExpired` sweeps them.
 *
 * Internal: the package exports `createMemoryStores`; `table` is injectable for this package's own tests.
 */
export function createMemoryOfferStore(table: MemoryOfferTable = new MemoryOfferTable()): OfferStore {
  return {
    async insert(record) {
      const copy = copyOfferRecord(record);
      if (table.collides(copy)) {
        throw new OfferKitError('conflict', 'An offer with this id, code or reference already exists.');
      }
      table.add(copy);
    },

    findById: async (id) => copyOut(table.getById(id)),
    findByCodeHash: async (codeHash) => copyOut(table.getByCodeHash(codeHash)),
    findByReferenceHash: async (referenceHash) => copyOut(table.getByReferenceHash(referenceHash)),

    async reserveTxAttempt(codeHash, now, maxAttempts) {
      const record = table.getByCodeHash(codeHash);
      if (record === undefined || !isLiveAt(record, now) || record.attempts >= maxAttempts) return undefined;
      record.attempts += 1;
      return copyOfferRecord(record);
    },

    async consume(codeHash, now) {
      const record = table.getByCodeHash(codeHash);
      if (record === undefined || !isLiveAt(record, now)) return undefined;
      record.consumedAt = now;
      return copyOfferRecord(record);
    },

    async lock(id, now) {
      const record = table.getById(id);
      if (record === undefined || record.lockedAt !== null) return false;
      record.lockedAt = now;
      return true;
    },

    async revoke(id, now) {
      const record = table.getById(id);
      if (record === undefined || record.revokedAt !== null || now >= record.expiresAt) return false;
      record.revokedAt = now;
      return true;
    },

    async revokeByUser(userId, now) {
      let count = 0;
      for (const record of table.recordsOfUser(userId)) {
        if (isLiveAt(record, now)) {
          record.revokedAt = now;
          count += 1;
        }
      }
      return count;
    },

    async deleteExpired(now, limit) {
      // Same rule as the SQL store: anything but a positive whole number deletes nothing.
      if (!Number.isSafeInteger(limit) || limit <= 0) return 0;
      const doomed: OfferRecord[] = [];
      for (const record of table.records()) {
        if (doomed.length >= limit) break;
        if (record.expiresAt <= now) doomed.push(record);
      }
      for (const record of doomed) table.remove(record);
      return doomed.length;
    },
  };
}
