import type { HttpHeaders } from './http-headers.js';
import type { HttpRequestBody } from './http-request-body.js';

/** A framework-neutral HTTP request, as an adapter hands it to `OfferKitHttpHandler.handle`. */
export interface HttpRequestLike {
  /** Upper-case method, e.g. `POST`. */
  method: string;
  /**
   * Path relative to where the host mounted OfferKit, starting with `/`, still percent-encoded, without the query
   * string (OfferKit never reads the query).
   */
  path: string;
  /** Headers with lower-cased names. */
  headers: HttpHeaders;
  /** Access to the body; read only by routes that take one. */
  body: HttpRequestBody;
}
