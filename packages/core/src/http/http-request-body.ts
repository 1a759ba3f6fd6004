/**
 * How the neutral handler gets a request body.
 * - `parsed`: a host body parser (`express.json()`, a Koa body parser, ...) already consumed the stream; `value` is
 *   what it produced (an object, a string, a `Uint8Array`, ...). The handler re-checks it as strictly as its own parser.
 * - `raw`: nobody read the body yet; `read(limit)` MUST resolve with at most `limit` bytes and MUST reject with
 *   `OfferKitError('payload_too_large')` as soon as the body is longer (see `readBodyStream`).
 */
export type HttpRequestBody =
  | { readonly kind: 'parsed'; readonly value: unknown }
  | { readonly kind: 'raw'; read(limit: number): Promise<Uint8Array> };
