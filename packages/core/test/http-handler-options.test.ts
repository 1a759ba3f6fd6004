import { Readable } from 'node:stream';
import {
  createOfferKitHttpHandler,
  createPortableCrypto,
  type HttpRequestLike,
  isOfferKitError,
  type OfferCrypto,
  readBodyStream,
} from '@offerkit/core';
import { describe, expect, it } from 'vitest';
import { createTestIssuer } from './support/create-test-issuer.js';

const TOKEN = 'unit-test-management-token-0123456789abcdef';
const MDL = 'org.iso.18013.5.1.mDL';

function post(path: string, body: string, headers: Record<string, string> = {}): HttpRequestLike {
  const bytes = new TextEncoder().encode(body);
  return {
    method: 'POST',
    path,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: { kind: 'raw', read: (limit) => readBodyStream(Readable.from([bytes]), limit) },
  };
}

function refusal(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(isOfferKitError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('construction was not refused');
}

describe('createOfferKitHttpHandler options', () => {
  const { issuer } = createTestIssuer();

  it('refuses a missing auth, an empty token list, and both tokens and verify', () => {
    expect(refusal(() => createOfferKitHttpHandler(issuer, {} as never))).toMatch(/auth is required/);
    expect(refusal(() => createOfferKitHttpHandler(issuer, { auth: { tokens: [] } }))).toMatch(/non-empty/);
    const both = { tokens: [TOKEN], verify: () => true } as never;
    expect(refusal(() => createOfferKitHttpHandler(issuer, { auth: both }))).toMatch(/exactly one/);
    expect(refusal(() => createOfferKitHttpHandler(issuer, undefined as never))).toMatch(/options/);
  });

  it('refuses a token of 31 bytes and accepts one of 32', () => {
    expect(refusal(() => createOfferKitHttpHandler(issuer, { auth: { tokens: ['a'.repeat(31)] } }))).toMatch(
      /at least 32 bytes/,
    );
    expect(() => createOfferKitHttpHandler(issuer, { auth: { tokens: ['a'.repeat(32)] } })).not.toThrow();
  });

  it('refuses tokens that no Authorization header could carry', () => {
    expect(
      refusal(() => createOfferKitHttpHandler(issuer, { auth: { tokens: [`${'a'.repeat(32)} b`] } })),
    ).toMatch(/token characters/);
  });

  it('refuses a bad bodyLimit or issueAccessToken', () => {
    for (const bodyLimit of [0, -1, 1.5, 2 ** 40]) {
      expect(
        refusal(() => createOfferKitHttpHandler(issuer, { auth: { tokens: [TOKEN] }, bodyLimit })),
      ).toMatch(/bodyLimit/);
    }
    const issueAccessToken = 'yes' as never;
    expect(
      refusal(() => createOfferKitHttpHandler(issuer, { auth: { tokens: [TOKEN] }, issueAccessToken })),
    ).toMatch(/issueAccessToken/);
  });

  it('applies a custom bodyLimit: limit accepted, limit + 1 → 413', async () => {
    const body = JSON.stringify({ credentials: [MDL] });
    const handler = createOfferKitHttpHandler(issuer, { auth: { tokens: [TOKEN] }, bodyLimit: body.length });
    expect((await handler.handle(post('/v1/openid/offers/pre-authorized', body)))?.status).toBe(201);
    expect((await handler.handle(post('/v1/openid/offers/pre-authorized', `${body} `)))?.status).toBe(413);
  });

  it('verify mode: the host decides; a throwing verify is an outage (503) reported to onError', async () => {
    const errors: unknown[] = [];
    let answer: boolean | Error = true;
    const handler = createOfferKitHttpHandler(issuer, {
      auth: {
        verify: async (token) => {
          if (answer instanceof Error) throw answer;
          return answer && token === 'short-host-token';
        },
      },
      onError: (error) => errors.push(error),
    });
    const request = (token: string) =>
      post('/v1/openid/offers/pre-authorized', JSON.stringify({ credentials: [MDL] }), {
        authorization: `Bearer ${token}`,
      });
    expect((await handler.handle(request('short-host-token')))?.status).toBe(201);
    expect((await handler.handle(request('other')))?.status).toBe(401);
    answer = new Error('token service down');
    const failed = await handler.handle(request('short-host-token'));
    expect(failed?.status).toBe(503);
    expect(failed?.body).not.toContain('token service down');
    expect(errors).toHaveLength(1);
  });

  it('compares the presented digest with every configured digest, whichever matches', async () => {
    const base = createPortableCrypto();
    let compares = 0;
    const crypto: OfferCrypto = {
      ...base,
      timingSafeEqual: (a, b) => {
        compares++;
        return base.timingSafeEqual(a, b);
      },
    };
    const tokens = [`${'1'.repeat(32)}`, TOKEN, `${'3'.repeat(40)}`];
    const handler = createOfferKitHttpHandler(issuer, { auth: { tokens }, crypto });
    for (const token of [tokens[0], tokens[1], tokens[2], 'x'.repeat(32)]) {
      compares = 0;
      const reply = await handler.handle({
        method: 'GET',
        path: '/v1/openid/offers/pre-authorized/00000000-0000-0000-0000-000000000000',
        headers: { authorization: `Bearer ${token}` },
        body: { kind: 'parsed', value: undefined },
      });
      expect(compares).toBe(3);
      expect(reply?.status).toBe(token === 'x'.repeat(32) ? 401 : 404);
    }
  });

  it('answers undefined for paths that are not OfferKit routes, and for /token without issueAccessToken', async () => {
    const handler = createOfferKitHttpHandler(issuer, { auth: { tokens: [TOKEN] } });
    for (const path of ['/', '/token', '/v1/openid/offers/', '/v1/openid/offers/pre-authorizedX']) {
      expect(await handler.handle(post(path, '{}'))).toBeUndefined();
    }
  });

  it('re-checks a body a host parser produced: objects, strings and bytes', async () => {
    const handler = createOfferKitHttpHandler(issuer, { auth: { tokens: [TOKEN] } });
    const parsed = (value: unknown): HttpRequestLike => ({
      ...post('/v1/openid/offers/pre-authorized', ''),
      body: { kind: 'parsed', value },
    });
    expect((await handler.handle(parsed({ credentials: [MDL] })))?.status).toBe(201);
    expect((await handler.handle(parsed(JSON.stringify({ credentials: [MDL] }))))?.status).toBe(201);
    expect(
      (await handler.handle(parsed(new TextEncoder().encode(JSON.stringify({ credentials: [MDL] })))))
        ?.status,
    ).toBe(201);
    const polluted = JSON.parse('{"credentials":["org.iso.18013.5.1.mDL"],"claims":{"__proto__":{"x":1}}}');
    expect((await handler.handle(parsed(polluted)))?.status).toBe(400);
    expect((await handler.handle(parsed('x'.repeat(40_000))))?.status).toBe(413);
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect((await handler.handle(parsed({ credentials: [MDL], claims: deep })))?.status).toBe(400);
  });

  it('reflects no long client text: a forbidden key under a 20 000-character key names a cut path', async () => {
    const handler = createOfferKitHttpHandler(issuer, { auth: { tokens: [TOKEN] } });
    const longKey = 'k'.repeat(20_000);
    const body = `{"credentials":["${MDL}"],"claims":{"${longKey}":{"__proto__":1}}}`;
    const result = await handler.handle(post('/v1/openid/offers/pre-authorized', body));
    expect(result?.status).toBe(400);
    const param: string = JSON.parse(result?.body ?? '{}').details[0].param;
    expect(param.startsWith('claims.kkk')).toBe(true);
    expect(param.length).toBeLessThanOrEqual(201);
    expect(result?.body?.length).toBeLessThan(1_000);
  });
});

describe('readBodyStream', () => {
  it('returns the bytes up to the limit', async () => {
    const bytes = await readBodyStream(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4);
    expect(new TextDecoder().decode(bytes)).toBe('abcd');
  });

  it('rejects with payload_too_large one byte past the limit, and at once on a larger Content-Length', async () => {
    await expect(readBodyStream(Readable.from([Buffer.from('abcde')]), 4)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    let read = false;
    const stream = new Readable({
      read() {
        read = true;
        this.push(null);
      },
    });
    await expect(readBodyStream(stream, 4, '5')).rejects.toMatchObject({ code: 'payload_too_large' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(read).toBe(true); // drained, not buffered
  });

  it('rejects with invalid_request when the stream fails', async () => {
    const stream = new Readable({ read() {} });
    const pending = readBodyStream(stream, 10);
    stream.destroy(new Error('socket hang up'));
    await expect(pending).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
