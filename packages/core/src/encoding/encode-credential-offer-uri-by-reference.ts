import type { OfferUriOptions } from './encode-credential-offer-uri.js';
import { DEFAULT_OFFER_SCHEME } from './offer-uri-scheme.js';

/**
 * The by-reference offer URI: `scheme + '?credential_offer_uri=' + encodeURIComponent(url)`.
 * @see https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#section-4.1.3
 */
export function encodeCredentialOfferUriByReference(url: string, options: OfferUriOptions = {}): string {
  return `${options.scheme ?? DEFAULT_OFFER_SCHEME}?credential_offer_uri=${encodeURIComponent(url)}`;
}
