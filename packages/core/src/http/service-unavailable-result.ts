import type { HttpResult } from './http-result.js';
import { jsonResult } from './json-result.js';
import { UNAVAILABLE_MESSAGE } from './unavailable-message.js';

/**
 * The 503 `ServiceUnavailable` management envelope with `Retry-After: 1`. Adapters send it when answering
 * failed outside the handler (e.g. writing the response threw), so that path is JSON too and never an HTML page.
 */
export function serviceUnavailableResult(): HttpResult {
  return jsonResult(
    503,
    { code: 'ServiceUnavailable', message: UNAVAILABLE_MESSAGE, details: [] },
    { 'retry-after': '1' },
  );
}
