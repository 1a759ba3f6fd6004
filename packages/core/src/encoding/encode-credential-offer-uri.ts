import type { CredentialOffer } from '../offer/credential-offer.js';
import { DEFAULT_OFFER_SCHEME } from './offer-uri-scheme.js';

/** Options of the URI encoders. */
export interface OfferUriOptions {
  /** [`'openid-credential-offer://'`] A custom scheme such as `haip-vci://`, or an https wallet endpoint. */
  scheme?: string;
}

/**
 * The by-value offer URI: `scheme + '?credential_offer=' + encodeURIComponent(JSON.stringify(offer))`.
 * Spaces become `%20`, never `+` (what MATTR emits and what `decodeURIComponent` in wallets expects).
 * @see https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#section-4.1
 */
export function encodeCredentialOfferUri(offer: CredentialOffer, options: OfferUriOptions = {}): string {
  return `${options.scheme ?? DEFAULT_OFFER_SCHEME}?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;
}
