import fc from 'fast-check';
import type { TransactionCodeConfiguration } from '../../issuer/offer-issuer.js';

/** A valid MATTR `transactionCodeConfiguration` under the default limits (length 6..10, description ≤ 300). */
export function txCodeConfigurationArbitrary(): fc.Arbitrary<TransactionCodeConfiguration> {
  const text = fc
    .string({ unit: 'grapheme', maxLength: 300 })
    .filter((s) => [...s].length <= 300 && ![...s].some(isControlCharacter));
  return fc.record(
    {
      inputMode: fc.constantFrom('numeric' as const, 'text' as const),
      length: fc.integer({ min: 6, max: 10 }),
      description: fc.oneof(
        text,
        fc.dictionary(fc.constantFrom('en', 'de', 'fr-CA', 'pt-BR', 'ja'), text, { minKeys: 1 }),
      ),
    },
    { requiredKeys: [] },
  );
}

function isControlCharacter(ch: string): boolean {
  const unit = ch.charCodeAt(0);
  return (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f;
}
