// Memory store housekeeping: 100,000 offers with a 1 s lifetime leave none after one sweep, and the heap goes
// back to within 10% of where it was before they were created.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ManualClock } from '@offerkit/core/testing';
import { createMemoryStores } from '@offerkit/store-memory';
import { expect, it } from 'vitest';
import { CONFIGURATION_ID, createReliabilityIssuer } from './helpers/reliability-issuer.js';

const OFFERS = 100_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

it(`sweeps all of ${OFFERS.toLocaleString('en')} expired offers in one call`, async () => {
  const clock = new ManualClock(Date.now());
  const stores = createMemoryStores();
  const issuer = createReliabilityIssuer(stores, { clock });
  // One user for all offers: the user store is not swept, so per-offer users would hide the offers' memory.
  const { userId } = await issuer.createPreAuthorizedOffer({ credentials: [CONFIGURATION_ID] });
  const input = { credentials: [CONFIGURATION_ID], userId, expiresIn: { seconds: 1 } };
  const ids: string[] = [];
  const baseline = heapAfterGc();
  for (let i = 0; i < OFFERS; i++) ids.push((await issuer.createPreAuthorizedOffer(input)).id);
  const loaded = heapAfterGc();

  clock.advance(1_000);
  const started = performance.now();
  const swept = await issuer.sweepExpiredOffers(OFFERS * 2);
  const sweepMs = performance.now() - started;
  // The first offer (default 300 s lifetime) is still live; exactly the 100,000 short ones are gone.
  expect(swept).toBe(OFFERS);
  let left = 0;
  for (const id of ids) if ((await stores.offerStore.findById(id)) !== undefined) left++;
  expect(left).toBe(0);
  expect(await issuer.sweepExpiredOffers(OFFERS * 2)).toBe(0);

  const idsBytes = heapAfterGc();
  ids.length = 0;
  const after = heapAfterGc();
  console.info(
    `[figure] sweep: ${swept} swept in ${sweepMs.toFixed(0)} ms; heap baseline ${(baseline / 2 ** 20).toFixed(1)} MiB, loaded ${(loaded / 2 ** 20).toFixed(1)} MiB, after sweep ${(after / 2 ** 20).toFixed(1)} MiB (with the test's id list ${(idsBytes / 2 ** 20).toFixed(1)} MiB)`,
  );
  expect(after).toBeLessThanOrEqual(baseline * 1.1);
});
