import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { OfferCrypto } from '../ports/offer-crypto.js';
import { constantTimeEqual } from './constant-time-equal.js';
import { createRandomPool } from './random-pool.js';

const MAX_GET_RANDOM_VALUES = 65536;

/**
 * The default `OfferCrypto`: `@noble/hashes` for SHA-256 and HMAC, and `crypto.getRandomValues` for randomness,
 * pooled 4 KiB at a time. Runs on any runtime with Web Crypto (Node 20+, Deno, Bun, browsers, workers).
 */
export function createPortableCrypto(): OfferCrypto {
  const randomBytes = createRandomPool((target) => {
    for (let i = 0; i < target.length; i += MAX_GET_RANDOM_VALUES) {
      globalThis.crypto.getRandomValues(target.subarray(i, i + MAX_GET_RANDOM_VALUES));
    }
  });
  return {
    randomBytes,
    sha256: (data) => sha256(data),
    hmacSha256: (key, data) => hmac(sha256, key, data),
    timingSafeEqual: constantTimeEqual,
  };
}
