import type { ExpressionBuilder } from 'kysely';
import type { OfferRow } from './sql-rows.js';

/** The condition of an offer that can still be redeemed, revoked or reserved at `now`. */
export function isOfferLiveAt(now: number) {
  return (eb: ExpressionBuilder<Record<string, OfferRow>, string>) =>
    eb.and([
      eb('consumed_at', 'is', null),
      eb('revoked_at', 'is', null),
      eb('locked_at', 'is', null),
      eb('expires_at', '>', now),
    ]);
}
