import { createServer } from 'node:http';
import { createOfferIssuer } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { createSqlStores } from '@offerkit/store-sql';
import { createApp } from './create-app.js';
import { createDemoTokenMinter } from './create-demo-token-minter.js';
import { credentialConfigurations } from './credential-configurations.js';
import { openDatabase } from './open-database.js';

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Opens the database, starts the HTTP server and builds the issuers. Resolves once the server listens.
 * @param {import('./read-config.js').IssuerConfig} config
 * @param {{ log?: (line: string) => void }} [options] where to report events and sweep failures [console.log]
 */
export async function startIssuer(config, { log = console.log } = {}) {
  const db = await openDatabase(config.sqliteFile);
  const server = createServer();
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, () => {
        server.off('error', reject);
        resolve(undefined);
      });
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = (config.issuerUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');

  const stores = createSqlStores({ db });
  const crypto = createNodeCrypto();
  /** @type {import('@offerkit/core').OfferIssuerOptions} */
  const common = {
    credentialIssuer: url,
    credentialConfigurations,
    // MATTR VII allows only mso_mdoc on the pre-authorized route (OfferKit's default); this demo allows both.
    preAuthorizedFormats: ['mso_mdoc', 'dc+sd-jwt'],
    ...stores,
    crypto,
    publicBaseUrl: url,
    onEvent: (event) => log(`event ${JSON.stringify(event)}`),
  };
  let issuer;
  let referenceIssuer;
  try {
    issuer = createOfferIssuer({ ...common, delivery: 'value' });
    referenceIssuer = createOfferIssuer({ ...common, delivery: 'reference' });
  } catch (error) {
    server.close();
    await db.destroy();
    throw error;
  }
  const minter = createDemoTokenMinter();
  server.on(
    'request',
    createApp({ issuer, referenceIssuer, token: config.token, issueAccessToken: minter.issueAccessToken }),
  );

  const sweep = setInterval(() => {
    issuer.sweepExpiredOffers().catch((error) => log(`sweep failed: ${error.message}`));
  }, SWEEP_INTERVAL_MS);
  sweep.unref();

  let closing;
  return {
    url,
    port,
    server,
    issuer,
    /** Demo access tokens minted so far (token → redemption). */
    accessTokens: minter.tokens,
    /** Stops accepting connections, waits for open requests, then closes the database. Idempotent. */
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
        server.closeIdleConnections();
        await closed;
        await db.destroy();
      })();
      return closing;
    },
  };
}
