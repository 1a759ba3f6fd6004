import type { TransactionCodeInputMode } from '../offer/transaction-code-input-mode.js';
import type { OfferCrypto } from '../ports/offer-crypto.js';
import { TRANSACTION_CODE_ALPHABETS } from './transaction-code-alphabets.js';

/**
 * A uniformly random transaction code of `length` characters from the alphabet of `inputMode`.
 *
 * Uniform by rejection sampling: a random byte is used only when it falls below the largest multiple of the
 * alphabet size, so every symbol has exactly the same probability (no modulo bias).
 */
export function generateTransactionCode(
  crypto: OfferCrypto,
  inputMode: TransactionCodeInputMode,
  length: number,
): string {
  const alphabet = TRANSACTION_CODE_ALPHABETS[inputMode];
  const size = alphabet.length;
  const limit = 256 - (256 % size);
  let code = '';
  while (code.length < length) {
    // Ask for a little more than needed so that rejections rarely cost a second call.
    const bytes = crypto.randomBytes(length - code.length + 4);
    for (let i = 0; i < bytes.length && code.length < length; i++) {
      const byte = bytes[i]!;
      if (byte < limit) code += alphabet[byte % size];
    }
  }
  return code;
}
