import type { HttpResult } from './http-result.js';
import { RESPONSE_HEADERS } from './response-headers.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON result with the headers every OfferKit response carries. */
export function jsonResult(
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): HttpResult {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, ...RESPONSE_HEADERS, ...extraHeaders },
    body: JSON.stringify(body),
  };
}
