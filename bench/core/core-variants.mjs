import { createOfferIssuer, createPortableCrypto } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { createMemoryStores } from '@offerkit/store-memory';
import { createBareMapStores } from '../lib/bare-map-stores.mjs';
import { createBaselineIssuer } from '../lib/baseline-offer.mjs';
import { createOpenid4vcIssuer } from '../lib/openid4vc-offer.mjs';
import {
  CONFIGURATION_ID,
  CREDENTIAL_CONFIGURATIONS,
  CREDENTIAL_ISSUER,
  PRE_AUTHORIZED_INPUT,
  STORE_RESET_EVERY,
} from '../lib/workload.mjs';

function createOfferKit(makeCrypto, makeStores = createMemoryStores) {
  const build = () =>
    createOfferIssuer({
      credentialIssuer: CREDENTIAL_ISSUER,
      credentialConfigurations: CREDENTIAL_CONFIGURATIONS,
      ...makeStores(),
      crypto: makeCrypto(),
    });
  let issuer = build();
  let count = 0;
  return async () => {
    // Every variant starts a fresh store every STORE_RESET_EVERY offers, so heap growth is the same for all.
    if (++count % STORE_RESET_EVERY === 0) issuer = build();
    return issuer.createPreAuthorizedOffer(PRE_AUTHORIZED_INPUT);
  };
}

function createHandWritten(issuer) {
  let count = 0;
  const credentials = [CONFIGURATION_ID];
  return async () => {
    if (++count % STORE_RESET_EVERY === 0) issuer.reset();
    return issuer.createOffer(credentials, 6);
  };
}

/** The variants of the core benchmark, by name; each value creates one offer per call. */
export function createCoreVariants() {
  return {
    baseline: createHandWritten(createBaselineIssuer()),
    'offerkit-node-crypto': createOfferKit(createNodeCrypto),
    'offerkit-portable': createOfferKit(createPortableCrypto),
    'openid4vc-openid4vci': createHandWritten(createOpenid4vcIssuer([CONFIGURATION_ID])),
    'diag-offerkit-node-crypto-bare-map-store': createOfferKit(createNodeCrypto, createBareMapStores),
  };
}

/** Variant names in their canonical order (rotated per process). */
export const CORE_VARIANT_NAMES = [
  'baseline',
  'offerkit-node-crypto',
  'offerkit-portable',
  'openid4vc-openid4vci',
  'diag-offerkit-node-crypto-bare-map-store',
];
