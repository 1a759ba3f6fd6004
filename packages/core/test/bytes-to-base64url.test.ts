import { bytesToBase64url } from '@offerkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('bytesToBase64url', () => {
  it('equals Node’s base64url for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(bytesToBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
      { numRuns: 2000 },
    );
    const large = new Uint8Array(100_000).map((_, i) => (i * 7) & 255);
    expect(bytesToBase64url(large)).toBe(Buffer.from(large).toString('base64url'));
  });
});
