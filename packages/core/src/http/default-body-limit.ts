/** Default request body cap of the OfferKit routes, in bytes (32 KiB). */
export const DEFAULT_BODY_LIMIT = 32 * 1024;
