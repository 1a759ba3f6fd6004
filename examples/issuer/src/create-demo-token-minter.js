import { randomBytes } from 'node:crypto';

/**
 * DEMO ONLY — NOT AN AUTHORIZATION SERVER. Mints opaque random access tokens after a successful redemption and
 * keeps them in an in-memory Map (lost on restart, one process only, never expired or revoked). A real issuer
 * hands the redemption to its authorization server, which binds the token to the wallet (DPoP), gives it a
 * lifetime and returns `c_nonce` or `authorization_details` as its credential endpoint needs.
 */
export function createDemoTokenMinter() {
  /** @type {Map<string, import('@offerkit/core').Redemption>} */
  const tokens = new Map();
  return {
    tokens,
    /**
     * @param {import('@offerkit/core').Redemption} redemption
     * @returns {Promise<import('@offerkit/core').AccessTokenResponse>}
     */
    async issueAccessToken(redemption) {
      const accessToken = randomBytes(32).toString('base64url');
      tokens.set(accessToken, redemption);
      return { access_token: accessToken, token_type: 'Bearer', expires_in: 300 };
    },
  };
}
