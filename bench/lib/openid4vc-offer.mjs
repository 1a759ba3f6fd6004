import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Openid4vciIssuer, Openid4vciVersion } from '@openid4vc/openid4vci';
import { CREDENTIAL_ISSUER, LIFETIME_MS, PRE_AUTHORIZED_GRANT } from './workload.mjs';

function unused() {
  throw new Error('not used by createCredentialOffer');
}

/**
 * The peer: `@openid4vc/openid4vci` (Openid4vciIssuer.createCredentialOffer) builds and encodes the offer and
 * draws the 32-byte code through its `generateRandom` callback. The library stops there, so the host work it
 * leaves (ids, user row, tx code, digests, Map record) is the baseline's node:crypto code, identical.
 */
export function createOpenid4vcIssuer(credentialIds) {
  const issuer = new Openid4vciIssuer({
    callbacks: { generateRandom: (n) => randomBytes(n), hash: unused, signJwt: unused, verifyJwt: unused },
  });
  const issuerMetadata = {
    originalDraftVersion: Openid4vciVersion.V1,
    credentialIssuer: {
      credential_issuer: CREDENTIAL_ISSUER,
      credential_endpoint: `${CREDENTIAL_ISSUER}/credential`,
      credential_configurations_supported: Object.fromEntries(
        credentialIds.map((id) => [id, { format: 'mso_mdoc', doctype: id }]),
      ),
    },
    authorizationServers: [],
    knownCredentialConfigurations: {},
  };
  let offers = new Map();
  let users = new Map();
  return {
    reset() {
      offers = new Map();
      users = new Map();
    },
    get size() {
      return offers.size;
    },
    async createOffer(credentials, txLength = 6) {
      const now = Date.now();
      const userId = randomUUID();
      users.set(userId, { id: userId, claims: {}, createdAt: now, updatedAt: now });
      const id = randomUUID();
      const transactionCode = String(randomInt(0, 10 ** txLength)).padStart(txLength, '0');
      const { credentialOffer, credentialOfferObject } = await issuer.createCredentialOffer({
        issuerMetadata,
        credentialConfigurationIds: credentials,
        grants: { [PRE_AUTHORIZED_GRANT]: { tx_code: { length: txLength, input_mode: 'numeric' } } },
      });
      const code = credentialOfferObject.grants[PRE_AUTHORIZED_GRANT]['pre-authorized_code'];
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
      return {
        id,
        userId,
        uri: credentialOffer,
        expiresAt: new Date(expiresAt).toISOString(),
        transactionCode,
      };
    },
  };
}
