import assert from 'node:assert/strict';
import { isOfferKitError } from '../../errors/is-offer-kit-error.js';

/** Asserts that `promise` rejects with an `OfferKitError` whose code is `conflict`. */
export async function assertRejectsWithConflict(promise: Promise<unknown>, what: string): Promise<void> {
  await assert.rejects(
    promise,
    (error: unknown) => isOfferKitError(error) && error.code === 'conflict',
    `${what}: expected OfferKitError('conflict')`,
  );
}
