// R1: 1000 parallel redemptions of one code over HTTP, per adapter and store: exactly one 200, 999
// invalid_grant, no 5xx, exactly one token minted and a committed consume; 20 rounds each. The same harness
// must catch a deliberately naive read-then-write store, or it proves nothing.
import type { OfferIssuer, Redemption } from '@offerkit/core';
import { createModelOfferStore, createNaiveOfferStore } from '@offerkit/core/testing';
import { createMemoryStores } from '@offerkit/store-memory';
import { afterAll, describe, expect, it } from 'vitest';
import { isJsonReply, send } from './helpers/http-client.js';
import { ADAPTER_NAMES, type AdapterName, startOfferKitServer } from './helpers/offerkit-server.js';
import {
  CONFIGURATION_ID,
  createOfferOverHttp,
  createReliabilityIssuer,
  tokenRequest,
} from './helpers/reliability-issuer.js';
import { closeTestEngines, ENGINE_NAMES, openTestEngines } from './helpers/test-engines.js';

const PARALLEL = 1000;
const ROUNDS = 20;

interface RoundOutcome {
  offerId: string;
  ok: number;
  invalidGrant: number;
  serverErrors: number;
  allJson: boolean;
  minted: Redemption[];
}

/** Serves `issuer`, then for each round creates one offer and fires PARALLEL redemptions of it at once. */
async function raceRounds(
  adapter: AdapterName,
  makeIssuer: () => OfferIssuer,
  rounds: number,
  afterRound: (outcome: RoundOutcome, round: number) => Promise<void>,
): Promise<void> {
  const minted: Redemption[] = [];
  const server = await startOfferKitServer(adapter, makeIssuer(), {
    issueAccessToken: async (redemption) => {
      minted.push(redemption);
      return { access_token: `token-${minted.length}`, token_type: 'Bearer', expires_in: 300 };
    },
  });
  try {
    // Open all PARALLEL keep-alive sockets first: otherwise round 0's requests trickle in behind TCP handshakes
    // and the race is weaker than in later rounds.
    await Promise.all(
      Array.from({ length: PARALLEL }, () => send(server.baseUrl, tokenRequest('warm-up-not-a-code'))),
    );
    for (let round = 0; round < rounds; round++) {
      minted.length = 0;
      const offer = await createOfferOverHttp(server.baseUrl, {
        credentials: [CONFIGURATION_ID],
        transactionCodeConfiguration: { inputMode: 'numeric', length: 6 },
      });
      const replies = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          send(server.baseUrl, tokenRequest(offer.code, offer.transactionCode)),
        ),
      );
      await afterRound(
        {
          offerId: offer.id,
          ok: replies.filter((r) => r.status === 200).length,
          invalidGrant: replies.filter(
            (r) => r.status === 400 && (JSON.parse(r.body) as { error?: string }).error === 'invalid_grant',
          ).length,
          serverErrors: replies.filter((r) => r.status >= 500).length,
          allJson: replies.every(isJsonReply),
          minted: [...minted],
        },
        round,
      );
    }
  } finally {
    await server.close();
  }
}

const engines = await openTestEngines(ENGINE_NAMES, 20);
afterAll(() => closeTestEngines(engines));

describe.each(ENGINE_NAMES)('parallel redemption on %s', (engineName) => {
  const engine = engines.get(engineName);
  const skip = engine === undefined;

  it.skipIf(skip).each(ADAPTER_NAMES)(
    `%s: ${PARALLEL} parallel redemptions of one code, ${ROUNDS} rounds`,
    async (adapter) => {
      const current = engine;
      if (current === undefined) return;
      await raceRounds(
        adapter,
        () => createReliabilityIssuer(current.createStores()),
        ROUNDS,
        async (outcome, round) => {
          const summary = `${engineName}/${adapter} round ${round}: ${outcome.ok} × 200, ${outcome.invalidGrant} × invalid_grant, ${outcome.serverErrors} × 5xx`;
          expect(outcome.serverErrors, summary).toBe(0);
          expect(outcome.ok, summary).toBe(1);
          expect(outcome.invalidGrant, summary).toBe(PARALLEL - 1);
          expect(outcome.allJson, summary).toBe(true);
          expect(
            outcome.minted.map((r) => r.offerId),
            summary,
          ).toEqual([outcome.offerId]);
          expect(await current.consumedAt(outcome.offerId), summary).toEqual(expect.any(Number));
        },
      );
    },
  );
});

describe('the race harness has teeth', () => {
  it('reports several winners for a naive read-then-write store in at least 95% of rounds', async () => {
    const rounds = 10;
    let caught = 0;
    await raceRounds(
      'express',
      () => {
        const { userStore } = createMemoryStores();
        return createReliabilityIssuer({
          offerStore: createNaiveOfferStore(createModelOfferStore(), { delayMs: 5 }),
          userStore,
        });
      },
      rounds,
      async (outcome) => {
        if (outcome.ok >= 2) caught++;
      },
    );
    expect(caught / rounds).toBeGreaterThanOrEqual(0.95);
  });
});
