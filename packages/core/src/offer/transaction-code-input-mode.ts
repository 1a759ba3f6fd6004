/** Character set of a transaction code: digits, or the look-alike-free text alphabet. */
export type TransactionCodeInputMode = 'numeric' | 'text';
