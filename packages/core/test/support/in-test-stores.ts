import {
  OfferKitError,
  type OfferRecord,
  type OfferStore,
  type UserRecord,
  type UserStore,
} from '@offerkit/core';

/**
 * A straightforward, correct pair of stores for core tests (core cannot depend on @offerkit/store-memory, which
 * depends on core). Counts writes so tests can prove that a rejected request changed nothing.
 */
export function createInTestStores() {
  const offers = new Map<string, OfferRecord>();
  const users = new Map<string, UserRecord>();
  const counts = { writes: 0 };
  const live = (r: OfferRecord, now: number) =>
    r.consumedAt === null && r.revokedAt === null && r.lockedAt === null && now < r.expiresAt;
  const byCode = (h: string) => [...offers.values()].find((r) => r.codeHash === h);
  const offerStore: OfferStore = {
    async insert(record) {
      counts.writes++;
      for (const r of offers.values()) {
        if (
          r.id === record.id ||
          r.codeHash === record.codeHash ||
          (record.referenceHash !== null && r.referenceHash === record.referenceHash)
        ) {
          throw new OfferKitError('conflict', 'duplicate');
        }
      }
      offers.set(record.id, structuredClone(record));
    },
    async findById(id) {
      const r = offers.get(id);
      return r && structuredClone(r);
    },
    async findByCodeHash(h) {
      const r = byCode(h);
      return r && structuredClone(r);
    },
    async findByReferenceHash(h) {
      const r = [...offers.values()].find((x) => x.referenceHash === h);
      return r && structuredClone(r);
    },
    async reserveTxAttempt(h, now, max) {
      const r = byCode(h);
      if (!r || !live(r, now) || r.attempts >= max) return undefined;
      counts.writes++;
      r.attempts++;
      return structuredClone(r);
    },
    async consume(h, now) {
      const r = byCode(h);
      if (!r || !live(r, now)) return undefined;
      counts.writes++;
      r.consumedAt = now;
      return structuredClone(r);
    },
    async lock(id, now) {
      const r = offers.get(id);
      if (!r || r.lockedAt !== null) return false;
      counts.writes++;
      r.lockedAt = now;
      return true;
    },
    async revoke(id, now) {
      const r = offers.get(id);
      if (!r || r.revokedAt !== null || now >= r.expiresAt) return false;
      counts.writes++;
      r.revokedAt = now;
      return true;
    },
    async revokeByUser(userId, now) {
      let n = 0;
      for (const r of offers.values()) {
        if (r.userId === userId && live(r, now)) {
          r.revokedAt = now;
          n++;
        }
      }
      counts.writes += n;
      return n;
    },
    async deleteExpired(now, limit) {
      let n = 0;
      for (const [id, r] of offers) {
        if (n >= limit) break;
        if (r.expiresAt <= now) {
          offers.delete(id);
          n++;
        }
      }
      counts.writes += n;
      return n;
    },
  };
  const userStore: UserStore = {
    async create(id, now) {
      counts.writes++;
      if (users.has(id)) throw new OfferKitError('conflict', 'duplicate');
      users.set(id, { id, claims: {}, createdAt: now, updatedAt: now });
    },
    async findById(id) {
      const u = users.get(id);
      return u && structuredClone(u);
    },
    async persistClaims(id, claims, now) {
      const u = users.get(id);
      if (!u) return false;
      counts.writes++;
      u.claims = { ...u.claims, ...claims };
      u.updatedAt = now;
      return true;
    },
  };
  return { offerStore, userStore, offers, users, counts };
}
