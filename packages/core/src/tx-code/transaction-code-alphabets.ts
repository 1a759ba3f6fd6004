import type { TransactionCodeInputMode } from '../offer/transaction-code-input-mode.js';

/**
 * Characters of generated transaction codes. The text alphabet leaves out look-alikes (0/O, 1/I/l) and lower
 * case, so a code read aloud or off a screen is typed right; it has 32 symbols.
 */
export const TRANSACTION_CODE_ALPHABETS: Readonly<Record<TransactionCodeInputMode, string>> = {
  numeric: '0123456789',
  text: '23456789ABCDEFGHJKLMNPQRSTUVWXYZ',
};
