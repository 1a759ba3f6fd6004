import fc from 'fast-check';
import type { TxCodeObject } from '../../offer/credential-offer.js';
import { trickyTextArbitrary } from './tricky-text-arbitrary.js';

/** A `tx_code` object of an OpenID4VCI 1.0 offer, with every member optional as the spec allows. */
export function txCodeObjectArbitrary(): fc.Arbitrary<TxCodeObject> {
  return fc.record(
    {
      length: fc.integer({ min: 1, max: 32 }),
      input_mode: fc.constantFrom('numeric' as const, 'text' as const),
      description: trickyTextArbitrary(300),
    },
    { requiredKeys: [] },
  );
}
