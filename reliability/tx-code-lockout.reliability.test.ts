// R7: 200 parallel wrong tx codes against one offer, per adapter and store: exactly maxAttempts (3) attempts are
// counted, the offer is locked, no 5xx, and afterwards the right tx code gets invalid_grant.
import type { OfferEvent } from '@offerkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { isJsonReply, send } from './helpers/http-client.js';
import { ADAPTER_NAMES, startOfferKitServer } from './helpers/offerkit-server.js';
import {
  CONFIGURATION_ID,
  createOfferOverHttp,
  createReliabilityIssuer,
  tokenRequest,
} from './helpers/reliability-issuer.js';
import { closeTestEngines, ENGINE_NAMES, openTestEngines } from './helpers/test-engines.js';

const WRONG_GUESSES = 200;
const MAX_ATTEMPTS = 3;

function wrongCodes(right: string, count: number): string[] {
  const codes: string[] = [];
  for (let n = 0; codes.length < count; n++) {
    const candidate = String((n * 4999) % 1_000_000).padStart(6, '0');
    if (candidate !== right && !codes.includes(candidate)) codes.push(candidate);
  }
  return codes;
}

const engines = await openTestEngines(ENGINE_NAMES, 20);
afterAll(() => closeTestEngines(engines));

describe.each(ENGINE_NAMES)('tx code lock-out on %s', (engineName) => {
  const engine = engines.get(engineName);
  const skip = engine === undefined;

  it.skipIf(skip).each(ADAPTER_NAMES)(
    `%s: ${WRONG_GUESSES} parallel wrong tx codes count exactly ${MAX_ATTEMPTS}`,
    async (adapter) => {
      if (engine === undefined) return;
      const events: OfferEvent[] = [];
      const stores = engine.createStores();
      let minted = 0;
      const issuer = createReliabilityIssuer(stores, { onEvent: (event) => events.push(event) });
      const server = await startOfferKitServer(adapter, issuer, {
        issueAccessToken: async () => {
          minted++;
          return { access_token: 'never', token_type: 'Bearer' };
        },
      });
      try {
        const offer = await createOfferOverHttp(server.baseUrl, {
          credentials: [CONFIGURATION_ID],
          transactionCodeConfiguration: { inputMode: 'numeric', length: 6 },
        });
        const right = offer.transactionCode ?? '';
        const replies = await Promise.all(
          wrongCodes(right, WRONG_GUESSES).map((guess) =>
            send(server.baseUrl, tokenRequest(offer.code, guess)),
          ),
        );
        const errors = replies.map((r) => (JSON.parse(r.body) as { error?: string }).error);
        const summary = `${engineName}/${adapter}: statuses ${[...new Set(replies.map((r) => r.status))].join(',')}`;
        expect(
          replies.every((r) => r.status === 400 && isJsonReply(r)),
          summary,
        ).toBe(true);
        expect(
          errors.every((e) => e === 'invalid_grant'),
          summary,
        ).toBe(true);

        const offerEvents = events.filter((e) => 'offerId' in e && e.offerId === offer.id);
        const wrong = offerEvents.filter(
          (e) => e.type === 'offer.redeem_failed' && e.reason === 'tx_code_wrong',
        );
        // The rest are refused without a comparison: no slot left, or already seen as locked on the first read.
        const refused = offerEvents.filter(
          (e) =>
            e.type === 'offer.redeem_failed' && (e.reason === 'attempts_exhausted' || e.reason === 'locked'),
        );
        expect(wrong.length, summary).toBe(MAX_ATTEMPTS);
        expect(refused.length, summary).toBe(WRONG_GUESSES - MAX_ATTEMPTS);
        expect(offerEvents.filter((e) => e.type === 'offer.locked').length, summary).toBe(1);

        const stored = await stores.offerStore.findById(offer.id);
        expect(stored?.attempts, summary).toBe(MAX_ATTEMPTS);
        expect(stored?.lockedAt, summary).toEqual(expect.any(Number));
        expect(stored?.consumedAt, summary).toBeNull();

        const late = await send(server.baseUrl, tokenRequest(offer.code, right));
        expect(late.status).toBe(400);
        expect((JSON.parse(late.body) as { error?: string }).error).toBe('invalid_grant');
        expect(minted).toBe(0);
        expect((await stores.offerStore.findById(offer.id))?.attempts).toBe(MAX_ATTEMPTS);
      } finally {
        await server.close();
      }
    },
  );
});
