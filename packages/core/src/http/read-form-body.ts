import { OfferKitError } from '../errors/offer-kit-error.js';
import { assertIdentityEncoding } from './assert-identity-encoding.js';
import { decodeUtf8Body } from './decode-utf8-body.js';
import type { HttpRequestLike } from './http-request-like.js';
import { isUtf8MediaType } from './is-utf8-media-type.js';
import { parseMediaType } from './parse-media-type.js';

const encoder = new TextEncoder();

/**
 * Reads an `application/x-www-form-urlencoded` token request (RFC 6749 §3.2) into a map of parameters.
 * A repeated parameter or a bracketed name (`tx_code[]`, `a[b]`) is `invalid_request`, never an array or object.
 * Accepts what a host form parser produced (strings only) and re-checks it the same way. Throws `OfferKitError`
 * (`invalid_request` or `payload_too_large`).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 */
export async function readFormBody(request: HttpRequestLike, limit: number): Promise<Map<string, string>> {
  if (
    !isUtf8MediaType(parseMediaType(request.headers['content-type']), 'application/x-www-form-urlencoded')
  ) {
    throw new OfferKitError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  assertIdentityEncoding(request, 'invalid_request');
  const { body } = request;
  if (body.kind === 'raw') return parseFormText(decodeUtf8Body(await body.read(limit), 'invalid_request'));
  if (body.value instanceof Uint8Array) {
    if (body.value.byteLength > limit) throw tooLarge(limit);
    return parseFormText(decodeUtf8Body(body.value, 'invalid_request'));
  }
  if (typeof body.value === 'string') {
    if (encoder.encode(body.value).byteLength > limit) throw tooLarge(limit);
    return parseFormText(body.value);
  }
  if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) {
    throw invalid('The token request body is malformed');
  }
  const parameters = new Map<string, string>();
  for (const name of Object.keys(body.value)) {
    const value = (body.value as Record<string, unknown>)[name];
    assertPlainName(name);
    if (Array.isArray(value)) throw repeated(name);
    if (typeof value !== 'string') throw invalid(`Parameter ${name.slice(0, 64)} must be a single string`);
    parameters.set(name, value);
  }
  return parameters;
}

function parseFormText(text: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = decodeComponent(equals === -1 ? '' : pair.slice(equals + 1));
    assertPlainName(name);
    if (parameters.has(name)) throw repeated(name);
    parameters.set(name, value);
  }
  return parameters;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    throw invalid('The token request body is not valid form encoding');
  }
}

function assertPlainName(name: string): void {
  // qs-style names would turn a parameter into an array or object in other parsers; refuse them outright.
  if (name.includes('[') || name.includes(']')) throw invalid('Parameter names must not contain brackets');
}

function repeated(name: string): OfferKitError {
  return invalid(`Parameter ${name.slice(0, 64)} must not be provided more than once`);
}

function invalid(message: string): OfferKitError {
  return new OfferKitError('invalid_request', message);
}

function tooLarge(limit: number): OfferKitError {
  return new OfferKitError('payload_too_large', `Request body exceeds ${limit} bytes`);
}
