import { isOfferKitError } from '../errors/is-offer-kit-error.js';
import { OfferKitError } from '../errors/offer-kit-error.js';

/**
 * Runs a store call so that only `OfferKitError` escapes: a store that breaks its contract by throwing a raw
 * driver error is reported as `unavailable`, with the original kept as `cause` and never in the message.
 */
export async function callStore<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isOfferKitError(error)) throw error;
    throw new OfferKitError('unavailable', 'Offer storage is unavailable', { cause: error });
  }
}
