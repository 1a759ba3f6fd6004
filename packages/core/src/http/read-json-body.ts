import { OfferKitError } from '../errors/offer-kit-error.js';
import { assertIdentityEncoding } from './assert-identity-encoding.js';
import { assertJsonTextDepth } from './assert-json-text-depth.js';
import { assertSafeJsonValue } from './assert-safe-json-value.js';
import { decodeUtf8Body } from './decode-utf8-body.js';
import type { HttpRequestLike } from './http-request-like.js';
import { isUtf8MediaType } from './is-utf8-media-type.js';
import { parseMediaType } from './parse-media-type.js';

const encoder = new TextEncoder();

/**
 * Reads the JSON object body of a management request: `application/json` (optionally `charset=utf-8`) only,
 * no `Content-Encoding`, at most `limit` bytes, strict UTF-8 without BOM, one JSON object, bounded depth and no
 * prototype-reaching keys. Accepts a body a host parser already produced and re-checks it the same way.
 * Throws `OfferKitError` (`unsupported_media_type`, `payload_too_large` or `invalid_input`).
 */
export async function readJsonBody(
  request: HttpRequestLike,
  limit: number,
): Promise<Record<string, unknown>> {
  if (!isUtf8MediaType(parseMediaType(request.headers['content-type']), 'application/json')) {
    throw new OfferKitError('unsupported_media_type', 'Content-Type must be application/json', {
      details: [{ msg: 'Must be application/json', param: 'content-type', location: 'headers' }],
    });
  }
  assertIdentityEncoding(request);
  const { body } = request;
  let value: unknown;
  if (body.kind === 'raw') {
    value = parseJsonText(decodeUtf8Body(await body.read(limit), 'invalid_input'));
  } else if (body.value instanceof Uint8Array) {
    if (body.value.byteLength > limit) throw tooLarge(limit);
    value = parseJsonText(decodeUtf8Body(body.value, 'invalid_input'));
  } else if (typeof body.value === 'string') {
    // A host text parser ran first: treat its string exactly like the bytes it came from.
    if (encoder.encode(body.value).byteLength > limit) throw tooLarge(limit);
    if (body.value.startsWith('\uFEFF'))
      throw invalidBody('Request body must not start with a byte order mark');
    value = parseJsonText(body.value);
  } else {
    value = body.value;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidBody('Request body must be a JSON object');
  }
  assertSafeJsonValue(value);
  return value as Record<string, unknown>;
}

function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw invalidBody('Request body is empty');
  assertJsonTextDepth(text);
  try {
    return JSON.parse(text);
  } catch {
    throw invalidBody('Request body is not valid JSON');
  }
}

function invalidBody(message: string): OfferKitError {
  return new OfferKitError('invalid_input', message, {
    details: [{ msg: message, param: 'body', location: 'body' }],
  });
}

function tooLarge(limit: number): OfferKitError {
  return new OfferKitError('payload_too_large', `Request body exceeds ${limit} bytes`);
}
