import {
  createOfferKitHttpHandler,
  type HttpRequestLike,
  type HttpResult,
  OfferKitError,
  type OfferStore,
  type UserStore,
} from '@offerkit/core';
import { describe, expect, it } from 'vitest';
import { createOpenApiDocument } from '../src/openapi/index.js';
import { createDocumentAjv, findResponse } from './openapi-support.js';
import { createTestIssuer } from './support/create-test-issuer.js';

const TOKEN = 'openapi-test-management-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const MDL = 'org.iso.18013.5.1.mDL';
const GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** Makes every store method fail while `state.down` is set, like a database outage. */
function withOutage<T extends object>(store: T, state: { down: boolean }): T {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (state.down) return Promise.reject(new Error('connection refused'));
        return value.apply(target, args);
      };
    },
  });
}

function request(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): HttpRequestLike {
  const bytes = new TextEncoder().encode(body ?? '');
  return {
    method,
    path,
    headers,
    body: {
      kind: 'raw',
      async read(limit: number) {
        if (bytes.byteLength > limit) throw new OfferKitError('payload_too_large', 'too large');
        return bytes;
      },
    },
  };
}

const json = (value: unknown) => JSON.stringify(value);
const JSON_HEADERS = { ...AUTH, 'content-type': 'application/json' };
const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the OpenAPI document matches what the HTTP handler answers', () => {
  it('documents every (method, path, status) observed, and every body matches its documented schema', async () => {
    const state = { down: false };
    const base = createTestIssuer({ delivery: 'reference' });
    const { issuer } = createTestIssuer({
      delivery: 'reference',
      offerStore: withOutage(base.offerStore as OfferStore, state),
      userStore: withOutage(base.userStore as UserStore, state),
    });
    let mintFails = false;
    const handler = createOfferKitHttpHandler(issuer, {
      auth: { tokens: [TOKEN] },
      issueAccessToken: async () => {
        if (mintFails) throw new Error('token service down');
        return { access_token: 'at', token_type: 'Bearer', expires_in: 60 };
      },
    });
    const document = createOpenApiDocument();
    const ajv = createDocumentAjv(document);
    const observed: string[] = [];

    async function call(template: string, req: HttpRequestLike, expected: number): Promise<HttpResult> {
      const result = await handler.handle(req);
      if (result === undefined) throw new Error(`${req.method} ${req.path} not routed`);
      expect(result.status, `${req.method} ${req.path}: ${result.body}`).toBe(expected);
      observed.push(`${req.method} ${template} ${result.status}`);
      const documented = findResponse(document, req.method, template, result.status);
      expect(documented, `${req.method} ${template} ${result.status} is not documented`).toBeDefined();
      const content = documented?.response.content as Record<string, unknown> | undefined;
      if (result.body === undefined) {
        expect(content).toBeUndefined();
      } else {
        expect(result.headers['content-type']).toMatch(/^application\/json/);
        const validate = ajv.forResponse(documented?.pointer ?? '');
        const valid = validate(JSON.parse(result.body));
        expect(valid, `${req.method} ${template} ${result.status}: ${json(validate.errors)}`).toBe(true);
      }
      expect(result.headers['cache-control']).toBe('no-store');
      return result;
    }

    const offers = '/v1/openid/offers';
    const pre = '/v1/openid/offers/pre-authorized';
    const preId = '/v1/openid/offers/pre-authorized/{id}';
    const byRef = '/credential-offer/{ref}';

    await call(
      offers,
      request('POST', offers, JSON_HEADERS, json({ credentials: ['UniversityDegree'] })),
      201,
    );
    await call(offers, request('POST', offers, JSON_HEADERS, json({ credentials: [] })), 400);
    await call(offers, request('POST', offers, {}, json({ credentials: ['UniversityDegree'] })), 401);
    await call(offers, request('POST', offers, JSON_HEADERS, 'x'.repeat(40_000)), 413);
    await call(offers, request('POST', offers, { ...AUTH, 'content-type': 'text/plain' }, '{}'), 415);
    await call(offers, request('GET', offers, AUTH), 405);

    const created = await call(
      pre,
      request('POST', pre, JSON_HEADERS, json({ credentials: [MDL], transactionCodeConfiguration: {} })),
      201,
    );
    const { id, uri, transactionCode } = JSON.parse(created.body ?? '{}') as Record<string, string>;
    await call(pre, request('POST', pre, JSON_HEADERS, json({ credentials: [MDL], extra: true })), 400);
    await call(
      pre,
      request('POST', pre, { 'content-type': 'application/json' }, json({ credentials: [MDL] })),
      401,
    );
    await call(
      pre,
      request(
        'POST',
        pre,
        JSON_HEADERS,
        json({ credentials: [MDL], userId: '2edaf985-fcc2-4448-9c8e-a04c6c7351c2' }),
      ),
      404,
    );
    await call(pre, request('POST', pre, JSON_HEADERS, 'x'.repeat(40_000)), 413);
    await call(pre, request('POST', pre, { ...AUTH, 'content-type': 'application/xml' }, '<a/>'), 415);
    await call(pre, request('PUT', pre, JSON_HEADERS, '{}'), 405);

    await call(preId, request('GET', `${pre}/${id}`, AUTH), 200);
    await call(preId, request('GET', `${pre}/not-a-uuid`, AUTH), 400);
    await call(preId, request('GET', `${pre}/${id}`, {}), 401);
    await call(preId, request('GET', `${pre}/2edaf985-fcc2-4448-9c8e-a04c6c7351c2`, AUTH), 404);
    await call(preId, request('PATCH', `${pre}/${id}`, AUTH), 405);

    const reference = new URL(
      decodeURIComponent(String(uri).split('credential_offer_uri=')[1] ?? ''),
    ).pathname
      .split('/')
      .pop();
    const offer = await call(byRef, request('GET', `/credential-offer/${reference}`, {}), 200);
    await call(byRef, request('GET', `/credential-offer/${'A'.repeat(43)}`, {}), 404);
    await call(byRef, request('POST', `/credential-offer/${reference}`, {}), 405);

    const code = (JSON.parse(offer.body ?? '{}') as { grants: Record<string, Record<string, string>> })
      .grants[GRANT]?.['pre-authorized_code'];
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    await call('/token', request('POST', '/token', FORM_HEADERS, form({ grant_type: 'password' })), 400);
    await call('/token', request('POST', '/token', FORM_HEADERS, 'x'.repeat(40_000)), 413);
    await call('/token', request('GET', '/token', {}), 405);
    await call(
      '/token',
      request(
        'POST',
        '/token',
        FORM_HEADERS,
        form({ grant_type: GRANT, 'pre-authorized_code': String(code), tx_code: String(transactionCode) }),
      ),
      200,
    );

    const second = await call(pre, request('POST', pre, JSON_HEADERS, json({ credentials: [MDL] })), 201);
    const secondId = (JSON.parse(second.body ?? '{}') as { id: string }).id;
    await call(preId, request('DELETE', `${pre}/${secondId}`, AUTH), 204);
    await call(preId, request('DELETE', `${pre}/${secondId}`, AUTH), 404);
    await call(preId, request('DELETE', `${pre}/nope`, AUTH), 400);
    await call(preId, request('DELETE', `${pre}/${secondId}`, {}), 401);

    const third = await call(pre, request('POST', pre, JSON_HEADERS, json({ credentials: [MDL] })), 201);
    const thirdUri = String((JSON.parse(third.body ?? '{}') as { uri: string }).uri);
    const thirdRef = decodeURIComponent(thirdUri.split('credential_offer_uri=')[1] ?? '')
      .split('/')
      .pop();
    const thirdOffer = await call(byRef, request('GET', `/credential-offer/${thirdRef}`, {}), 200);
    const thirdCode = (
      JSON.parse(thirdOffer.body ?? '{}') as { grants: Record<string, Record<string, string>> }
    ).grants[GRANT]?.['pre-authorized_code'];
    mintFails = true;
    await call(
      '/token',
      request(
        'POST',
        '/token',
        FORM_HEADERS,
        form({ grant_type: GRANT, 'pre-authorized_code': String(thirdCode) }),
      ),
      503,
    );

    state.down = true;
    await call(
      offers,
      request('POST', offers, JSON_HEADERS, json({ credentials: ['UniversityDegree'] })),
      201,
    );
    await call(pre, request('POST', pre, JSON_HEADERS, json({ credentials: [MDL] })), 503);
    await call(preId, request('GET', `${pre}/${id}`, AUTH), 503);
    await call(preId, request('DELETE', `${pre}/${id}`, AUTH), 503);
    await call(byRef, request('GET', `/credential-offer/${reference}`, {}), 503);

    // Every distinct (method, route, status) exercised above; a dropped call shows up here.
    expect(new Set(observed).size).toBe(34);
  });
});
