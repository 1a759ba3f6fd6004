import { OfferKitError } from '../errors/offer-kit-error.js';
import type { CredentialOffer } from '../offer/credential-offer.js';

/** What an offer URI carries: the offer itself, or the https URL to fetch it from. */
export type DecodedCredentialOfferUri =
  | { kind: 'value'; scheme: string; offer: CredentialOffer }
  | { kind: 'reference'; scheme: string; credentialOfferUri: string };

/**
 * Inverse of `encodeCredentialOfferUri` and `encodeCredentialOfferUriByReference`. Accepts exactly one of the
 * `credential_offer` or `credential_offer_uri` query parameters; throws `OfferKitError('invalid_input')` with a
 * `details` entry for `uri` on anything else (no `+`-as-space folding: `+` is a literal plus).
 */
export function decodeCredentialOfferUri(uri: string): DecodedCredentialOfferUri {
  const fail = (msg: string): never => {
    throw new OfferKitError('invalid_input', `Not a credential offer URI: ${msg}`, {
      details: [{ msg, param: 'uri', location: 'body' }],
    });
  };
  if (typeof uri !== 'string') return fail('the URI must be a string');
  const queryStart = uri.indexOf('?');
  if (queryStart <= 0) return fail('no query part');
  const scheme = uri.slice(0, queryStart);
  const query = uri.slice(queryStart + 1).split('#')[0] ?? '';
  const params = query.split('&');
  if (params.length !== 1) return fail('exactly one of credential_offer or credential_offer_uri is allowed');
  const [name, ...rest] = (params[0] ?? '').split('=');
  const encoded = rest.join('=');
  let value: string;
  try {
    value = decodeURIComponent(encoded);
  } catch {
    return fail('malformed percent-encoding');
  }
  if (name === 'credential_offer_uri') {
    if (!isHttpsUrl(value)) return fail('credential_offer_uri must be an https URL');
    return { kind: 'reference', scheme, credentialOfferUri: value };
  }
  if (name !== 'credential_offer') return fail('missing credential_offer or credential_offer_uri');
  let offer: unknown;
  try {
    offer = JSON.parse(value);
  } catch {
    return fail('credential_offer is not JSON');
  }
  if (typeof offer !== 'object' || offer === null || Array.isArray(offer)) {
    return fail('credential_offer must be a JSON object');
  }
  if (typeof (offer as { credential_issuer?: unknown }).credential_issuer !== 'string') {
    return fail('credential_offer has no credential_issuer');
  }
  return { kind: 'value', scheme, offer: offer as CredentialOffer };
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  } catch {
    return false;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
