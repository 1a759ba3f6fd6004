import type { HttpRequestLike, HttpResult, OfferIssuer } from '@offerkit/core';
import {
  createOfferKitHttpHandler,
  headersFromDistinct,
  OfferKitError,
  readBodyStream,
  serviceUnavailableResult,
} from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import type { Context, Middleware, Next } from 'koa';
import type { OfferKitKoaOptions } from './offer-kit-koa-options.js';

/**
 * Creates Koa 3 middleware serving the OfferKit routes (DESIGN §6), optionally under `prefix`:
 * `app.use(createOfferKitMiddleware(issuer, { prefix: '/offers-api', auth: { tokens: [token] } }))`.
 *
 * When a host body parser already set `ctx.request.body`, that value is re-checked and used; otherwise the raw
 * body is read with the `bodyLimit` cap. Requests that match no OfferKit route go to `next()`. Every OfferKit
 * response is JSON and no error of these routes propagates to Koa's default error handler. Options are validated
 * at once (see `createOfferKitHttpHandler`); the default `crypto` is `createNodeCrypto()`.
 */
export function createOfferKitMiddleware(issuer: OfferIssuer, options: OfferKitKoaOptions): Middleware {
  const prefix = normalisePrefix(options?.prefix);
  const { prefix: _ignored, ...httpOptions } = options ?? ({} as OfferKitKoaOptions);
  const handler = createOfferKitHttpHandler(issuer, {
    ...httpOptions,
    crypto: httpOptions.crypto ?? createNodeCrypto(),
  });
  return async (ctx: Context, next: Next) => {
    const path = stripPrefix(ctx.path, prefix);
    if (path === undefined) return next();
    let result: HttpResult | undefined;
    try {
      result = await handler.handle(toRequestLike(ctx, path));
    } catch {
      // The handler answers its own errors; this is only a failure to build the request, still answered as JSON.
      result = serviceUnavailableResult();
    }
    if (result === undefined) return next();
    ctx.status = result.status;
    ctx.set(result.headers);
    ctx.body = result.body ?? null;
  };
}

function normalisePrefix(prefix: string | undefined): string {
  if (prefix === undefined) return '';
  if (typeof prefix !== 'string' || (prefix !== '' && !prefix.startsWith('/'))) {
    throw new OfferKitError('invalid_input', 'Invalid OfferKit Koa options: prefix must start with /', {
      details: [{ msg: 'Must start with /', param: 'prefix', location: 'options' }],
    });
  }
  return prefix.replace(/\/+$/, '');
}

function stripPrefix(path: string, prefix: string): string | undefined {
  if (prefix === '') return path;
  if (!path.startsWith(`${prefix}/`)) return undefined;
  return path.slice(prefix.length);
}

function toRequestLike(ctx: Context, path: string): HttpRequestLike {
  const parsed = (ctx.request as { body?: unknown }).body;
  const body: HttpRequestLike['body'] =
    parsed === undefined
      ? { kind: 'raw', read: (limit) => readBodyStream(ctx.req, limit, ctx.req.headers['content-length']) }
      : { kind: 'parsed', value: parsed };
  return { method: ctx.method, path, headers: headersFromDistinct(ctx.req.headersDistinct), body };
}
