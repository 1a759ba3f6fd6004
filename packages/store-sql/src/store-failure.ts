import { OfferKitError } from '@offerkit/core';
import { classifySqlError } from './classify-sql-error.js';

/**
 * Turns any error of a store call into an `OfferKitError`: `conflict` for a duplicate key, else `unavailable`.
 * The driver error is kept as `cause` only; its text never reaches the message.
 */
export function toStoreFailure(error: unknown, subject: 'Offer' | 'User'): OfferKitError {
  if (error instanceof OfferKitError) return error;
  if (classifySqlError(error) === 'unique') {
    return new OfferKitError('conflict', `${subject} already exists`, { cause: error });
  }
  return new OfferKitError('unavailable', `${subject} storage is unavailable`, { cause: error });
}
