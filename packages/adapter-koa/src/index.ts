export { createOfferKitMiddleware } from './create-offer-kit-middleware.js';
export type { OfferKitKoaOptions } from './offer-kit-koa-options.js';
