import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOfferKitRouter } from '@offerkit/adapter-express';
import express from 'express';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the example's Express app:
 * - the OfferKit routes at the root: management (`/v1/openid/offers…`, bearer), `GET /credential-offer/{ref}`
 *   and `POST /token` (demo minter);
 * - the management routes again under `/by-reference`, backed by an issuer that delivers offers by reference
 *   (same stores, so status, delete, the by-reference GET and the token route work for both);
 * - the console page at `/console` (static files; it calls the management API like any other client).
 * @param {object} options
 * @param {import('@offerkit/core').OfferIssuer} options.issuer delivers by value
 * @param {import('@offerkit/core').OfferIssuer} options.referenceIssuer delivers by reference
 * @param {string} options.token management bearer token
 * @param {(redemption: import('@offerkit/core').Redemption) => Promise<import('@offerkit/core').AccessTokenResponse>} options.issueAccessToken
 */
export function createApp({ issuer, referenceIssuer, token, issueAccessToken }) {
  const app = express();
  app.disable('x-powered-by');
  app.get('/', (_req, res) => res.redirect(302, '/console/'));
  app.use('/console', (_req, res, next) => {
    // The page holds the management token: no inline script, no third-party origin, no framing.
    res.set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    res.set('Referrer-Policy', 'no-referrer');
    next();
  });
  app.get('/console/vendor/qrcode.js', (_req, res) => {
    res.sendFile(join(exampleDir, 'dist', 'vendor', 'qrcode.js'));
  });
  app.use('/console', express.static(join(exampleDir, 'public')));
  app.use('/by-reference', createOfferKitRouter(referenceIssuer, { auth: { tokens: [token] } }));
  app.use(createOfferKitRouter(issuer, { auth: { tokens: [token] }, issueAccessToken }));
  app.use((_req, res) => {
    res.status(404).json({ code: 'NotFound', message: 'Not found', details: [] });
  });
  return app;
}
