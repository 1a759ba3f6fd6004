/**
 * The OfferKit route paths, relative to where the host mounts the routes. One table, because the issuer builds
 * `credential_offer_uri` values, the handler serves them and the OpenAPI document describes them.
 */
export const ROUTE_PATHS = {
  offers: '/v1/openid/offers',
  preAuthorized: '/v1/openid/offers/pre-authorized',
  credentialOffer: '/credential-offer',
  token: '/token',
  openApi: '/openapi.json',
} as const;
