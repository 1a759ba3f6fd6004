import assert from 'node:assert/strict';
import type { HttpReply } from './http-reply.js';

/** What a conformance case expects of an error response. */
export interface ExpectedError {
  status: number;
  /** MATTR envelope `code` (management routes). */
  envelope?: string;
  /** RFC 6749 `error` (public routes). */
  oauth?: string;
  /** Exact `WWW-Authenticate` value. */
  wwwAuthenticate?: string;
  /** Exact `Allow` value. */
  allow?: string;
}

/** Asserts a JSON response that is never HTML, never a stack and never a 5xx unless expected. */
export function assertJsonReply(reply: HttpReply, status: number): void {
  assert.equal(reply.status, status, `expected ${status}, got ${reply.status}: ${reply.text.slice(0, 300)}`);
  assert.match(reply.headers.get('content-type') ?? '', /^application\/json/, 'content type must be JSON');
  assert.doesNotMatch(reply.text, /<html|<!doctype|<body/i, 'body must never be HTML');
  assert.doesNotMatch(reply.text, /\n\s+at |node:internal|\.js:\d+:\d+/, 'body must never carry a stack');
  assert.notEqual(reply.json, undefined, 'body must be JSON');
  assert.equal(reply.headers.get('cache-control'), 'no-store');
  assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
}

/** Asserts a MATTR envelope or RFC 6749 error response with the expected codes and headers. */
export function assertErrorReply(reply: HttpReply, expected: ExpectedError): void {
  assert.ok(expected.status < 500 || reply.status === expected.status, 'no unexpected 5xx');
  assertJsonReply(reply, expected.status);
  assert.equal(reply.headers.get('cache-control'), 'no-store');
  const body = reply.json as Record<string, unknown>;
  if (expected.envelope !== undefined) {
    assert.deepEqual(Object.keys(body).sort(), ['code', 'details', 'message']);
    assert.equal(body.code, expected.envelope);
    assert.equal(typeof body.message, 'string');
    assert.ok(Array.isArray(body.details), 'details must be an array');
    for (const detail of body.details as Array<Record<string, unknown>>) {
      assert.equal(typeof detail.msg, 'string');
      assert.equal(typeof detail.param, 'string');
      assert.ok(['body', 'params', 'headers', 'query', 'options'].includes(String(detail.location)));
    }
  }
  if (expected.oauth !== undefined) {
    assert.equal(body.error, expected.oauth);
    for (const key of Object.keys(body))
      assert.ok(['error', 'error_description'].includes(key), `extra member ${key}`);
    assert.equal(reply.headers.get('pragma'), 'no-cache');
  }
  if (expected.wwwAuthenticate !== undefined) {
    assert.equal(reply.headers.get('www-authenticate'), expected.wwwAuthenticate);
  }
  if (expected.allow !== undefined) assert.equal(reply.headers.get('allow'), expected.allow);
}

/** Snapshot of `Object.prototype`, to prove a request polluted nothing. */
export function snapshotPrototype(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}

/** Asserts `Object.prototype` is as in `before` and that no probe property appeared on plain objects. */
export function assertPrototypeUntouched(before: string): void {
  assert.equal(snapshotPrototype(), before, 'Object.prototype gained or lost properties');
  const probe = {} as Record<string, unknown>;
  for (const name of ['x', 'polluted', 'isAdmin'])
    assert.equal(probe[name], undefined, `({}).${name} is set`);
}
