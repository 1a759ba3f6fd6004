import type { Redemption } from '../issuer/offer-issuer.js';
import type { OfferCrypto } from '../ports/offer-crypto.js';
import type { AccessTokenResponse } from './access-token-response.js';
import type { OfferKitHttpAuth } from './offer-kit-http-auth.js';

/** Options of `createOfferKitHttpHandler` and of both adapters. */
export interface OfferKitHttpOptions {
  /** Required bearer authentication of the management routes. */
  auth: OfferKitHttpAuth;
  /** Request body cap in bytes [`DEFAULT_BODY_LIMIT`, 32 KiB]; longer bodies get 413. */
  bodyLimit?: number;
  /**
   * Mints the access token after a successful redemption. When given, `POST /token` is mounted; without it the
   * token route is not OfferKit's (the request falls through to the host). It runs after the offer was consumed,
   * so a throw answers 503 `server_error` and the offer stays consumed (fail closed).
   */
  issueAccessToken?: (redemption: Redemption) => Promise<AccessTokenResponse>;
  /** Digests and constant-time compare for bearer tokens [`createPortableCrypto()`]. */
  crypto?: OfferCrypto;
  /**
   * Receives every unexpected error that became a 5xx (storage outage, a throwing `issueAccessToken`, a bug), for
   * the host's logs. The response never contains it. Exceptions it throws are swallowed.
   */
  onError?: (error: unknown) => void;
  /**
   * Serves the OpenAPI 3.1 document of these routes at `GET /openapi.json` (public) when true or when given a
   * `serverUrl` for its `servers` entry [off].
   */
  openApi?: boolean | { serverUrl?: string };
}
