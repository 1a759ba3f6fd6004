/** A framework-neutral HTTP response produced by `OfferKitHttpHandler.handle`. */
export interface HttpResult {
  status: number;
  /** Response headers with lower-cased names. */
  headers: Record<string, string>;
  /** Serialized body (JSON text), or undefined for an empty body (204). */
  body: string | undefined;
}
