import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCredentialOfferUri } from '@offerkit/core';
import jsQR from 'jsqr';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIssuer } from '../src/start-issuer.js';

const CHROMIUM = process.env.OFFERKIT_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const screenshotTarget = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'docs',
  'console.png',
);
const TOKEN = 'console-browser-test-token-'.padEnd(48, 'k');
const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

// With CI=true the browser suite is required: a missing Chromium fails instead of skipping.
it.runIf(process.env.CI === 'true' && !hasChromium)('Chromium is installed (required with CI=true)', () => {
  expect.fail(`no Chromium at ${CHROMIUM}: install it with apt-get install -y chromium`);
});

/**
 * Decodes the QR code in a PNG screenshot (the whole page, as the user sees it).
 * @param {Buffer} png
 */
function decodeQr(png) {
  const image = PNG.sync.read(png);
  const found = jsQR(
    new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    image.width,
    image.height,
  );
  return found?.data;
}

describe.skipIf(!hasChromium)('console in headless Chromium', () => {
  /** @type {string} */
  let dir;
  /** @type {Awaited<ReturnType<typeof startIssuer>>} */
  let issuer;
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  /** @type {import('playwright-core').Page} */
  let page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'offerkit-console-'));
    issuer = await startIssuer(
      {
        port: 0,
        token: TOKEN,
        tokenGenerated: false,
        sqliteFile: join(dir, 'offerkit.sqlite'),
        issuerUrl: undefined,
      },
      { log: () => {} },
    );
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 1000 },
      deviceScaleFactor: 1,
    });
  });

  afterAll(async () => {
    await context?.close();
    await issuer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await page?.close();
    page = await context.newPage();
    await page.goto(`${issuer.url}/console/`);
  });

  /** @param {string} token */
  async function useToken(token) {
    await page.fill('#token', token);
    await page.click('#token-save');
    await expect.poll(() => page.textContent('#token-state')).toBe('Token set for this tab.');
  }

  /** Clicks a create button and returns the API response the page received. @param {string} button @param {string} path */
  async function createThroughPage(button, path) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path),
      page.click(button),
    ]);
    return response;
  }

  it('creates a pre-authorized offer whose QR code, read from a screenshot, is the URI the API returned', async () => {
    await useToken(TOKEN);
    await page.selectOption('#pre-auth-credential', 'org.iso.18013.5.1.mDL');
    await page.fill('#tx-length', '6');
    await page.selectOption('#tx-mode', 'numeric');
    const response = await createThroughPage('#pre-auth-create', '/v1/openid/offers/pre-authorized');
    expect(response.status()).toBe(201);
    const created = await response.json();
    await expect.poll(() => page.getAttribute('#status', 'data-status')).toBe('active');
    expect(await page.textContent('#tx-code')).toBe(created.transactionCode);
    expect(await page.textContent('#offer-id')).toBe(created.id);
    expect(await page.textContent('#countdown')).toMatch(/^in [45]:\d\d$/);
    expect(await page.inputValue('#offer-uri')).toBe(created.uri);
    const decoded = decodeCredentialOfferUri(created.uri);
    expect(JSON.parse((await page.textContent('#offer-json')) ?? '')).toEqual(
      decoded.kind === 'value' ? decoded.offer : undefined,
    );

    const screenshot = await page.screenshot({ fullPage: true });
    expect(decodeQr(screenshot)).toBe(created.uri);
    if (process.env.OFFERKIT_UPDATE_SCREENSHOT === '1') writeFileSync(screenshotTarget, screenshot);

    // The token stays in this tab's session storage: not in the page, local storage or a cookie.
    expect(await page.content()).not.toContain(TOKEN);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe('{}');
    expect(await context.cookies()).toEqual([]);
  });

  it('shows a by-reference offer: the QR code is the credential_offer_uri link and the fetched offer is shown', async () => {
    await useToken(TOKEN);
    await page.selectOption('#pre-auth-credential', 'UniversityDegree');
    await page.uncheck('#tx-enabled');
    await page.check('input[name="delivery"][value="reference"]');
    const response = await createThroughPage(
      '#pre-auth-create',
      '/by-reference/v1/openid/offers/pre-authorized',
    );
    expect(response.status()).toBe(201);
    const created = await response.json();
    expect(created.transactionCode).toBeUndefined();
    await expect.poll(() => page.getAttribute('#status', 'data-status')).toBe('active');
    expect(await page.textContent('#tx-code')).toBe('none');
    expect(decodeQr(await page.screenshot({ fullPage: true }))).toBe(created.uri);
    await expect
      .poll(
        async () =>
          JSON.parse((await page.textContent('#offer-json')) ?? '{}').fetched?.credential_configuration_ids,
      )
      .toEqual(['UniversityDegree']);
  });

  it('keeps the densest by-value QR code readable (300-character non-ASCII tx code description)', async () => {
    await useToken(TOKEN);
    await page.fill('#tx-description', 'ä'.repeat(300));
    const response = await createThroughPage('#pre-auth-create', '/v1/openid/offers/pre-authorized');
    expect(response.status()).toBe(201);
    const created = await response.json();
    expect(created.uri.length).toBeGreaterThan(2000);
    await expect.poll(() => page.getAttribute('#status', 'data-status')).toBe('active');
    expect(decodeQr(await page.screenshot({ fullPage: true }))).toBe(created.uri);
  });

  it('follows the live status: a redemption at /token shows as redeemed', async () => {
    await useToken(TOKEN);
    const response = await createThroughPage('#pre-auth-create', '/v1/openid/offers/pre-authorized');
    const created = await response.json();
    await expect.poll(() => page.getAttribute('#status', 'data-status')).toBe('active');
    const decoded = decodeCredentialOfferUri(created.uri);
    if (decoded.kind !== 'value') throw new Error('expected an offer by value');
    const code = decoded.offer.grants?.[PRE_AUTHORIZED_GRANT]?.['pre-authorized_code'] ?? '';
    const token = await fetch(`${issuer.url}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: PRE_AUTHORIZED_GRANT,
        'pre-authorized_code': code,
        tx_code: created.transactionCode,
      }),
    });
    expect(token.status).toBe(200);
    await expect
      .poll(() => page.getAttribute('#status', 'data-status'), { timeout: 10_000 })
      .toBe('redeemed');
  });

  it('deletes the offer from the page: 204, then the status shows revoked', async () => {
    await useToken(TOKEN);
    const created = await (
      await createThroughPage('#pre-auth-create', '/v1/openid/offers/pre-authorized')
    ).json();
    await expect.poll(() => page.getAttribute('#status', 'data-status')).toBe('active');
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'DELETE'),
      page.click('#delete'),
    ]);
    expect(deleted.status()).toBe(204);
    expect(new URL(deleted.url()).pathname).toBe(`/v1/openid/offers/pre-authorized/${created.id}`);
    await expect.poll(() => page.getAttribute('#status', 'data-status')).toBe('revoked');
    expect(await page.isDisabled('#delete')).toBe(true);
    const status = await fetch(`${issuer.url}/v1/openid/offers/pre-authorized/${created.id}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await status.json()).toMatchObject({ status: 'revoked' });
  });

  it('creates an authorization-code offer whose QR code is the returned URI', async () => {
    await useToken(TOKEN);
    await page.fill('#request-parameters', '{"login_hint":"ada@example.com"}');
    const response = await createThroughPage('#auth-code-create', '/v1/openid/offers');
    expect(response.status()).toBe(201);
    const created = await response.json();
    await expect.poll(() => page.isVisible('#offer')).toBe(true);
    expect(await page.isVisible('#status')).toBe(false);
    expect(decodeQr(await page.screenshot({ fullPage: true }))).toBe(created.uri);
  });

  it('shows the 401 error for a bad token and no offer', async () => {
    await useToken('x'.repeat(48));
    const response = await createThroughPage('#pre-auth-create', '/v1/openid/offers/pre-authorized');
    expect(response.status()).toBe(401);
    await expect.poll(() => page.isVisible('#error')).toBe(true);
    expect(await page.textContent('#error')).toMatch(/^401 Unauthorized: /);
    expect(await page.isVisible('#offer')).toBe(false);
  });

  it('shows validation errors: bad claims JSON never leaves the page, oversized claims get the API 400', async () => {
    await useToken(TOKEN);
    await page.fill('#claims', '{ not json');
    await page.click('#pre-auth-create');
    await expect.poll(() => page.textContent('#error')).toMatch(/^Claims is not valid JSON/);
    // 17 KiB of claims: within the 32 KiB body cap, over the 16 KiB claims limit.
    await page.fill('#claims', JSON.stringify({ note: 'n'.repeat(17 * 1024) }));
    const response = await createThroughPage('#pre-auth-create', '/v1/openid/offers/pre-authorized');
    expect(response.status()).toBe(400);
    await expect.poll(() => page.textContent('#error')).toMatch(/^400 BadRequest: [\s\S]*claims/);
    expect(await page.isVisible('#offer')).toBe(false);
  });
});
