export type { HttpConformanceOptions } from './http-conformance-options.js';
export { offerKitHttpConformanceCases } from './offer-kit-http-conformance-cases.js';
export type { OfferKitServer, OfferKitServerFactory } from './offer-kit-server-factory.js';
