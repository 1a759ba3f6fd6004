import { once } from 'node:events';
import { decodeCredentialOfferUri } from '@offerkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp as createExpressApp } from '../../embed-express/app.js';
import { createApp as createKoaApp } from '../../embed-koa/app.js';

const TOKEN = 'embed-snippet-test-token-'.padEnd(48, '0');

/** @type {import('node:http').Server[]} */
const servers = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** @param {{ listen: (port: number) => import('node:http').Server }} app */
async function listen(app) {
  const server = app.listen(0);
  servers.push(server);
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

describe.each([
  ['embed-express', () => createExpressApp({ token: TOKEN })],
  ['embed-koa', () => createKoaApp({ token: TOKEN })],
])('README snippet %s', (_name, build) => {
  it('creates a pre-authorized offer under /offerkit and reads its status', async () => {
    const base = await listen(build());
    const created = await fetch(`${base}/offerkit/v1/openid/offers/pre-authorized`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        credentials: ['org.iso.18013.5.1.mDL'],
        transactionCodeConfiguration: { length: 8 },
      }),
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.transactionCode).toMatch(/^\d{8}$/);
    const decoded = decodeCredentialOfferUri(body.uri);
    expect(decoded.kind).toBe('value');
    if (decoded.kind === 'value') expect(decoded.offer.credential_issuer).toBe('https://issuer.example.com');

    const status = await fetch(`${base}/offerkit/v1/openid/offers/pre-authorized/${body.id}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ id: body.id, status: 'active' });
  });

  it('refuses a wrong token and leaves paths outside /offerkit to the host', async () => {
    const base = await listen(build());
    const refused = await fetch(`${base}/offerkit/v1/openid/offers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${'y'.repeat(48)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: ['org.iso.18013.5.1.mDL'] }),
    });
    expect(refused.status).toBe(401);
    const outside = await fetch(`${base}/v1/openid/offers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: ['org.iso.18013.5.1.mDL'] }),
    });
    expect(outside.status).toBe(404);
  });
});
