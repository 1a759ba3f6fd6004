import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import type { OfferKitServerFactory } from '@offerkit/core/testing';
import { offerKitHttpConformanceCases } from '@offerkit/core/testing';
import { createMemoryStores } from '@offerkit/store-memory';
import { createSqlStores, migrateOfferKit } from '@offerkit/store-sql';
import { openStoreVariants } from '@offerkit/test-engines';
import Koa from 'koa';
import { afterAll, describe, it } from 'vitest';
import { createOfferKitMiddleware } from '../src/index.js';

const PREFIX = '/offers-api';

function serveKoa(hostParser: boolean): OfferKitServerFactory {
  return async (issuer, options) => {
    const app = new Koa();
    if (hostParser) {
      // A careful host maps parser failures to 4xx; without onError, co-body's zlib error on a corrupt gzip body
      // has no status and Koa answers it with 500 before OfferKit ever runs.
      app.use(
        bodyParser({
          onError: (error, ctx) => {
            const status = (error as { status?: unknown }).status;
            ctx.throw(typeof status === 'number' && status < 500 ? status : 400, 'Malformed request body');
          },
        }),
      );
    }
    app.use(createOfferKitMiddleware(issuer, { ...options, prefix: PREFIX }));
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const { port } = server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}${PREFIX}`,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  };
}

const variants = await openStoreVariants({ createMemoryStores, createSqlStores, migrateOfferKit });
afterAll(async () => {
  for (const variant of variants) await variant.close();
});

for (const variant of variants) {
  describe(`koa × ${variant.name}: HTTP conformance`, () => {
    for (const c of offerKitHttpConformanceCases({ stores: variant.factory, serve: serveKoa(false) })) {
      it(c.name, c.run, c.timeoutMs);
    }
  });
}

describe('koa × memory, host installed @koa/bodyparser: HTTP conformance', () => {
  const stores = variants[0]!.factory;
  for (const c of offerKitHttpConformanceCases({ stores, serve: serveKoa(true), hostParsesBody: true })) {
    it(c.name, c.run, c.timeoutMs);
  }
});
