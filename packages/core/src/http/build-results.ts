import { ERROR_TABLE } from '../errors/error-code.js';
import { isOfferKitError } from '../errors/is-offer-kit-error.js';
import type { ErrorDetail } from '../errors/offer-kit-error.js';
import type { HttpResult } from './http-result.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable';

/** A JSON result with the headers every OfferKit response carries. */
export function jsonResult(
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): HttpResult {
  return {
    status,
    headers: {
      'content-type': JSON_TYPE,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extraHeaders,
    },
    body: JSON.stringify(body),
  };
}

/** An empty result (204). */
export function emptyResult(status: number): HttpResult {
  return {
    status,
    headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    body: undefined,
  };
}

/**
 * Maps any thrown value to MATTR's `{ code, message, details }` envelope. Only an `OfferKitError` below 500 shows
 * its message and details; an outage or an unexpected error becomes a generic 503 (or 500 for `internal`) so no
 * driver text or stack can leak. `report` receives the unexpected ones.
 */
export function managementErrorResult(error: unknown, report: (error: unknown) => void): HttpResult {
  if (isOfferKitError(error) && error.status < 500) {
    const details: ErrorDetail[] = Array.isArray(error.details) ? error.details : [];
    const headers: Record<string, string> = {};
    if (error.status === 401) headers['www-authenticate'] = 'Bearer';
    return jsonResult(
      error.status,
      { code: ERROR_TABLE[error.code]?.envelope ?? 'BadRequest', message: error.message, details },
      headers,
    );
  }
  report(error);
  if (isOfferKitError(error) && error.code === 'internal') {
    return jsonResult(500, { code: 'InternalServerError', message: 'Internal server error', details: [] });
  }
  return jsonResult(
    503,
    { code: 'ServiceUnavailable', message: UNAVAILABLE_MESSAGE, details: [] },
    { 'retry-after': '1' },
  );
}

/** An RFC 6749 §5.2 error result: `{ error, error_description }`, `no-store`, `Pragma: no-cache`. */
export function oauthErrorResult(
  status: number,
  error: string,
  description: string | undefined,
  extraHeaders: Record<string, string> = {},
): HttpResult {
  const body = description === undefined ? { error } : { error, error_description: description };
  return jsonResult(status, body, { pragma: 'no-cache', ...extraHeaders });
}

/**
 * Maps any thrown value to an RFC 6749 error. Outages and unexpected errors become 503 `server_error` with a
 * generic description; `report` receives them.
 */
export function oauthErrorFromThrown(error: unknown, report: (error: unknown) => void): HttpResult {
  if (isOfferKitError(error) && error.status < 500) {
    const entry = ERROR_TABLE[error.code];
    return oauthErrorResult(error.status, entry?.oauth ?? 'invalid_request', error.message);
  }
  report(error);
  if (isOfferKitError(error) && error.code === 'internal') {
    return oauthErrorResult(500, 'server_error', 'Internal server error');
  }
  return oauthErrorResult(503, 'server_error', UNAVAILABLE_MESSAGE, { 'retry-after': '1' });
}
