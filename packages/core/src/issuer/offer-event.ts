/** Why a redemption failed; reported only through `onEvent`, never to the wallet. */
export type RedeemFailureReason =
  | 'unknown_code'
  | 'expired'
  | 'consumed'
  | 'revoked'
  | 'locked'
  | 'tx_code_missing'
  | 'tx_code_unexpected'
  | 'tx_code_wrong'
  | 'attempts_exhausted'
  | 'lost_race';

/**
 * Everything the issuer reports to `onEvent`. Events carry ids and instants, never a code, tx code, reference
 * secret, claim value or bearer token.
 */
export type OfferEvent =
  | {
      type: 'offer.created';
      offerId: string | null;
      userId: string | null;
      grant: 'authorization_code' | 'pre-authorized_code';
      credentials: string[];
      expiresAt: string | null;
      at: string;
    }
  | { type: 'offer.retrieved'; offerId: string; at: string }
  | { type: 'offer.redeemed'; offerId: string; userId: string; at: string }
  | { type: 'offer.redeem_failed'; offerId: string | null; reason: RedeemFailureReason; at: string }
  | { type: 'offer.locked'; offerId: string; at: string }
  | { type: 'offer.deleted'; offerId: string; at: string }
  | { type: 'offer.user_revoked'; userId: string; count: number; at: string }
  | { type: 'offer.expired_sweep'; count: number; at: string };

/** Receives issuer events. Exceptions it throws are swallowed and never change a result. */
export type OfferEventListener = (event: OfferEvent) => void;
