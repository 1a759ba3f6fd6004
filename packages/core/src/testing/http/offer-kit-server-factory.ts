import type { OfferKitHttpOptions } from '../../http/offer-kit-http-options.js';
import type { OfferIssuer } from '../../issuer/offer-issuer.js';

/** A running HTTP server that serves the OfferKit routes through one adapter. */
export interface OfferKitServer {
  /**
   * Absolute URL of the mount point, without a trailing slash, e.g. `http://127.0.0.1:41234/offers-api`.
   * `${baseUrl}/v1/openid/offers` MUST reach the OfferKit routes.
   */
  baseUrl: string;
  /** Stops the server. MUST resolve only after it stopped listening. */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server for one adapter around `issuer`, passing `options` to the adapter unchanged (e.g.
 * `app.use('/offers-api', createOfferKitRouter(issuer, options))`, then `app.listen(0, '127.0.0.1')`). Requests
 * that no OfferKit route answers MUST reach the framework's own 404.
 */
export type OfferKitServerFactory = (
  issuer: OfferIssuer,
  options: OfferKitHttpOptions,
) => Promise<OfferKitServer>;
