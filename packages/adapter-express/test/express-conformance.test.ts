import type { AddressInfo } from 'node:net';
import type { OfferKitServerFactory } from '@offerkit/core/testing';
import { offerKitHttpConformanceCases } from '@offerkit/core/testing';
import { createMemoryStores } from '@offerkit/store-memory';
import { createSqlStores, migrateOfferKit } from '@offerkit/store-sql';
import { openStoreVariants } from '@offerkit/test-engines';
import express from 'express';
import { afterAll, describe, it } from 'vitest';
import { createOfferKitRouter } from '../src/index.js';

const PREFIX = '/offers-api';

function serveExpress(hostParsers: boolean): OfferKitServerFactory {
  return async (issuer, options) => {
    const app = express();
    if (hostParsers) {
      app.use(express.json());
      app.use(express.urlencoded({ extended: true }));
    }
    app.use(PREFIX, createOfferKitRouter(issuer, options));
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
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
  describe(`express × ${variant.name}: HTTP conformance`, () => {
    for (const c of offerKitHttpConformanceCases({ stores: variant.factory, serve: serveExpress(false) })) {
      it(c.name, c.run, c.timeoutMs);
    }
  });
}

describe('express × memory, host installed express.json() and express.urlencoded(): HTTP conformance', () => {
  const stores = variants[0]!.factory;
  for (const c of offerKitHttpConformanceCases({ stores, serve: serveExpress(true), hostParsesBody: true })) {
    it(c.name, c.run, c.timeoutMs);
  }
});
