export { ManualClock } from '../manual-clock.js';
export { createSeededCrypto } from '../seeded-crypto.js';
export type { ConformanceCase } from './conformance-case.js';
export { createModelOfferStore } from './create-model-offer-store.js';
export { createNaiveOfferStore, type NaiveOfferStoreOptions } from './create-naive-offer-store.js';
export { createTestOfferRecord, type TestOfferRecordOptions } from './create-test-offer-record.js';
export { isOfferLiveAt } from './is-offer-live-at.js';
export {
  type OfferStoreConcurrencyOptions,
  offerStoreConcurrencyCases,
} from './offer-store-concurrency-cases.js';
export {
  type OfferStoreConformanceOptions,
  offerStoreConformanceCases,
} from './offer-store-conformance-cases.js';
export { OfferStoreModel } from './offer-store-model.js';
export {
  type ConcurrencyProbeOptions,
  type ConcurrencyProbeResult,
  runConcurrencyProbe,
} from './run-concurrency-probe.js';
export type { StoreFactory, StoresUnderTest } from './store-factory.js';
export { userStoreConformanceCases } from './user-store-conformance-cases.js';
