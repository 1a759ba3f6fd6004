export { createOfferKitRouter } from './create-offer-kit-router.js';
