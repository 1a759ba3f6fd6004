import { ERROR_TABLE } from '../errors/error-code.js';
import { isOfferKitError } from '../errors/is-offer-kit-error.js';
import type { ErrorDetail } from '../errors/offer-kit-error.js';
import type { HttpResult } from './http-result.js';
import { jsonResult } from './json-result.js';
import { serviceUnavailableResult } from './service-unavailable-result.js';

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
  return serviceUnavailableResult();
}
