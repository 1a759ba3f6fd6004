import { OfferKitError } from '../../errors/offer-kit-error.js';
import type { OfferStore } from '../../ports/offer-store.js';
import { OfferStoreModel } from './offer-store-model.js';

/**
 * An `OfferStore` backed directly by `OfferStoreModel`: correct (every method is synchronous inside) but slow.
 * It is the default inner store of `createNaiveOfferStore`.
 */
export function createModelOfferStore(): OfferStore {
  const model = new OfferStoreModel();
  return {
    async insert(record) {
      if (model.insert(record) === 'conflict')
        throw new OfferKitError('conflict', 'The offer already exists.');
    },
    findById: async (id) => model.findById(id),
    findByCodeHash: async (codeHash) => model.findByCodeHash(codeHash),
    findByReferenceHash: async (referenceHash) => model.findByReferenceHash(referenceHash),
    reserveTxAttempt: async (codeHash, now, maxAttempts) =>
      model.reserveTxAttempt(codeHash, now, maxAttempts),
    consume: async (codeHash, now) => model.consume(codeHash, now),
    lock: async (id, now) => model.lock(id, now),
    revoke: async (id, now) => model.revoke(id, now),
    revokeByUser: async (userId, now) => model.revokeByUser(userId, now),
    async deleteExpired(now, limit) {
      const ids = model.expiredIds(now).slice(0, Math.max(0, limit));
      model.delete(ids);
      return ids.length;
    },
  };
}
