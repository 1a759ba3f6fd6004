import assert from 'node:assert/strict';
import { decodeCredentialOfferUri } from '../../encoding/decode-credential-offer-uri.js';
import type { AccessTokenResponse } from '../../http/access-token-response.js';
import type { OfferKitHttpOptions } from '../../http/offer-kit-http-options.js';
import { createOfferIssuer } from '../../issuer/create-offer-issuer.js';
import type { OfferEvent } from '../../issuer/offer-event.js';
import type {
  OfferIssuer,
  PreAuthorizedOfferInput,
  PreAuthorizedOfferResult,
  Redemption,
} from '../../issuer/offer-issuer.js';
import type { OfferIssuerOptions } from '../../issuer/offer-issuer-options.js';
import type { CredentialOffer } from '../../offer/credential-offer.js';
import type { OfferRecord } from '../../ports/offer-record.js';
import { ManualClock } from '../manual-clock.js';
import { useFreshStores } from '../store/use-fresh-stores.js';
import type { HttpConformanceOptions } from './http-conformance-options.js';
import { type HttpReply, readReply } from './http-reply.js';
import { type InstrumentedStores, instrumentStores, STORE_WRITE_METHODS } from './instrument-stores.js';

/** Bearer token every conformance server accepts (48 bytes). */
export const CONFORMANCE_TOKEN = 'offerkit-conformance-token-0123456789abcdefABCDEF';
/** 2030-01-01T00:00:00.000Z: the ManualClock start of every case. */
export const START = Date.UTC(2030, 0, 1);
/** The mso_mdoc credential configuration id the fixture issuer knows (pre-authorized offers allowed). */
export const MDL = 'org.iso.18013.5.1.mDL';
/** A non-mdoc credential configuration id: authorization-code offers only. */
export const DEGREE = 'UniversityDegree';
/** An mso_mdoc id with a non-ASCII letter, in NFC. */
export const NFC_ID = 'f\u00fchrerschein';
/**
 * The pre-authorized code grant type, spelled out here rather than imported from the implementation, so that a
 * typo in the library's own constant fails the kit instead of agreeing with it.
 */
export const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** Per-case setup of the issuer and the adapter. */
export interface FixtureSetup {
  issuer?: Partial<Pick<OfferIssuerOptions, 'delivery' | 'txCode' | 'authorizationCode' | 'profile'>>;
  /** Mount `POST /token` [true]. */
  tokenRoute?: boolean;
  /** Replaces the default token minter. */
  issueAccessToken?: (redemption: Redemption) => Promise<AccessTokenResponse>;
}

/** A pre-authorized offer created through the issuer API, with the secrets the wallet would hold. */
export interface CreatedOffer {
  result: PreAuthorizedOfferResult;
  code: string;
  reference: string | undefined;
}

/** Everything one HTTP conformance case works with. */
export interface HttpFixture {
  baseUrl: string;
  clock: ManualClock;
  issuer: OfferIssuer;
  stores: InstrumentedStores;
  events: OfferEvent[];
  minted: Redemption[];
  request(path: string, init?: RequestInit): Promise<HttpReply>;
  /** `POST` with the right bearer token and a JSON content type; `body` is sent as is when it is a string. */
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpReply>;
  /** `POST /token` with a form body given as text or as pairs. */
  postToken(form: string | Array<[string, string]>, headers?: Record<string, string>): Promise<HttpReply>;
  createOffer(input?: Partial<PreAuthorizedOfferInput>): Promise<CreatedOffer>;
  record(id: string): Promise<OfferRecord | undefined>;
  /** Store write calls since the last reset. */
  writeCalls(): number;
  /** All store calls since the last reset. */
  allCalls(): number;
}

/** Runs `body` against a fresh issuer, fresh stores and a fresh server, always shutting them down. */
export async function withHttpFixture(
  options: HttpConformanceOptions,
  setup: FixtureSetup,
  body: (fixture: HttpFixture) => Promise<void>,
): Promise<void> {
  await useFreshStores(options.stores, async (raw) => {
    const stores = instrumentStores(raw.offerStore, raw.userStore);
    const clock = new ManualClock(START);
    const events: OfferEvent[] = [];
    const minted: Redemption[] = [];
    const issuer = createOfferIssuer({
      credentialIssuer: 'https://issuer.example.com',
      credentialConfigurations: {
        [MDL]: { format: 'mso_mdoc' },
        [DEGREE]: { format: 'dc+sd-jwt' },
        [NFC_ID]: { format: 'mso_mdoc' },
      },
      offerStore: stores.offerStore,
      userStore: stores.userStore,
      clock,
      publicBaseUrl: 'https://issuer.example.com',
      onEvent: (event) => events.push(event),
      ...setup.issuer,
    });
    const httpOptions: OfferKitHttpOptions = { auth: { tokens: [CONFORMANCE_TOKEN] } };
    if (setup.tokenRoute !== false) {
      httpOptions.issueAccessToken =
        setup.issueAccessToken ??
        (async (redemption) => {
          minted.push(redemption);
          return { access_token: `at-${minted.length}`, token_type: 'Bearer', expires_in: 300 };
        });
    }
    const server = await options.serve(issuer, httpOptions);
    try {
      const request = async (path: string, init?: RequestInit) =>
        readReply(await fetch(`${server.baseUrl}${path}`, init));
      const fixture: HttpFixture = {
        baseUrl: server.baseUrl,
        clock,
        issuer,
        stores,
        events,
        minted,
        request,
        postJson: (path, json, headers = {}) =>
          request(path, {
            method: 'POST',
            headers: withoutEmpty({
              authorization: `Bearer ${CONFORMANCE_TOKEN}`,
              'content-type': 'application/json',
              ...headers,
            }),
            body: typeof json === 'string' ? json : JSON.stringify(json),
          }),
        postToken: (form, headers = {}) =>
          request('/token', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
            body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
          }),
        async createOffer(input = {}) {
          const result = await issuer.createPreAuthorizedOffer({ credentials: [MDL], ...input });
          const { code, reference } = await secretsOf(result.uri, request);
          return { result, code, reference };
        },
        record: (id) => raw.offerStore.findById(id),
        writeCalls: () => STORE_WRITE_METHODS.reduce((sum, name) => sum + (stores.calls.get(name) ?? 0), 0),
        allCalls: () => [...stores.calls.values()].reduce((sum, count) => sum + count, 0),
      };
      await body(fixture);
    } finally {
      await server.close();
    }
  });
}

/** The offer object carried by an offer URI, fetching it when it travels by reference. */
export async function offerOf(
  uri: string,
  request: HttpFixture['request'],
): Promise<{ offer: CredentialOffer; reference: string | undefined }> {
  const decoded = decodeCredentialOfferUri(uri);
  if (decoded.kind === 'value') return { offer: decoded.offer, reference: undefined };
  const offerUri = decoded.credentialOfferUri;
  assert.ok(offerUri.startsWith('https://issuer.example.com/credential-offer/'), offerUri);
  const reference = offerUri.slice(offerUri.lastIndexOf('/') + 1);
  const reply = await request(`/credential-offer/${reference}`);
  assert.equal(reply.status, 200, `GET /credential-offer/{ref} answered ${reply.status}: ${reply.text}`);
  return { offer: reply.json as CredentialOffer, reference };
}

/** Drops headers set to '' so a case can remove a default header. */
function withoutEmpty(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''));
}

async function secretsOf(
  uri: string,
  request: HttpFixture['request'],
): Promise<{ code: string; reference: string | undefined }> {
  const { offer, reference } = await offerOf(uri, request);
  const code = offer.grants?.[PRE_AUTH]?.['pre-authorized_code'];
  assert.ok(typeof code === 'string', 'offer has no pre-authorized code');
  return { code, reference };
}
