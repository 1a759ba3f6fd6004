/**
 * Bearer authentication of the management routes.
 * - `tokens`: accepted tokens. Each MUST be at least 32 bytes of RFC 6750 `b64token` characters; the handler keeps
 *   only their SHA-256 digests and compares digests in constant time.
 * - `verify`: the host checks the presented token itself (e.g. against its own token service). It MUST NOT throw for
 *   a wrong token (return false); a throw is treated as an outage (503).
 */
export type OfferKitHttpAuth =
  | { readonly tokens: readonly string[] }
  | { verify(token: string): boolean | Promise<boolean> };
