import { createOfferKitRouter } from '@offerkit/adapter-express';
import { createOfferIssuer } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { createMemoryStores } from '@offerkit/store-memory';
import express from 'express';

/** Your Express app with OfferKit's routes under /offerkit. `token`: a secret of at least 32 bytes. */
export function createApp({ token }) {
  const issuer = createOfferIssuer({
    credentialIssuer: 'https://issuer.example.com',
    credentialConfigurations: { 'org.iso.18013.5.1.mDL': { format: 'mso_mdoc' } },
    ...createMemoryStores(), // one process only; use createSqlStores({ db }) from @offerkit/store-sql in production
    crypto: createNodeCrypto(),
  });
  const app = express();
  app.use(express.json()); // optional: OfferKit works with or without your own body parser
  app.use('/offerkit', createOfferKitRouter(issuer, { auth: { tokens: [token] } }));
  return app;
}
