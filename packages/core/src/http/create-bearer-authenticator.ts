import { type ErrorDetail, OfferKitError } from '../errors/offer-kit-error.js';
import type { OfferCrypto } from '../ports/offer-crypto.js';
import type { HttpHeaders } from './http-headers.js';
import type { OfferKitHttpAuth } from './offer-kit-http-auth.js';

/** Shortest accepted configured bearer token, in UTF-8 bytes. */
export const MIN_BEARER_TOKEN_BYTES = 32;
// RFC 6750 §2.1 b64token.
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const encoder = new TextEncoder();

/**
 * Outcome of checking a request's bearer credentials:
 * `ok`; `missing` (no `Authorization` header, or another scheme: bare 401); `invalid` (a bearer token was given but
 * is malformed or wrong: 401 `invalid_token`); `ambiguous` (several `Authorization` headers: 400 `invalid_request`).
 */
export type BearerOutcome = 'ok' | 'missing' | 'invalid' | 'ambiguous';

/**
 * Validates the `auth` option once and returns the per-request check. Configured tokens are kept only as SHA-256
 * digests; a presented token is hashed and compared with every digest in constant time, so neither the position
 * of a wrong character nor which configured token matched shows in the timing.
 * Throws `OfferKitError('invalid_input')` (location `options`) for a missing or weak configuration.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function createBearerAuthenticator(
  auth: OfferKitHttpAuth | undefined,
  crypto: OfferCrypto,
): (headers: HttpHeaders) => Promise<BearerOutcome> {
  const verify = resolveVerifier(auth, crypto);
  return async (headers) => {
    const header = headers.authorization;
    if (header === undefined) return 'missing';
    if (typeof header !== 'string') {
      if (header.length === 0) return 'missing';
      if (header.length > 1) return 'ambiguous';
    }
    const value = typeof header === 'string' ? header : (header[0] ?? '');
    const space = value.indexOf(' ');
    const scheme = space === -1 ? value : value.slice(0, space);
    if (scheme.toLowerCase() !== 'bearer') return 'missing';
    const token = space === -1 ? '' : value.slice(space + 1);
    if (!B64TOKEN.test(token)) return 'invalid';
    return (await verify(token)) ? 'ok' : 'invalid';
  };
}

function resolveVerifier(
  auth: OfferKitHttpAuth | undefined,
  crypto: OfferCrypto,
): (token: string) => Promise<boolean> {
  if (auth === null || typeof auth !== 'object') {
    throw optionError('auth is required: { tokens: [...] } or { verify(token) }');
  }
  const hasTokens = 'tokens' in auth;
  const hasVerify = 'verify' in auth;
  if (hasTokens === hasVerify) throw optionError('auth must have exactly one of tokens or verify');
  if (hasVerify) {
    const { verify } = auth;
    if (typeof verify !== 'function') throw optionError('auth.verify must be a function');
    return async (token) => (await verify.call(auth, token)) === true;
  }
  const { tokens } = auth;
  if (!Array.isArray(tokens) || tokens.length === 0)
    throw optionError('auth.tokens must be a non-empty array');
  const digests = tokens.map((token: unknown, index) => {
    if (typeof token !== 'string' || !B64TOKEN.test(token)) {
      throw optionError(`auth.tokens[${index}] must be a string of RFC 6750 token characters`);
    }
    const bytes = encoder.encode(token);
    if (bytes.byteLength < MIN_BEARER_TOKEN_BYTES) {
      throw optionError(`auth.tokens[${index}] must be at least ${MIN_BEARER_TOKEN_BYTES} bytes long`);
    }
    return crypto.sha256(bytes);
  });
  return async (token) => {
    const presented = crypto.sha256(encoder.encode(token));
    let matched = false;
    for (const digest of digests) {
      // No short-circuit: every configured digest is compared on every request.
      const equal = crypto.timingSafeEqual(digest, presented);
      matched = equal || matched;
    }
    return matched;
  };
}

function optionError(message: string): OfferKitError {
  const detail: ErrorDetail = { msg: message, param: 'auth', location: 'options' };
  return new OfferKitError('invalid_input', `Invalid OfferKit HTTP options: ${message}`, {
    details: [detail],
  });
}
