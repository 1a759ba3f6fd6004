import type { HttpRequestLike } from './http-request-like.js';
import type { HttpResult } from './http-result.js';

/** The framework-neutral OfferKit routes (DESIGN §6). Adapters only translate to and from it. */
export interface OfferKitHttpHandler {
  /**
   * Answers a request. Resolves with undefined when the path is not an OfferKit route (the adapter then passes the
   * request on). MUST NOT reject: every failure, including a storage outage or a bug, becomes a JSON result.
   */
  handle(request: HttpRequestLike): Promise<HttpResult | undefined>;
}
