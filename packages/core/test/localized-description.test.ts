import { decodeCredentialOfferUri, pickLanguage } from '@offerkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestIssuer } from './support/create-test-issuer.js';

const PRE = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const description = {
  en: 'Enter the code from the e-mail',
  de: 'Code aus der E-Mail eingeben',
  'fr-CA': 'Entrez le code du courriel',
};

describe('localized tx code descriptions', () => {
  it.each([
    [undefined, 'en'],
    ['de', 'de'],
    ['de-CH, en;q=0.5', 'de'],
    ['fr', 'fr-CA'],
    ['FR-ca', 'fr-CA'],
    ['es, de;q=0.3, en;q=0.9', 'en'],
    ['ja', 'en'],
    ['*', 'en'],
    ['de;q=0, en;q=0.1', 'en'],
    ['garbage;;;q=x', 'en'],
  ])('Accept-Language %j picks %s', (header, expected) => {
    expect(pickLanguage(Object.keys(description), header, 'en')).toBe(expected);
  });

  it('always picks one of the available tags, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        expect(Object.keys(description)).toContain(pickLanguage(Object.keys(description), header, 'en'));
      }),
    );
  });

  it('by value sends the default language; by reference the best match for Accept-Language', async () => {
    const { issuer } = createTestIssuer({ defaultLanguage: 'de' });
    const byValue = await issuer.createPreAuthorizedOffer({
      credentials: ['org.iso.18013.5.1.mDL'],
      transactionCodeConfiguration: { description },
    });
    const decoded = decodeCredentialOfferUri(byValue.uri);
    expect(decoded.kind === 'value' && decoded.offer.grants?.[PRE]?.tx_code?.description).toBe(
      description.de,
    );

    const byReference = await issuer.createPreAuthorizedOffer(
      { credentials: ['org.iso.18013.5.1.mDL'], transactionCodeConfiguration: { description } },
      { delivery: 'reference' },
    );
    const ref = decodeURIComponent(byReference.uri).split('/').pop()!;
    const pick = async (acceptLanguage?: string) =>
      (await issuer.resolveCredentialOffer(ref, acceptLanguage === undefined ? {} : { acceptLanguage }))
        .grants?.[PRE]?.tx_code?.description;
    expect(await pick()).toBe(description.de);
    expect(await pick('en-GB,en;q=0.8')).toBe(description.en);
    expect(await pick('fr')).toBe(description['fr-CA']);
  });

  it.each([[{ en: 'x'.repeat(301) }], [{ 'not a tag': 'x' }], [{}], [{ en: 1 }], [{ en: 'a\u0000' }]])(
    'rejects the description map %j',
    async (bad) => {
      const { issuer, counts } = createTestIssuer();
      await expect(
        issuer.createPreAuthorizedOffer({
          credentials: ['org.iso.18013.5.1.mDL'],
          transactionCodeConfiguration: { description: bad as never },
        }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        details: [
          expect.objectContaining({
            param: expect.stringContaining('transactionCodeConfiguration.description'),
          }),
        ],
      });
      expect(counts.writes).toBe(0);
    },
  );
});
