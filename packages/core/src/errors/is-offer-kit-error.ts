import type { OfferKitError } from './offer-kit-error.js';

/**
 * True when `value` is an `OfferKitError`. Checks by name and shape, because `instanceof` fails when two copies
 * of `@offerkit/core` are installed.
 */
export function isOfferKitError(value: unknown): value is OfferKitError {
  return (
    value instanceof Error &&
    value.name === 'OfferKitError' &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}
