import { type CredentialOffer, decodeCredentialOfferUri } from '@offerkit/core';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { describe, expect, it } from 'vitest';
import { createTestIssuer } from './support/create-test-issuer.js';

const mdl = 'org.iso.18013.5.1.mDL';
const PRE = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** An independent OID4VCI wallet parser (oid4vc-ts), resolving by-reference URIs against our issuer. */
function independentParser(issuer: ReturnType<typeof createTestIssuer>['issuer']) {
  const fetchOffer = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(String(input));
    try {
      const offer = await issuer.resolveCredentialOffer(url.pathname.split('/').pop()!);
      return new Response(JSON.stringify(offer), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    } catch {
      return new Response('{"error":"invalid_request"}', {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    }
  };
  const client = new Openid4vciClient({ callbacks: { fetch: fetchOffer } as never });
  return (uri: string) => client.resolveCredentialOffer(uri);
}

describe('profiles', () => {
  it.each([
    ['1.0', { credential_configuration_ids: [mdl] }, ['credentials']],
    ['draft-11', { credentials: [mdl] }, ['credential_configuration_ids']],
    ['dual', { credentials: [mdl], credential_configuration_ids: [mdl] }, []],
  ] as const)('the %s profile emits the right members', async (profile, members, absent) => {
    const { issuer } = createTestIssuer({ profile });
    const created = await issuer.createPreAuthorizedOffer({
      credentials: [mdl],
      transactionCodeConfiguration: { description: 'Code from the e-mail' },
    });
    const decoded = decodeCredentialOfferUri(created.uri);
    if (decoded.kind !== 'value') throw new Error('expected by value');
    expect(decoded.offer).toMatchObject({ credential_issuer: 'https://issuer.example.com', ...members });
    for (const member of absent) expect(decoded.offer).not.toHaveProperty(member);
    const grant = decoded.offer.grants?.[PRE];
    if (profile === 'draft-11') {
      expect(grant).toEqual({ 'pre-authorized_code': expect.any(String), user_pin_required: true });
    } else {
      expect(grant?.tx_code).toEqual({
        length: 6,
        input_mode: 'numeric',
        description: 'Code from the e-mail',
      });
    }
  });

  it('per-offer overrides win over the issuer profile and scheme', async () => {
    const { issuer } = createTestIssuer({ profile: '1.0' });
    const created = await issuer.createPreAuthorizedOffer(
      { credentials: [mdl] },
      { profile: 'draft-11', scheme: 'haip-vci://' },
    );
    expect(created.uri.startsWith('haip-vci://?credential_offer=')).toBe(true);
    const decoded = decodeCredentialOfferUri(created.uri);
    expect(decoded.kind === 'value' && decoded.offer.credentials).toEqual([mdl]);
  });

  it('draft-11 refuses text or long user PINs', async () => {
    const { issuer } = createTestIssuer({ profile: 'draft-11' });
    await expect(
      issuer.createPreAuthorizedOffer({
        credentials: [mdl],
        transactionCodeConfiguration: { inputMode: 'text' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('authorization-code offers follow MATTR: no grants, request_parameters kept, dual ids', async () => {
    const { issuer } = createTestIssuer({ profile: 'dual' });
    const { uri } = await issuer.createAuthorizationCodeOffer({
      credentials: ['UniversityDegree'],
      request_parameters: { login_hint: 'user@example.com', prompt: 'login' },
    });
    const decoded = decodeCredentialOfferUri(uri);
    expect(decoded.kind === 'value' && decoded.offer).toEqual({
      credential_issuer: 'https://issuer.example.com',
      credentials: ['UniversityDegree'],
      credential_configuration_ids: ['UniversityDegree'],
      request_parameters: { login_hint: 'user@example.com', prompt: 'login' },
    });
  });
});

describe('delivery', () => {
  it('by reference: the URI carries credential_offer_uri, the GET rebuilds the same offer until it is redeemed', async () => {
    const { issuer, events } = createTestIssuer({ delivery: 'reference', scheme: 'haip-vci://' });
    const created = await issuer.createPreAuthorizedOffer({
      credentials: [mdl],
      transactionCodeConfiguration: {},
    });
    const decoded = decodeCredentialOfferUri(created.uri);
    if (decoded.kind !== 'reference') throw new Error('expected by reference');
    expect(decoded.credentialOfferUri).toMatch(
      /^https:\/\/issuer\.example\.com\/credential-offer\/[A-Za-z0-9_-]{43}$/,
    );
    const reference = decoded.credentialOfferUri.split('/').pop()!;
    const first = await issuer.resolveCredentialOffer(reference);
    expect(await issuer.resolveCredentialOffer(reference)).toEqual(first);
    expect(events.filter((e) => e.type === 'offer.retrieved')).toHaveLength(2);
    const code = String((first as CredentialOffer).grants?.[PRE]?.['pre-authorized_code']);
    await issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: created.transactionCode! });
    await expect(issuer.resolveCredentialOffer(reference)).rejects.toMatchObject({ code: 'not_found' });
    await expect(issuer.resolveCredentialOffer('not-a-reference')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it("'auto' switches to reference only above the threshold", async () => {
    const { issuer } = createTestIssuer({ delivery: 'auto', autoReferenceThreshold: 400 });
    const short = await issuer.createPreAuthorizedOffer({ credentials: [mdl] });
    expect(short.uri).toContain('credential_offer=');
    const long = await issuer.createPreAuthorizedOffer({
      credentials: [mdl, 'eu.europa.ec.eudi.pid.1'],
      transactionCodeConfiguration: { description: 'Please enter the code we sent to your phone' },
    });
    expect(long.uri).toContain('credential_offer_uri=');
  });
});

describe('an independent OID4VCI parser (@openid4vc/openid4vci) accepts every profile, by value and by reference', () => {
  for (const profile of ['1.0', 'draft-11', 'dual'] as const) {
    for (const delivery of ['value', 'reference'] as const) {
      it(`${profile} by ${delivery}`, async () => {
        const { issuer } = createTestIssuer({ profile, delivery });
        const parse = independentParser(issuer);
        const created = await issuer.createPreAuthorizedOffer({
          credentials: [mdl],
          transactionCodeConfiguration: { description: 'Code from the e-mail' },
        });
        const parsed = await parse(created.uri);
        expect(parsed.credential_issuer).toBe('https://issuer.example.com');
        expect(parsed.credential_configuration_ids).toEqual([mdl]);
        expect(parsed.grants?.[PRE]?.['pre-authorized_code']).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(parsed.grants?.[PRE]?.tx_code).toBeDefined();
        const auth = await issuer.createAuthorizationCodeOffer(
          { credentials: ['UniversityDegree'] },
          { profile },
        );
        expect((await parse(auth.uri)).credential_configuration_ids).toEqual(['UniversityDegree']);
      });
    }
  }
});
