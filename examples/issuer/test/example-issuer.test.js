import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCredentialOfferUri } from '@offerkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCurl } from './support/run-curl.js';
import { spawnIssuer } from './support/spawn-issuer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** @param {string} uri */
function decodeByValue(uri) {
  const decoded = decodeCredentialOfferUri(uri);
  if (decoded.kind !== 'value') throw new Error(`expected an offer by value: ${uri}`);
  return decoded.offer;
}

describe('examples/issuer (npm start)', () => {
  /** @type {string} */
  let dir;
  /** @type {string} */
  let sqliteFile;
  /** @type {Awaited<ReturnType<typeof spawnIssuer>>} */
  let app;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'offerkit-example-'));
    // A folder that does not exist yet: the example must create it.
    sqliteFile = join(dir, 'nested', 'data', 'offerkit.sqlite');
    app = await spawnIssuer({ PORT: '0', OFFERKIT_SQLITE: sqliteFile });
  });

  afterAll(async () => {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the URL, a generated token of at least 32 bytes and a curl for each route', () => {
    expect(app.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(app.url).not.toBe('http://localhost:0');
    expect(Buffer.from(app.token, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(app.output()).toContain('generated');
    expect(app.output()).toContain(`${app.url}/console/`);
    expect(app.curls).toHaveLength(5);
    for (const curl of app.curls) expect(curl).toContain(app.url);
    expect(existsSync(sqliteFile)).toBe(true);
  });

  it('curl 1 creates an authorization-code offer for UniversityDegree', async () => {
    const response = await runCurl(app.curls[0] ?? '');
    expect(response.status).toBe(201);
    const body = /** @type {{ uri: string }} */ (response.json());
    expect(Object.keys(body)).toEqual(['uri']);
    expect(body.uri.startsWith('openid-credential-offer://?credential_offer=')).toBe(true);
    expect(decodeByValue(body.uri)).toEqual({
      credential_issuer: app.url,
      credential_configuration_ids: ['UniversityDegree'],
    });
  });

  it('curls 2–5: create with tx code, read status, redeem at /token, delete', async () => {
    const created = await runCurl(app.curls[1] ?? '');
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const offer =
      /** @type {{ id: string, userId: string, uri: string, expiresAt: string, transactionCode: string }} */ (
        created.json()
      );
    expect(offer.id).toMatch(UUID);
    expect(offer.userId).toMatch(UUID);
    expect(offer.transactionCode).toMatch(/^\d{6}$/);
    const lifetime = Date.parse(offer.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(280_000);
    expect(lifetime).toBeLessThanOrEqual(300_000);
    const decoded = decodeByValue(offer.uri);
    expect(decoded.credential_configuration_ids).toEqual(['org.iso.18013.5.1.mDL']);
    const grant = decoded.grants?.[PRE_AUTHORIZED_GRANT];
    expect(grant?.tx_code).toEqual({
      input_mode: 'numeric',
      length: 6,
      description: 'Enter the code we sent you',
    });
    const code = grant?.['pre-authorized_code'] ?? '';
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const status = await runCurl(app.curls[2] ?? '', { OFFER_ID: offer.id });
    expect(status.status).toBe(200);
    expect(status.json()).toMatchObject({
      id: offer.id,
      userId: offer.userId,
      credentials: ['org.iso.18013.5.1.mDL'],
      status: 'active',
      transactionCodeRequired: true,
      failedAttempts: 0,
      deliveredByReference: false,
    });
    expect(status.text).not.toContain(code);
    expect(status.text).not.toContain(offer.transactionCode);

    const token = await runCurl(app.curls[4] ?? '', { CODE: code, TX_CODE: offer.transactionCode });
    expect(token.status).toBe(200);
    expect(token.headers.get('cache-control')).toBe('no-store');
    expect(token.json()).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    expect(/** @type {{ access_token: string }} */ (token.json()).access_token).toMatch(
      /^[A-Za-z0-9_-]{43}$/,
    );
    const replay = await runCurl(app.curls[4] ?? '', { CODE: code, TX_CODE: offer.transactionCode });
    expect(replay.status).toBe(400);
    expect(replay.json()).toMatchObject({ error: 'invalid_grant' });
    const redeemed = await runCurl(app.curls[2] ?? '', { OFFER_ID: offer.id });
    expect(redeemed.json()).toMatchObject({ status: 'redeemed' });

    const second = /** @type {{ id: string }} */ ((await runCurl(app.curls[1] ?? '')).json());
    const deleted = await runCurl(app.curls[3] ?? '', { OFFER_ID: second.id });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await runCurl(app.curls[3] ?? '', { OFFER_ID: second.id })).status).toBe(404);
    expect((await runCurl(app.curls[2] ?? '', { OFFER_ID: second.id })).json()).toMatchObject({
      status: 'revoked',
    });
  });

  it('refuses a wrong management token with 401 and WWW-Authenticate', async () => {
    const response = await runCurl((app.curls[0] ?? '').replace(app.token, 'x'.repeat(43)));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.json()).toMatchObject({ code: 'Unauthorized' });
  });

  it('delivers by reference under /by-reference, and the wallet can fetch the offer', async () => {
    const response = await fetch(`${app.url}/by-reference/v1/openid/offers/pre-authorized`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: ['UniversityDegree'] }),
    });
    expect(response.status).toBe(201);
    const { id, uri } = /** @type {{ id: string, uri: string }} */ (await response.json());
    const decoded = decodeCredentialOfferUri(uri);
    if (decoded.kind !== 'reference') throw new Error(`expected a reference: ${uri}`);
    expect(decoded.credentialOfferUri.startsWith(`${app.url}/credential-offer/`)).toBe(true);
    const fetched = await fetch(decoded.credentialOfferUri);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('cache-control')).toBe('no-store');
    const offer = await fetched.json();
    expect(offer.credential_configuration_ids).toEqual(['UniversityDegree']);
    expect(offer.grants[PRE_AUTHORIZED_GRANT]['pre-authorized_code']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const status = await fetch(`${app.url}/v1/openid/offers/pre-authorized/${id}`, {
      headers: { authorization: `Bearer ${app.token}` },
    });
    expect(await status.json()).toMatchObject({ status: 'active', deliveredByReference: true });
  });

  it('serves the console page and the bundled qrcode module', async () => {
    const page = await fetch(`${app.url}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).not.toContain(app.token);
    const bundle = await fetch(`${app.url}/console/vendor/qrcode.js`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toContain('export');
  });

  it('shuts down cleanly on SIGTERM, and a restart on the same file keeps the offers', async () => {
    const created = /** @type {{ id: string }} */ ((await runCurl(app.curls[1] ?? '')).json());
    expect(await app.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(app.output()).toMatch(/SIGTERM: closing the server and the database…\nstopped\n$/);
    expect(app.errors()).toBe('');

    const token = 'restart-token-'.padEnd(40, 'x');
    const again = await spawnIssuer({ PORT: '0', OFFERKIT_SQLITE: sqliteFile, OFFERKIT_TOKEN: token });
    try {
      expect(again.token).toBe(token);
      expect(again.output()).not.toContain('generated');
      const status = await runCurl(again.curls[2] ?? '', { OFFER_ID: created.id });
      expect(status.status).toBe(200);
      expect(status.json()).toMatchObject({ id: created.id, status: 'active' });
    } finally {
      expect(await again.stop('SIGINT')).toEqual({ code: 0, signal: null });
    }
    expect(again.output()).toMatch(/SIGINT: closing the server and the database…\nstopped\n$/);
  });

  it('closes an idle keep-alive connection instead of waiting for it', async () => {
    const again = await spawnIssuer({ PORT: '0', OFFERKIT_SQLITE: sqliteFile });
    // fetch keeps the connection open (keep-alive) after this request.
    await (await fetch(`${again.url}/console/`)).text();
    const started = Date.now();
    expect(await again.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('exits with status 1 and one line when the port is taken', async () => {
    const first = await spawnIssuer({ PORT: '0', OFFERKIT_SQLITE: sqliteFile });
    const port = new URL(first.url).port;
    try {
      await expect(spawnIssuer({ PORT: port, OFFERKIT_SQLITE: join(dir, 'other.sqlite') })).rejects.toThrow(
        /exited before its banner[\s\S]*Could not start the example issuer: listen EADDRINUSE/,
      );
    } finally {
      await first.stop('SIGTERM');
    }
  });
});
