import { OfferKitError } from '@offerkit/core';

/**
 * Diagnostic only: the thinnest stores the ports allow, one Map per index and no defensive copies. Used to
 * split the core benchmark's cost between the core and `@offerkit/store-memory` (which copies every record
 * with structuredClone on the way in and out). Not a product: callers could mutate stored records.
 */
export function createBareMapStores() {
  const byId = new Map();
  const byCode = new Map();
  const users = new Map();
  const live = (r, now) =>
    r.consumedAt === null && r.revokedAt === null && r.lockedAt === null && now < r.expiresAt;
  return {
    offerStore: {
      async insert(record) {
        if (byId.has(record.id) || byCode.has(record.codeHash)) throw new OfferKitError('conflict', 'exists');
        byId.set(record.id, record);
        byCode.set(record.codeHash, record);
      },
      findById: async (id) => byId.get(id),
      findByCodeHash: async (h) => byCode.get(h),
      findByReferenceHash: async () => undefined,
      async reserveTxAttempt(h, now, max) {
        const r = byCode.get(h);
        if (r === undefined || !live(r, now) || r.attempts >= max) return undefined;
        r.attempts += 1;
        return r;
      },
      async consume(h, now) {
        const r = byCode.get(h);
        if (r === undefined || !live(r, now)) return undefined;
        r.consumedAt = now;
        return r;
      },
      async lock(id, now) {
        const r = byId.get(id);
        if (r === undefined || r.lockedAt !== null) return false;
        r.lockedAt = now;
        return true;
      },
      async revoke(id, now) {
        const r = byId.get(id);
        if (r === undefined || r.revokedAt !== null || now >= r.expiresAt) return false;
        r.revokedAt = now;
        return true;
      },
      revokeByUser: async () => 0,
      deleteExpired: async () => 0,
    },
    userStore: {
      async create(id, now) {
        if (users.has(id)) throw new OfferKitError('conflict', 'exists');
        users.set(id, { id, claims: {}, createdAt: now, updatedAt: now });
      },
      findById: async (id) => users.get(id),
      async persistClaims(id, claims, now) {
        const u = users.get(id);
        if (u === undefined) return false;
        u.claims = { ...u.claims, ...claims };
        u.updatedAt = now;
        return true;
      },
    },
  };
}
