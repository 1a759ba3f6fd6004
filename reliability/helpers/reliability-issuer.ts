import {
  type Clock,
  createOfferIssuer,
  decodeCredentialOfferUri,
  type OfferEventListener,
  type OfferIssuer,
  type OfferStore,
  type UserStore,
} from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { type Reply, send } from './http-client.js';
import { MANAGEMENT_TOKEN } from './offerkit-server.js';

/** Credential configuration offered by the suite. */
export const CONFIGURATION_ID = 'org.iso.18013.5.1.mDL';

/** Options of `createReliabilityIssuer`. */
export interface ReliabilityIssuerOptions {
  clock?: Clock;
  onEvent?: OfferEventListener;
}

/** The issuer every reliability case serves: node crypto, one mdoc configuration, by-reference capable. */
export function createReliabilityIssuer(
  stores: { offerStore: OfferStore; userStore: UserStore },
  options: ReliabilityIssuerOptions = {},
): OfferIssuer {
  return createOfferIssuer({
    credentialIssuer: 'https://issuer.example.com',
    credentialConfigurations: { [CONFIGURATION_ID]: { format: 'mso_mdoc' } },
    ...stores,
    crypto: createNodeCrypto(),
    publicBaseUrl: 'https://issuer.example.com/offers-api',
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
  });
}

/** A pre-authorized offer created over HTTP, with its secrets as the host would hand them out. */
export interface CreatedOffer {
  id: string;
  userId: string;
  uri: string;
  code: string;
  transactionCode?: string;
  reply: Reply;
}

/** The pre-authorized code inside a by-value offer URI. */
export function codeFromUri(uri: string): string {
  const decoded = decodeCredentialOfferUri(uri);
  if (decoded.kind !== 'value') throw new Error('offer was delivered by reference');
  const grant = decoded.offer.grants?.['urn:ietf:params:oauth:grant-type:pre-authorized_code'];
  const code = grant?.['pre-authorized_code'];
  if (typeof code !== 'string') throw new Error('offer has no pre-authorized code');
  return code;
}

/** Headers of an authorised management request with a JSON body. */
export const MANAGEMENT_HEADERS = {
  authorization: `Bearer ${MANAGEMENT_TOKEN}`,
  'content-type': 'application/json',
};

/** POST /v1/openid/offers/pre-authorized; throws unless 201. */
export async function createOfferOverHttp(
  baseUrl: string,
  body: Record<string, unknown>,
): Promise<CreatedOffer> {
  const reply = await send(baseUrl, {
    method: 'POST',
    path: '/v1/openid/offers/pre-authorized',
    headers: MANAGEMENT_HEADERS,
    body: JSON.stringify(body),
  });
  if (reply.status !== 201) throw new Error(`create answered ${reply.status}: ${reply.body}`);
  const parsed = JSON.parse(reply.body) as {
    id: string;
    userId: string;
    uri: string;
    transactionCode?: string;
  };
  const created: CreatedOffer = {
    id: parsed.id,
    userId: parsed.userId,
    uri: parsed.uri,
    code: parsed.uri.includes('credential_offer_uri=') ? '' : codeFromUri(parsed.uri),
    reply,
  };
  if (parsed.transactionCode !== undefined) created.transactionCode = parsed.transactionCode;
  return created;
}

/** The token request body of a pre-authorized code redemption. */
export function tokenRequest(
  code: string,
  txCode?: string,
): { method: string; path: string; headers: Record<string, string>; body: string } {
  const params = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code',
    'pre-authorized_code': code,
  });
  if (txCode !== undefined) params.set('tx_code', txCode);
  return {
    method: 'POST',
    path: '/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: params.toString(),
  };
}
