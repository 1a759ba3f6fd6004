import { OfferKitError } from '../errors/offer-kit-error.js';
import type { HttpRequestLike } from './http-request-like.js';
import { singleHeader } from './single-header.js';

/** Refuses a compressed body: `Content-Encoding` other than `identity`. */
export function assertIdentityEncoding(
  request: HttpRequestLike,
  code: 'unsupported_media_type' | 'invalid_request' = 'unsupported_media_type',
): void {
  const encoding = request.headers['content-encoding'];
  if (encoding === undefined) return;
  const single = singleHeader(encoding);
  if (single !== undefined && single.trim().toLowerCase() === 'identity') return;
  throw new OfferKitError(code, 'Content-Encoding is not supported', {
    details: [{ msg: 'Compressed bodies are not accepted', param: 'content-encoding', location: 'headers' }],
  });
}
