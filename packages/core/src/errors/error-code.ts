/**
 * Every error OfferKit raises, with its HTTP status, the MATTR-style envelope code used on management routes
 * and the RFC 6749 error used on the token route. This table is the single source of that mapping.
 */
export const ERROR_TABLE = {
  invalid_input: { status: 400, envelope: 'BadRequest', oauth: 'invalid_request' },
  unknown_credential_configuration: { status: 400, envelope: 'BadRequest', oauth: 'invalid_request' },
  unsupported_credential_format: { status: 400, envelope: 'BadRequest', oauth: 'invalid_request' },
  unauthorized: { status: 401, envelope: 'Unauthorized', oauth: 'invalid_client' },
  not_found: { status: 404, envelope: 'NotFound', oauth: 'invalid_request' },
  method_not_allowed: { status: 405, envelope: 'MethodNotAllowed', oauth: 'invalid_request' },
  conflict: { status: 409, envelope: 'Conflict', oauth: 'server_error' },
  payload_too_large: { status: 413, envelope: 'PayloadTooLarge', oauth: 'invalid_request' },
  unsupported_media_type: { status: 415, envelope: 'UnsupportedMediaType', oauth: 'invalid_request' },
  invalid_request: { status: 400, envelope: 'BadRequest', oauth: 'invalid_request' },
  invalid_grant: { status: 400, envelope: 'BadRequest', oauth: 'invalid_grant' },
  invalid_tx_code: { status: 400, envelope: 'BadRequest', oauth: 'invalid_tx_code' },
  unsupported_grant_type: { status: 400, envelope: 'BadRequest', oauth: 'unsupported_grant_type' },
  unavailable: { status: 503, envelope: 'ServiceUnavailable', oauth: 'server_error' },
  internal: { status: 500, envelope: 'InternalServerError', oauth: 'server_error' },
} as const satisfies Record<string, { status: number; envelope: string; oauth: string }>;

/** The code of an `OfferKitError`. */
export type OfferKitErrorCode = keyof typeof ERROR_TABLE;
