import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { OfferCrypto } from '../ports/offer-crypto.js';

const encoder = new TextEncoder();

function toSeedBytes(seed: string | number | Uint8Array): Uint8Array {
  if (seed instanceof Uint8Array) return seed;
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    return encoder.encode(`n:${seed}`);
  }
  return encoder.encode(`s:${seed}`);
}

/**
 * A deterministic `OfferCrypto` for tests: the same seed yields the same byte sequence on every run, so offer
 * ids, codes and tx codes are reproducible. NOT for production: its output is predictable by design.
 *
 * `randomBytes` is a counter-mode DRBG, `HMAC-SHA-256(key = SHA-256(seed), counter)`, whose output stream is
 * consumed in order and never repeated within one instance. `sha256` and `hmacSha256` are real
 * (`@noble/hashes`); `timingSafeEqual` compares every byte regardless of where the inputs differ.
 */
export function createSeededCrypto(seed: string | number | Uint8Array): OfferCrypto {
  const key = sha256(toSeedBytes(seed));
  const counterBytes = new Uint8Array(8);
  const counterView = new DataView(counterBytes.buffer);
  let counter = 0n;
  let block = new Uint8Array(0);
  let blockOffset = 0;

  function nextBlock(): void {
    counterView.setBigUint64(0, counter);
    counter += 1n;
    block = hmac(sha256, key, counterBytes);
    blockOffset = 0;
  }

  return {
    randomBytes(length: number): Uint8Array {
      if (!Number.isSafeInteger(length) || length < 0) {
        throw new RangeError(`length must be a non-negative integer, got ${length}`);
      }
      const out = new Uint8Array(length);
      let written = 0;
      while (written < length) {
        if (blockOffset >= block.length) nextBlock();
        const take = Math.min(length - written, block.length - blockOffset);
        out.set(block.subarray(blockOffset, blockOffset + take), written);
        blockOffset += take;
        written += take;
      }
      return out;
    },
    sha256(data: Uint8Array): Uint8Array {
      return sha256(data);
    },
    hmacSha256(hmacKey: Uint8Array, data: Uint8Array): Uint8Array {
      return hmac(sha256, hmacKey, data);
    },
    timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
      if (a.length !== b.length) return false;
      let diff = 0;
      for (let i = 0; i < a.length; i++) {
        diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
      }
      return diff === 0;
    },
  };
}
