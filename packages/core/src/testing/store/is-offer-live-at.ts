import type { OfferRecord } from '../../ports/offer-record.js';

/** The port's liveness rule: not consumed, revoked or locked, and `now < expiresAt` (expiry is exclusive). */
export function isOfferLiveAt(record: OfferRecord, now: number): boolean {
  return (
    record.consumedAt === null &&
    record.revokedAt === null &&
    record.lockedAt === null &&
    now < record.expiresAt
  );
}
