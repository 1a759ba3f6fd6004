import fc from 'fast-check';

/**
 * Text that breaks naive offer encoders: unicode (astral, combining, RTL override), spaces, `+`, `%`, `&`, `=`,
 * `?`, `#`, already-encoded sequences and lone surrogates.
 */
export function trickyTextArbitrary(maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom(
      ' ',
      '+',
      '%',
      '&',
      '=',
      '?',
      '#',
      '%20',
      '%2B',
      'a+b c',
      '😀🎓',
      'Zoë Ñandú',
      '\u202e',
      '100%',
      'e\u0301',
    ),
    fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 20) }),
  );
}
