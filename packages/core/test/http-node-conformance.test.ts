import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOfferKitHttpHandler, type HttpHeaders, type OfferStore, readBodyStream } from '@offerkit/core';
import {
  createNaiveOfferStore,
  type OfferKitServerFactory,
  offerKitHttpConformanceCases,
  type StoreFactory,
} from '@offerkit/core/testing';
import { describe, expect, it } from 'vitest';
import { createInTestStores } from './support/in-test-stores.js';

/** A third, framework-free adapter: plain node:http around the neutral handler, mounted under /api. */
const serveNodeHttp: OfferKitServerFactory = async (issuer, options) => {
  const handler = createOfferKitHttpHandler(issuer, options);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    void handler
      .handle({
        method: req.method ?? 'GET',
        path: url.pathname.slice('/api'.length),
        headers: distinct(req),
        body: { kind: 'raw', read: (limit) => readBodyStream(req, limit, req.headers['content-length']) },
      })
      .then((result) => {
        if (result === undefined) {
          res.statusCode = 404;
          res.end('not found');
          return;
        }
        res.writeHead(result.status, result.headers);
        res.end(result.body);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

function distinct(req: IncomingMessage): HttpHeaders {
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values !== undefined) out[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

const stores: StoreFactory = async () => createInTestStores();

describe('node:http × in-test stores: HTTP conformance', () => {
  for (const c of offerKitHttpConformanceCases({ stores, serve: serveNodeHttp }))
    it(c.name, c.run, c.timeoutMs);
});

describe('the HTTP kit has teeth', () => {
  const naive: StoreFactory = async () => {
    const inner = createInTestStores();
    const offerStore: OfferStore = createNaiveOfferStore(inner.offerStore, { delayMs: 1 });
    return { offerStore, userStore: inner.userStore };
  };
  const cases = offerKitHttpConformanceCases({
    stores: naive,
    serve: serveNodeHttp,
    parallelRedemptions: 50,
    parallelWrongTxCodes: 50,
  });
  for (const name of ['race: 50 parallel POST /token', 'race: 50 parallel wrong tx codes']) {
    it(`fails the "${name}" case on a read-then-write store`, async () => {
      const c = cases.find((candidate) => candidate.name.startsWith(name));
      expect(c).toBeDefined();
      await expect(c!.run()).rejects.toThrow();
    });
  }
});
