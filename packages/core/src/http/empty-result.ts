import type { HttpResult } from './http-result.js';
import { RESPONSE_HEADERS } from './response-headers.js';

/** An empty result (204) with the headers every OfferKit response carries. */
export function emptyResult(status: number): HttpResult {
  return { status, headers: { ...RESPONSE_HEADERS }, body: undefined };
}
