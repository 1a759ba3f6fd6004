/** The OID4VCI fallback wallet invocation scheme (§12.1.1). */
export const DEFAULT_OFFER_SCHEME = 'openid-credential-offer://';

const CUSTOM_SCHEME = /^[a-z][a-z0-9+.-]*:\/\/$/;

/**
 * True for a scheme OfferKit can put in front of `?credential_offer…`: a custom scheme written as `name://`
 * (e.g. `haip-vci://`), or an https wallet endpoint without query or fragment.
 */
export function isValidOfferScheme(scheme: string): boolean {
  if (CUSTOM_SCHEME.test(scheme)) return scheme !== 'http://' && scheme !== 'https://';
  if (!scheme.startsWith('https://')) return false;
  try {
    const url = new URL(scheme);
    return url.protocol === 'https:' && url.search === '' && url.hash === '' && !scheme.includes('?');
  } catch {
    return false;
  }
}
