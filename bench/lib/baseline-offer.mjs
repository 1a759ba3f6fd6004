import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { CREDENTIAL_ISSUER, LIFETIME_MS, PRE_AUTHORIZED_GRANT } from './workload.mjs';

/**
 * The hand-written baseline: what a careful developer writes with node:crypto to do the same job as
 * `createPreAuthorizedOffer` with a tx code and no userId, minus input validation:
 * a user id and an offer id (randomUUID), a user row, 32 random bytes as a base64url code, a 6-digit tx code
 * from randomInt, sha256(code), the tx code as HMAC-SHA256 keyed by the code (OfferKit's at-rest form), the
 * offer JSON, encodeURIComponent into the URI, a record in a Map, and the same result shape.
 */
export function createBaselineIssuer() {
  let offers = new Map();
  let users = new Map();
  return {
    /** Drops every stored offer and user (the benchmark bounds heap growth). */
    reset() {
      offers = new Map();
      users = new Map();
    },
    get size() {
      return offers.size;
    },
    /** Creates one offer; async like every other variant. */
    async createOffer(credentials, txLength = 6) {
      const now = Date.now();
      const userId = randomUUID();
      users.set(userId, { id: userId, claims: {}, createdAt: now, updatedAt: now });
      const id = randomUUID();
      const code = randomBytes(32).toString('base64url');
      const transactionCode = String(randomInt(0, 10 ** txLength)).padStart(txLength, '0');
      const offer = {
        credential_issuer: CREDENTIAL_ISSUER,
        credential_configuration_ids: credentials,
        grants: {
          [PRE_AUTHORIZED_GRANT]: {
            'pre-authorized_code': code,
            tx_code: { length: txLength, input_mode: 'numeric' },
          },
        },
      };
      const uri = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;
      const expiresAt = now + LIFETIME_MS;
      offers.set(id, {
        id,
        userId,
        codeHash: createHash('sha256').update(code).digest('base64url'),
        txCodeMac: createHmac('sha256', code).update(transactionCode).digest('base64url'),
        credentials,
        createdAt: now,
        expiresAt,
        attempts: 0,
        consumedAt: null,
      });
      return { id, userId, uri, expiresAt: new Date(expiresAt).toISOString(), transactionCode };
    },
  };
}
