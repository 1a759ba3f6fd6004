import { bytesToBase64url, createOfferSecrets, type OfferEvent } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { describe, expect, it } from 'vitest';
import { createTestIssuer } from './support/create-test-issuer.js';

/** Every spelling of a secret that could leak: raw, base64url, base64, hex and percent-encoded. */
function spellings(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  return [
    secret,
    encodeURIComponent(secret),
    bytesToBase64url(bytes),
    Buffer.from(bytes).toString('base64'),
    Buffer.from(bytes).toString('hex'),
    ...(/^[A-Za-z0-9_-]{43}$/.test(secret)
      ? [
          Buffer.from(secret, 'base64url').toString('hex'),
          Buffer.from(secret, 'base64url').toString('base64'),
        ]
      : []),
  ];
}

describe('secrets never reach the store or events', () => {
  it('after 1000 offers, neither a dump of the stores nor any event holds a code, tx code or reference secret', async () => {
    const events: OfferEvent[] = [];
    const t = createTestIssuer({ crypto: createNodeCrypto(), onEvent: (e) => events.push(e) });
    const secrets = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const byReference = i % 2 === 0;
      const created = await t.issuer.createPreAuthorizedOffer(
        {
          credentials: ['org.iso.18013.5.1.mDL'],
          transactionCodeConfiguration: { inputMode: i % 3 === 0 ? 'text' : 'numeric', length: 8 },
        },
        { delivery: byReference ? 'reference' : 'value' },
      );
      secrets.add(created.transactionCode!);
      const param = decodeURIComponent(created.uri.split('=')[1]!);
      if (byReference) {
        const reference = param.split('/').pop()!;
        secrets.add(reference);
        secrets.add(createOfferSecrets(createNodeCrypto()).codeFromReference(reference));
      } else {
        secrets.add(
          JSON.parse(param).grants['urn:ietf:params:oauth:grant-type:pre-authorized_code'][
            'pre-authorized_code'
          ],
        );
      }
      if (i % 10 === 0) {
        // Exercise the failure paths too: their events must be as clean.
        const code = [...secrets].find((s) => s.length === 43)!;
        await t.issuer
          .redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: 'WRONG123' })
          .catch(() => undefined);
      }
    }
    const dump = JSON.stringify({ offers: [...t.offers.values()], users: [...t.users.values()], events });
    expect(events.length).toBeGreaterThan(1000);
    expect(secrets.size).toBe(2500);
    const leaks: string[] = [];
    for (const secret of secrets) {
      // 8-character tx codes are specific enough that a chance hit in 1000 base64url hashes is negligible.
      for (const spelling of spellings(secret)) if (dump.includes(spelling)) leaks.push(spelling);
    }
    expect(leaks).toEqual([]);
  }, 60_000);
});
