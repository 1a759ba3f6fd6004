import { createOfferSecrets, createPortableCrypto } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { describe, expect, it } from 'vitest';
import { codeFromUri, createTestIssuer } from './support/create-test-issuer.js';

describe('pre-authorized codes', () => {
  it('are 43 base64url characters in every offer', async () => {
    const { issuer } = createTestIssuer();
    for (let i = 0; i < 200; i++) {
      const { uri } = await issuer.createPreAuthorizedOffer({ credentials: ['org.iso.18013.5.1.mDL'] });
      expect(codeFromUri(uri)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it.each([
    ['node crypto', createNodeCrypto()],
    ['portable crypto', createPortableCrypto()],
  ])(
    'show no duplicate in 10^6 draws (%s)',
    (_name, crypto) => {
      const secrets = createOfferSecrets(crypto);
      const seen = new Set<string>();
      for (let i = 0; i < 1_000_000; i++) seen.add(secrets.newSecret());
      expect(seen.size).toBe(1_000_000);
    },
    60_000,
  );

  it('pooled random bytes are never handed out twice', () => {
    const crypto = createPortableCrypto();
    const chunks = Array.from({ length: 2000 }, () => crypto.randomBytes(32));
    const hex = new Set(chunks.map((c) => Buffer.from(c).toString('hex')));
    expect(hex.size).toBe(chunks.length);
    // Mutating a returned chunk must not affect later ones (each is a copy, not a view of the pool).
    chunks[0]!.fill(7);
    expect(crypto.randomBytes(32).every((b) => b === 7)).toBe(false);
  });

  it('portable and node crypto agree on SHA-256 and HMAC, and compare in constant-time helpers', () => {
    const portable = createPortableCrypto();
    const node = createNodeCrypto();
    const data = new TextEncoder().encode('hello offer');
    const key = new TextEncoder().encode('key');
    expect(Buffer.from(portable.sha256(data)).toString('hex')).toBe(
      Buffer.from(node.sha256(data)).toString('hex'),
    );
    expect(Buffer.from(portable.hmacSha256(key, data))).toEqual(Buffer.from(node.hmacSha256(key, data)));
    for (const c of [portable, node]) {
      expect(c.timingSafeEqual(data, data.slice())).toBe(true);
      expect(c.timingSafeEqual(data, key)).toBe(false);
      expect(c.timingSafeEqual(data, new Uint8Array(data.length))).toBe(false);
    }
  });
});
