import type { OfferKitHttpOptions } from '@offerkit/core';

/** Options of `createOfferKitMiddleware`: the neutral handler options plus where the routes are mounted. */
export interface OfferKitKoaOptions extends OfferKitHttpOptions {
  /**
   * Path prefix of the OfferKit routes, e.g. `/offers-api` [none: routes at the root]. Requests outside it go to
   * the next middleware untouched.
   */
  prefix?: string;
}
