import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOfferKitRouter } from '@offerkit/adapter-express';
import { createOfferKitMiddleware } from '@offerkit/adapter-koa';
import type { AccessTokenResponse, OfferIssuer, Redemption } from '@offerkit/core';
import express from 'express';
import Koa from 'koa';

/** The adapters under test. */
export type AdapterName = 'express' | 'koa';

/** Both adapters, in report order. */
export const ADAPTER_NAMES: readonly AdapterName[] = ['express', 'koa'];

/** Management bearer token of the suite (48 characters). */
export const MANAGEMENT_TOKEN = 'reliability-token-0123456789abcdefghijklmnopqrstu';

/** A running server on 127.0.0.1. */
export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Options of `startOfferKitServer`. */
export interface ServerOptions {
  issueAccessToken?: (redemption: Redemption) => Promise<AccessTokenResponse>;
  onError?: (error: unknown) => void;
}

/**
 * Serves `issuer` through the real adapter on an ephemeral 127.0.0.1 port. Nothing else is mounted, so a
 * request outside the OfferKit routes gets the framework's own 404.
 */
export async function startOfferKitServer(
  adapter: AdapterName,
  issuer: OfferIssuer,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const httpOptions = {
    auth: { tokens: [MANAGEMENT_TOKEN] },
    ...(options.issueAccessToken === undefined ? {} : { issueAccessToken: options.issueAccessToken }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  };
  let server: Server;
  if (adapter === 'express') {
    const app = express();
    app.use(createOfferKitRouter(issuer, httpOptions));
    server = createServer(app);
  } else {
    const app = new Koa();
    app.use(createOfferKitMiddleware(issuer, httpOptions));
    server = createServer(app.callback());
  }
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
