import type { HttpRequestLike, HttpResult, OfferIssuer, OfferKitHttpOptions } from '@offerkit/core';
import {
  createOfferKitHttpHandler,
  headersFromDistinct,
  readBodyStream,
  serviceUnavailableResult,
} from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import type { NextFunction, Request, Response } from 'express';
import { Router } from 'express';

/**
 * Creates an Express 5 `Router` serving the OfferKit routes (DESIGN §6). Mount it under any prefix:
 * `app.use('/offers-api', createOfferKitRouter(issuer, { auth: { tokens: [process.env.OFFERKIT_TOKEN] } }))`.
 *
 * It installs no global body parser: when the host's `express.json()` / `express.urlencoded()` already parsed a
 * body, that value is re-checked and used; otherwise the raw body is read with the `bodyLimit` cap. Requests that
 * match no OfferKit route fall through with `next()`. Every OfferKit response is JSON; no error of these routes
 * reaches Express's HTML error page. Options are validated at once (see `createOfferKitHttpHandler`); the default
 * `crypto` is `createNodeCrypto()`.
 */
export function createOfferKitRouter(issuer: OfferIssuer, options: OfferKitHttpOptions): Router {
  const handler = createOfferKitHttpHandler(issuer, {
    ...options,
    crypto: options?.crypto ?? createNodeCrypto(),
  });
  const router = Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    handler.handle(toRequestLike(req)).then((result) => {
      if (result === undefined) next();
      else sendResult(res, result);
    }, next);
  });
  // Only reached when writing the response itself failed; answers JSON instead of Express's HTML page.
  router.use((_error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendResult(res, serviceUnavailableResult());
  });
  return router;
}

function toRequestLike(req: Request): HttpRequestLike {
  const body: HttpRequestLike['body'] =
    req.body === undefined
      ? { kind: 'raw', read: (limit) => readBodyStream(req, limit, req.headers['content-length']) }
      : { kind: 'parsed', value: req.body };
  return { method: req.method, path: req.path, headers: headersFromDistinct(req.headersDistinct), body };
}

function sendResult(res: Response, result: HttpResult): void {
  res.statusCode = result.status;
  for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
  if (result.body === undefined) res.end();
  else res.end(result.body);
}
