import { ERROR_TABLE } from '../errors/error-code.js';
import { isOfferKitError } from '../errors/is-offer-kit-error.js';
import type { HttpResult } from './http-result.js';
import { oauthErrorResult } from './oauth-error-result.js';
import { UNAVAILABLE_MESSAGE } from './unavailable-message.js';

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
