import { bytesToBase64url } from '../bytes/bytes-to-base64url.js';
import { utf8 } from '../bytes/utf8.js';
import type { OfferCrypto } from '../ports/offer-crypto.js';

/** Length of a pre-authorized code or reference secret: 32 bytes, 43 base64url characters. */
export const SECRET_BYTES = 32;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const CODE_DERIVATION_LABEL = utf8('pre-authorized_code');

/**
 * Derivations between an offer's secrets and what is stored. Only digests reach a store: the code as
 * SHA-256, the tx code as an HMAC keyed with the 256-bit code (so a leaked table cannot be brute-forced over
 * the small tx code space), and a by-reference offer's code derived from its reference secret (so the GET can
 * rebuild the offer with no plaintext at rest).
 */
export interface OfferSecrets {
  /** A fresh 32-byte secret as base64url. */
  newSecret(): string;
  /** True when `value` has the shape of a secret (43 base64url characters). */
  isSecretShaped(value: string): boolean;
  /** base64url(SHA-256(secret)). */
  hash(secret: string): string;
  /** The pre-authorized code of a by-reference offer: base64url(HMAC(reference, "pre-authorized_code")). */
  codeFromReference(reference: string): string;
  /** base64url(HMAC(key = code, txCode)). */
  txCodeMac(code: string, txCode: string): string;
  /** Constant-time comparison of two digests given as base64url. */
  digestsEqual(a: string, b: string): boolean;
}

/** Binds the derivations to a crypto implementation. */
export function createOfferSecrets(crypto: OfferCrypto): OfferSecrets {
  return {
    newSecret: () => bytesToBase64url(crypto.randomBytes(SECRET_BYTES)),
    isSecretShaped: (value) => SECRET_PATTERN.test(value),
    hash: (secret) => bytesToBase64url(crypto.sha256(utf8(secret))),
    codeFromReference: (reference) =>
      bytesToBase64url(crypto.hmacSha256(utf8(reference), CODE_DERIVATION_LABEL)),
    txCodeMac: (code, txCode) => bytesToBase64url(crypto.hmacSha256(utf8(code), utf8(txCode))),
    digestsEqual: (a, b) => crypto.timingSafeEqual(utf8(a), utf8(b)),
  };
}
