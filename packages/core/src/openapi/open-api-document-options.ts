import type { PreAuthorizedOfferInputLimits } from '../schemas/pre-authorized-offer-input-schema.js';

/** Options of `createOpenApiDocument`. */
export interface OpenApiDocumentOptions {
  /** Base URL the routes are mounted under, emitted as the only `servers` entry. Absent: no `servers`. */
  serverUrl?: string;
  /**
   * Whether to document the public `POST /token` route [true]. The HTTP handler mounts it only when the host
   * passes `issueAccessToken`, so a host without it should pass false.
   */
  includeTokenRoute?: boolean;
  /**
   * The issuer's tx code length and expiry limits, so the pre-authorized body schema states the bounds this
   * issuer enforces [the `createOfferIssuer` defaults: tx code 6..10, expiry at most 600 s].
   */
  limits?: Partial<PreAuthorizedOfferInputLimits>;
}
