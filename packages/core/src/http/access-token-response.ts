/**
 * The token response a host's `issueAccessToken` returns (RFC 6749 §5.1). It is sent to the wallet as JSON with
 * `Cache-Control: no-store`; extra members (`c_nonce`, `authorization_details`, ...) are passed through.
 */
export interface AccessTokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  [member: string]: unknown;
}
