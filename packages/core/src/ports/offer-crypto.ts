/**
 * Randomness and hashing used for every secret OfferKit creates.
 *
 * Implementations: `createPortableCrypto()` (default, `@offerkit/core`) and `createNodeCrypto()`
 * (`@offerkit/core/node`). Tests may use `createSeededCrypto()` from `@offerkit/core/testing`.
 */
export interface OfferCrypto {
  /** MUST return `length` bytes from a CSPRNG; MUST NOT return bytes it has returned before. */
  randomBytes(length: number): Uint8Array;
  /** SHA-256 of `data` (32 bytes). */
  sha256(data: Uint8Array): Uint8Array;
  /** HMAC-SHA-256 of `data` under `key` (32 bytes). */
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  /**
   * Constant-time equality. MUST take time independent of where the inputs differ; MUST return false (never
   * throw) when the lengths differ.
   */
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}
