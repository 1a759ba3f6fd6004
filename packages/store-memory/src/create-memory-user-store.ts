import { OfferKitError, type UserRecord, type UserStore } from '@offerkit/core';

/**
 * A `UserStore` held in this process's memory. **ONE PROCESS ONLY, LOST ON RESTART** (see
 * `createMemoryOfferStore`). Synchronous between check and write; users are copied on the way in and out.
 */
export function createMemoryUserStore(): UserStore {
  const users = new Map<string, UserRecord>();
  return {
    async create(id, now) {
      if (users.has(id)) throw new OfferKitError('conflict', 'A user with this id already exists.');
      users.set(id, { id, claims: {}, createdAt: now, updatedAt: now });
    },

    async findById(id) {
      const user = users.get(id);
      return user === undefined ? undefined : structuredClone(user);
    },

    async persistClaims(id, claims, now) {
      const user = users.get(id);
      if (user === undefined) return false;
      user.claims = { ...user.claims, ...structuredClone(claims) };
      user.updatedAt = now;
      return true;
    },
  };
}
