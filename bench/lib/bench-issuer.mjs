import { createOfferIssuer } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { createMemoryStores } from '@offerkit/store-memory';
import { CREDENTIAL_CONFIGURATIONS, CREDENTIAL_ISSUER } from './workload.mjs';

/** Management bearer token of the HTTP benchmarks (48 characters). */
export const BENCH_TOKEN = 'bench-token-0123456789abcdefghijklmnopqrstuvwxyz';

/** The issuer every HTTP variant serves: memory store, node crypto, defaults otherwise. */
export function createBenchIssuer(stores = createMemoryStores()) {
  return createOfferIssuer({
    credentialIssuer: CREDENTIAL_ISSUER,
    credentialConfigurations: CREDENTIAL_CONFIGURATIONS,
    ...stores,
    crypto: createNodeCrypto(),
  });
}
