import type { HttpResult } from './http-result.js';
import { jsonResult } from './json-result.js';

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
