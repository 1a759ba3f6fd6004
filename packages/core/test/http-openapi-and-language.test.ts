import { createOfferIssuer, createOfferKitHttpHandler, type HttpRequestLike } from '@offerkit/core';
import { describe, expect, it } from 'vitest';
import { CONFIGURATIONS } from './support/create-test-issuer.js';
import { createInTestStores } from './support/in-test-stores.js';

const TOKEN = 'a-management-token-that-is-long-enough-0123456789';
const description = { en: 'Enter the code from the e-mail', de: 'Code aus der E-Mail eingeben' };

function setUp(openApi?: boolean | { serverUrl?: string }) {
  const issuer = createOfferIssuer({
    credentialIssuer: 'https://issuer.example.com',
    credentialConfigurations: CONFIGURATIONS,
    ...createInTestStores(),
    delivery: 'reference',
    publicBaseUrl: 'https://issuer.example.com',
  });
  const handler = createOfferKitHttpHandler(issuer, {
    auth: { tokens: [TOKEN] },
    ...(openApi === undefined ? {} : { openApi }),
  });
  const request = (method: string, path: string, headers: Record<string, string> = {}) => {
    const like: HttpRequestLike = { method, path, headers, body: { kind: 'parsed', value: undefined } };
    return handler.handle(like);
  };
  return { issuer, request };
}

describe('HTTP: localised descriptions and the OpenAPI route', () => {
  it('the by-reference GET answers in the Accept-Language of the wallet and says Vary: Accept-Language', async () => {
    const { issuer, request } = setUp();
    const created = await issuer.createPreAuthorizedOffer({
      credentials: ['org.iso.18013.5.1.mDL'],
      transactionCodeConfiguration: { description },
    });
    const reference = decodeURIComponent(created.uri).split('/').pop()!;
    for (const [header, expected] of [
      [undefined, description.en],
      ['de-AT, en;q=0.5', description.de],
    ] as const) {
      const result = await request(
        'GET',
        `/credential-offer/${reference}`,
        header === undefined ? {} : { 'accept-language': header },
      );
      expect(result?.status).toBe(200);
      expect(result?.headers.vary).toBe('Accept-Language');
      const offer = JSON.parse(String(result?.body));
      expect(offer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code'].tx_code.description).toBe(
        expected,
      );
    }
  });

  it('an empty id or reference is still answered as JSON by OfferKit, never left to the host', async () => {
    const { request } = setUp();
    for (const method of ['GET', 'DELETE']) {
      const result = await request(method, '/v1/openid/offers/pre-authorized/', {
        authorization: `Bearer ${TOKEN}`,
      });
      expect(result?.status).toBe(400);
      expect(JSON.parse(String(result?.body))).toMatchObject({
        code: 'BadRequest',
        details: [expect.objectContaining({ param: 'id' })],
      });
    }
    const offer = await request('GET', '/credential-offer/');
    expect(offer?.status).toBe(404);
    expect(JSON.parse(String(offer?.body))).toHaveProperty('error');
  });

  it('serves /openapi.json only when asked to', async () => {
    expect(await setUp().request('GET', '/openapi.json')).toBeUndefined();
    const result = await setUp({ serverUrl: 'https://issuer.example.com' }).request('GET', '/openapi.json');
    expect(result?.status).toBe(200);
    const document = JSON.parse(String(result?.body));
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.servers).toEqual([expect.objectContaining({ url: 'https://issuer.example.com' })]);
    expect(Object.keys(document.paths)).toContain('/v1/openid/offers/pre-authorized');
    expect((await setUp(true).request('POST', '/openapi.json'))?.status).toBe(405);
  });
});
