import { createOfferKitMiddleware } from '@offerkit/adapter-koa';
import { createOfferIssuer } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { createMemoryStores } from '@offerkit/store-memory';
import Koa from 'koa';

/** Your Koa app with OfferKit's routes under /offerkit. `token`: a secret of at least 32 bytes. */
export function createApp({ token }) {
  const issuer = createOfferIssuer({
    credentialIssuer: 'https://issuer.example.com',
    credentialConfigurations: { 'org.iso.18013.5.1.mDL': { format: 'mso_mdoc' } },
    ...createMemoryStores(), // one process only; use createSqlStores({ db }) from @offerkit/store-sql in production
    crypto: createNodeCrypto(),
  });
  const app = new Koa();
  app.use(createOfferKitMiddleware(issuer, { auth: { tokens: [token] }, prefix: '/offerkit' }));
  return app;
}
