import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createPortableCrypto, generateTransactionCode, TRANSACTION_CODE_ALPHABETS } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeFromUri, createTestIssuer } from './support/create-test-issuer.js';

const CRITICAL_CHI2_P001: Record<number, number> = { 9: 27.877, 31: 61.098 };

function chiSquaredPerPosition(codes: string[], alphabet: string, length: number): number[] {
  const expected = codes.length / alphabet.length;
  return Array.from({ length }, (_, position) => {
    const counts = new Map<string, number>();
    for (const code of codes) counts.set(code[position]!, (counts.get(code[position]!) ?? 0) + 1);
    let chi2 = 0;
    for (const symbol of alphabet) chi2 += ((counts.get(symbol) ?? 0) - expected) ** 2 / expected;
    return chi2;
  });
}

describe('transaction codes', () => {
  it('have the requested length and only alphabet characters, for every input mode and length', () => {
    const crypto = createPortableCrypto();
    fc.assert(
      fc.property(
        fc.constantFrom('numeric' as const, 'text' as const),
        fc.integer({ min: 1, max: 32 }),
        (mode, length) => {
          const code = generateTransactionCode(crypto, mode, length);
          expect(code).toHaveLength(length);
          for (const ch of code) expect(TRANSACTION_CODE_ALPHABETS[mode]).toContain(ch);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the text alphabet has no look-alike characters and no duplicates', () => {
    const text = TRANSACTION_CODE_ALPHABETS.text;
    for (const lookAlike of '0O1Il') expect(text).not.toContain(lookAlike);
    expect(new Set(text).size).toBe(text.length);
    expect(TRANSACTION_CODE_ALPHABETS.numeric).toBe('0123456789');
  });

  it.each([
    ['node crypto', createNodeCrypto()],
    ['portable crypto', createPortableCrypto()],
  ])(
    'numeric codes pass a per-position chi-squared test over 10^6 draws at p > 0.001 (%s)',
    (_name, crypto) => {
      const codes = Array.from({ length: 1_000_000 }, () => generateTransactionCode(crypto, 'numeric', 6));
      for (const code of codes.slice(0, 1000)) expect(code).toMatch(/^\d{6}$/);
      for (const chi2 of chiSquaredPerPosition(codes, '0123456789', 6))
        expect(chi2).toBeLessThan(CRITICAL_CHI2_P001[9]!);
    },
    60_000,
  );

  it('text codes pass the same chi-squared test (31 degrees of freedom)', () => {
    const crypto = createNodeCrypto();
    const codes = Array.from({ length: 200_000 }, () => generateTransactionCode(crypto, 'text', 8));
    for (const chi2 of chiSquaredPerPosition(codes, TRANSACTION_CODE_ALPHABETS.text, 8)) {
      expect(chi2).toBeLessThan(CRITICAL_CHI2_P001[31]!);
    }
  }, 60_000);

  it('the chi-squared check catches modulo bias (it would fail a byte % 10 generator)', () => {
    const crypto = createNodeCrypto();
    const biased = Array.from({ length: 200_000 }, () => {
      const bytes = crypto.randomBytes(6);
      return Array.from(bytes, (b) => String(b % 10)).join('');
    });
    const worst = Math.max(...chiSquaredPerPosition(biased, '0123456789', 6));
    expect(worst).toBeGreaterThan(CRITICAL_CHI2_P001[9]!);
  });

  it('keeps leading zeros: the issuer returns the code as a string', async () => {
    const { issuer, offers } = createTestIssuer();
    let sawLeadingZero = false;
    for (let i = 0; i < 300 && !sawLeadingZero; i++) {
      const result = await issuer.createPreAuthorizedOffer({
        credentials: ['org.iso.18013.5.1.mDL'],
        transactionCodeConfiguration: {},
      });
      expect(typeof result.transactionCode).toBe('string');
      expect(result.transactionCode).toMatch(/^\d{6}$/);
      if (result.transactionCode!.startsWith('0')) {
        sawLeadingZero = true;
        const code = codeFromUri(result.uri);
        await expect(
          issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: result.transactionCode! }),
        ).resolves.toMatchObject({ offerId: result.id });
      }
    }
    expect(sawLeadingZero).toBe(true);
    expect(offers.size).toBeGreaterThan(0);
  });

  it.each([
    [{}, 6],
    [{ minLength: 8 }, 8],
    [{ minLength: 4, maxLength: 5 }, 5],
    [{ minLength: 4, maxLength: 4 }, 4],
  ])(
    'without a length, the code has 6 digits clamped to the issuer bounds %j → %i',
    async (txCode, length) => {
      const { issuer } = createTestIssuer({ txCode });
      const result = await issuer.createPreAuthorizedOffer({
        credentials: ['org.iso.18013.5.1.mDL'],
        transactionCodeConfiguration: {},
      });
      expect(result.transactionCode).toHaveLength(length);
    },
  );

  it('Math.random appears in no package source', () => {
    const packagesDir = join(import.meta.dirname, '..', '..');
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (name === 'node_modules' || name === 'dist') continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|js|mjs|cjs)$/.test(name) && /Math\.random/.test(readFileSync(path, 'utf8')))
          hits.push(path);
      }
    };
    for (const pkg of readdirSync(packagesDir)) {
      const src = join(packagesDir, pkg, 'src');
      if (
        statSync(join(packagesDir, pkg)).isDirectory() &&
        readdirSync(join(packagesDir, pkg)).includes('src')
      )
        walk(src);
    }
    expect(hits).toEqual([]);
  });
});
