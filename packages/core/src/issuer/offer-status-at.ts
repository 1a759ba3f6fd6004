import type { OfferRecord } from '../ports/offer-record.js';
import type { OfferStatus } from './offer-issuer.js';

/**
 * The lifecycle state of a record at `now`. Precedence: a redemption or delete is reported even after expiry,
 * because it is the more useful fact; an offer is expired when `now >= expiresAt`.
 */
export function offerStatusAt(record: OfferRecord, now: number): OfferStatus {
  if (record.consumedAt !== null) return 'redeemed';
  if (record.revokedAt !== null) return 'revoked';
  if (record.lockedAt !== null) return 'locked';
  if (now >= record.expiresAt) return 'expired';
  return 'active';
}
