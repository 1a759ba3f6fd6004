import { createOfferIssuer, type OfferEvent, type OfferIssuerOptions } from '@offerkit/core';
import { createInTestStores } from './in-test-stores.js';

/** Mutable test clock. */
export class TestClock {
  constructor(public current = 1_700_000_000_000) {}
  now(): number {
    return this.current;
  }
}

export const CONFIGURATIONS = {
  'org.iso.18013.5.1.mDL': { format: 'mso_mdoc', scope: 'org.iso.18013.5.1.mDL' },
  'eu.europa.ec.eudi.pid.1': { format: 'mso_mdoc' },
  UniversityDegree: { format: 'dc+sd-jwt', scope: 'UniversityDegree' },
};

/** An issuer over in-test stores with a controllable clock and an event log. */
export function createTestIssuer(overrides: Partial<OfferIssuerOptions> = {}) {
  const stores = createInTestStores();
  const clock = new TestClock();
  const events: OfferEvent[] = [];
  const issuer = createOfferIssuer({
    credentialIssuer: 'https://issuer.example.com',
    credentialConfigurations: CONFIGURATIONS,
    offerStore: stores.offerStore,
    userStore: stores.userStore,
    clock,
    publicBaseUrl: 'https://issuer.example.com',
    onEvent: (event) => events.push(event),
    ...overrides,
  });
  return { issuer, clock, events, ...stores };
}

/** The pre-authorized code inside a by-value offer URI. */
export function codeFromUri(uri: string): string {
  const json = decodeURIComponent(uri.slice(uri.indexOf('credential_offer=') + 'credential_offer='.length));
  const offer = JSON.parse(json);
  return offer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code']['pre-authorized_code'];
}
