import {
  buildPreAuthorizedCredentialOffer,
  type CredentialOffer,
  decodeCredentialOfferUri,
  encodeCredentialOfferUri,
  encodeCredentialOfferUriByReference,
  isOfferKitError,
} from '@offerkit/core';
import { credentialOfferArbitrary, txCodeConfigurationArbitrary } from '@offerkit/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestIssuer } from './support/create-test-issuer.js';

const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(' ', '+', '%', '&', '=', '?', '#', '%20', 'a+b c', '😀🎓', 'Zoë Ñandú', '\u202e', '100%'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const offerArbitrary: fc.Arbitrary<CredentialOffer> = fc.record({
  credential_issuer: fc.webUrl({ validSchemes: ['https'] }),
  credential_configuration_ids: fc.uniqueArray(
    tricky.filter((s) => s.length > 0),
    { minLength: 1, maxLength: 5 },
  ),
  grants: fc.record({
    'urn:ietf:params:oauth:grant-type:pre-authorized_code': fc.record({
      'pre-authorized_code': fc.base64String({ minLength: 4, maxLength: 44 }),
      tx_code: fc.record({
        length: fc.integer({ min: 4, max: 10 }),
        input_mode: fc.constantFrom('numeric' as const, 'text' as const),
        description: tricky,
      }),
    }),
  }),
  request_parameters: fc.dictionary(tricky, tricky, { maxKeys: 4 }),
});

describe('offer URI encoding', () => {
  it('decode(encode(offer)) deep-equals the offer for arbitrary ids, descriptions and request parameters', () => {
    fc.assert(
      fc.property(
        offerArbitrary,
        fc.constantFrom('openid-credential-offer://', 'haip-vci://', 'https://wallet.example/offer'),
        (offer, scheme) => {
          const decoded = decodeCredentialOfferUri(encodeCredentialOfferUri(offer, { scheme }));
          expect(decoded).toEqual({ kind: 'value', scheme, offer });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never encodes a space as +, and keeps a literal + distinct from a space', () => {
    fc.assert(
      fc.property(offerArbitrary, (offer) => {
        const uri = encodeCredentialOfferUri(offer);
        const query = uri.slice(uri.indexOf('?') + 1);
        expect(query).not.toMatch(/[ +]/);
      }),
    );
    const offer = { credential_issuer: 'https://i.example', credential_configuration_ids: ['a b', 'a+b'] };
    const uri = encodeCredentialOfferUri(offer);
    expect(uri).toContain('a%20b');
    expect(uri).toContain('a%2Bb');
  });

  it('round trips every offer of the exported credentialOfferArbitrary, in every profile', () => {
    fc.assert(
      fc.property(credentialOfferArbitrary(), (offer) => {
        const decoded = decodeCredentialOfferUri(encodeCredentialOfferUri(offer));
        expect(decoded.kind === 'value' && decoded.offer).toEqual(offer);
      }),
      { numRuns: 500 },
    );
  });

  it('every txCodeConfigurationArbitrary value is accepted by the issuer and round trips into the offer', async () => {
    const { issuer } = createTestIssuer();
    await fc.assert(
      fc.asyncProperty(txCodeConfigurationArbitrary(), async (configuration) => {
        const created = await issuer.createPreAuthorizedOffer({
          credentials: ['org.iso.18013.5.1.mDL'],
          transactionCodeConfiguration: configuration,
        });
        expect(created.transactionCode).toHaveLength(configuration.length ?? 6);
        const decoded = decodeCredentialOfferUri(created.uri);
        const txCode =
          decoded.kind === 'value'
            ? decoded.offer.grants?.['urn:ietf:params:oauth:grant-type:pre-authorized_code']?.tx_code
            : undefined;
        expect(txCode?.input_mode).toBe(configuration.inputMode ?? 'numeric');
        if (typeof configuration.description === 'string')
          expect(txCode?.description).toBe(configuration.description);
      }),
      { numRuns: 200 },
    );
  });

  it('by-reference URIs round trip', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'], withQueryParameters: true }), (url) => {
        expect(
          decodeCredentialOfferUri(encodeCredentialOfferUriByReference(url, { scheme: 'haip-vci://' })),
        ).toEqual({
          kind: 'reference',
          scheme: 'haip-vci://',
          credentialOfferUri: url,
        });
      }),
    );
  });

  it('re-encodes the OID4VCI 1.0 pre-authorized example (spec-notes a.1) byte for byte', () => {
    const a1 =
      'openid-credential-offer://?credential_offer=%7B%22credential_issuer%22%3A%22https%3A%2F%2Fissuer.example.com%22%2C%22credential_configuration_ids%22%3A%5B%22org.iso.18013.5.1.mDL%22%5D%2C%22grants%22%3A%7B%22urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code%22%3A%7B%22pre-authorized_code%22%3A%22oaKazRN8I0IbtZ0C7JuMn5%22%2C%22tx_code%22%3A%7B%22length%22%3A6%2C%22input_mode%22%3A%22numeric%22%2C%22description%22%3A%22Please%20provide%20the%20one-time%20code%20that%20was%20sent%20via%20e-mail%22%7D%7D%7D%7D';
    expect(a1.length).toBe(524);
    const built = buildPreAuthorizedCredentialOffer({
      credentialIssuer: 'https://issuer.example.com',
      credentials: ['org.iso.18013.5.1.mDL'],
      preAuthorizedCode: 'oaKazRN8I0IbtZ0C7JuMn5',
      txCode: {
        inputMode: 'numeric',
        length: 6,
        description: 'Please provide the one-time code that was sent via e-mail',
      },
      profile: '1.0',
    });
    expect(encodeCredentialOfferUri(built)).toBe(a1);
    const decoded = decodeCredentialOfferUri(a1);
    expect(decoded.kind === 'value' && encodeCredentialOfferUri(decoded.offer)).toBe(a1);
  });

  it('builds the MATTR pre-authorized example (spec-notes a.5) in the dual profile byte for byte', () => {
    const a5 =
      '{"credential_issuer":"https://example.com","credentials":["2edaf985-fcc2-4448-9c8e-a04c6c7351c2"],"credential_configuration_ids":["2edaf985-fcc2-4448-9c8e-a04c6c7351c2"],"grants":{"urn:ietf:params:oauth:grant-type:pre-authorized_code":{"pre-authorized_code":"stukD6lg9c9tQ3jUCa32wVi1HI+QIVsFK/QPvC2CHRs=","tx_code":{"length":6,"input_mode":"numeric","description":"Please provide the one-time code that was sent via e-mail"}}}}';
    const built = buildPreAuthorizedCredentialOffer({
      credentialIssuer: 'https://example.com',
      credentials: ['2edaf985-fcc2-4448-9c8e-a04c6c7351c2'],
      preAuthorizedCode: 'stukD6lg9c9tQ3jUCa32wVi1HI+QIVsFK/QPvC2CHRs=',
      txCode: {
        inputMode: 'numeric',
        length: 6,
        description: 'Please provide the one-time code that was sent via e-mail',
      },
      profile: 'dual',
    });
    const uri = encodeCredentialOfferUri(built);
    expect(uri).toBe(`openid-credential-offer://?credential_offer=${encodeURIComponent(a5)}`);
    expect(decodeURIComponent(uri.split('credential_offer=')[1]!)).toBe(a5);
  });

  it.each([
    ['no query', 'openid-credential-offer://'],
    [
      'both parameters',
      'openid-credential-offer://?credential_offer=%7B%7D&credential_offer_uri=https%3A%2F%2Fa',
    ],
    ['unknown parameter', 'openid-credential-offer://?offer=%7B%7D'],
    ['bad percent-encoding', 'openid-credential-offer://?credential_offer=%E0%A4%A'],
    ['not JSON', 'openid-credential-offer://?credential_offer=%7Bnope'],
    ['JSON array', 'openid-credential-offer://?credential_offer=%5B%5D'],
    ['no credential_issuer', 'openid-credential-offer://?credential_offer=%7B%7D'],
    ['non-https reference', 'openid-credential-offer://?credential_offer_uri=ftp%3A%2F%2Fa.example%2Fx'],
  ])('rejects a malformed URI (%s) with a typed error naming uri', (_name, uri) => {
    try {
      decodeCredentialOfferUri(uri);
      expect.unreachable();
    } catch (error) {
      expect(isOfferKitError(error)).toBe(true);
      expect((error as { details: { param: string }[] }).details[0]?.param).toBe('uri');
    }
  });
});
