import { createPortableCrypto } from '../crypto/create-portable-crypto.js';
import { type ErrorDetail, OfferKitError } from '../errors/offer-kit-error.js';
import type {
  AuthorizationCodeOfferInput,
  OfferIssuer,
  PreAuthorizedOfferInput,
  RedeemInput,
} from '../issuer/offer-issuer.js';
import { PRE_AUTHORIZED_CODE_GRANT } from '../offer/credential-offer.js';
import { createOpenApiDocument } from '../openapi/create-open-api-document.js';
import type { AccessTokenResponse } from './access-token-response.js';
import { createBearerAuthenticator } from './create-bearer-authenticator.js';
import { DEFAULT_BODY_LIMIT } from './default-body-limit.js';
import { emptyResult } from './empty-result.js';
import type { HttpRequestLike } from './http-request-like.js';
import type { HttpResult } from './http-result.js';
import { jsonResult } from './json-result.js';
import { managementErrorResult } from './management-error-result.js';
import { oauthErrorFromThrown } from './oauth-error-from-thrown.js';
import { oauthErrorResult } from './oauth-error-result.js';
import type { OfferKitHttpHandler } from './offer-kit-http-handler.js';
import type { OfferKitHttpOptions } from './offer-kit-http-options.js';
import { readFormBody } from './read-form-body.js';
import { readJsonBody } from './read-json-body.js';
import { ROUTE_PATHS } from './route-paths.js';

const OFFERS_PATH = ROUTE_PATHS.offers;
const PRE_AUTHORIZED_PATH = ROUTE_PATHS.preAuthorized;
const PRE_AUTHORIZED_ID_PREFIX = `${ROUTE_PATHS.preAuthorized}/`;
const CREDENTIAL_OFFER_PREFIX = `${ROUTE_PATHS.credentialOffer}/`;
const TOKEN_PATH = ROUTE_PATHS.token;
const OPENAPI_PATH = ROUTE_PATHS.openApi;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFERENCE = /^[A-Za-z0-9_-]{43}$/;
const MAX_BODY_LIMIT = 16 * 1024 * 1024;

type Route =
  | { kind: 'offers' }
  | { kind: 'pre-authorized' }
  | { kind: 'pre-authorized-id'; rawId: string }
  | { kind: 'credential-offer'; rawReference: string }
  | { kind: 'token' }
  | { kind: 'openapi' };

const ALLOWED_METHODS: Record<Route['kind'], string[]> = {
  offers: ['POST'],
  'pre-authorized': ['POST'],
  'pre-authorized-id': ['GET', 'DELETE'],
  'credential-offer': ['GET'],
  token: ['POST'],
  openapi: ['GET'],
};

/**
 * Creates the framework-neutral OfferKit routes of DESIGN §6 around an issuer:
 * `POST /v1/openid/offers`, `POST /v1/openid/offers/pre-authorized`, `GET` and `DELETE
 * /v1/openid/offers/pre-authorized/{id}` (bearer-protected, MATTR error envelope), the public
 * `GET /credential-offer/{ref}` and, when `issueAccessToken` is given, the public `POST /token` (RFC 6749 errors).
 *
 * Options are validated here: a missing `auth`, a configured token shorter than 32 bytes, or a bad `bodyLimit`
 * throws `OfferKitError('invalid_input')` at once, so a misconfigured host cannot start.
 * @see https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#section-6
 */
export function createOfferKitHttpHandler(
  issuer: OfferIssuer,
  options: OfferKitHttpOptions,
): OfferKitHttpHandler {
  if (issuer === null || typeof issuer !== 'object' || typeof issuer.redeemPreAuthorizedCode !== 'function') {
    throw optionError('issuer', 'issuer must be an OfferIssuer (createOfferIssuer)');
  }
  if (options === null || typeof options !== 'object') {
    throw optionError('options', 'options with auth are required');
  }
  const crypto = options.crypto ?? createPortableCrypto();
  const authenticate = createBearerAuthenticator(options.auth, crypto);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  if (!Number.isSafeInteger(bodyLimit) || bodyLimit < 1 || bodyLimit > MAX_BODY_LIMIT) {
    throw optionError(
      'bodyLimit',
      `bodyLimit must be a whole number of bytes between 1 and ${MAX_BODY_LIMIT}`,
    );
  }
  const issueAccessToken = options.issueAccessToken;
  if (issueAccessToken !== undefined && typeof issueAccessToken !== 'function') {
    throw optionError('issueAccessToken', 'issueAccessToken must be a function');
  }
  const openApiDocument =
    options.openApi === undefined || options.openApi === false
      ? undefined
      : createOpenApiDocument({
          includeTokenRoute: issueAccessToken !== undefined,
          ...(options.openApi === true || options.openApi.serverUrl === undefined
            ? {}
            : { serverUrl: options.openApi.serverUrl }),
        });
  const onError = options.onError;
  const report = (error: unknown): void => {
    if (onError === undefined) return;
    try {
      onError(error);
    } catch {
      // A failing error reporter must never change the response.
    }
  };

  function matchRoute(path: string): Route | undefined {
    if (path === OFFERS_PATH) return { kind: 'offers' };
    if (path === PRE_AUTHORIZED_PATH) return { kind: 'pre-authorized' };
    // An empty id (`…/pre-authorized/`) is still our route, so it gets our 400 and not the host's HTML 404.
    if (path.startsWith(PRE_AUTHORIZED_ID_PREFIX)) {
      return { kind: 'pre-authorized-id', rawId: path.slice(PRE_AUTHORIZED_ID_PREFIX.length) };
    }
    if (path.startsWith(CREDENTIAL_OFFER_PREFIX)) {
      return { kind: 'credential-offer', rawReference: path.slice(CREDENTIAL_OFFER_PREFIX.length) };
    }
    if (path === TOKEN_PATH && issueAccessToken !== undefined) return { kind: 'token' };
    if (path === OPENAPI_PATH && openApiDocument !== undefined) return { kind: 'openapi' };
    return undefined;
  }

  async function requireBearer(request: HttpRequestLike): Promise<HttpResult | undefined> {
    const outcome = await authenticate(request.headers);
    if (outcome === 'ok') return undefined;
    if (outcome === 'ambiguous') {
      return jsonResult(
        400,
        {
          code: 'BadRequest',
          message: 'Send exactly one Authorization header',
          details: [{ msg: 'Must be sent once', param: 'authorization', location: 'headers' }],
        },
        { 'www-authenticate': 'Bearer error="invalid_request"' },
      );
    }
    if (outcome === 'missing') {
      return jsonResult(
        401,
        { code: 'Unauthorized', message: 'Bearer token required', details: [] },
        { 'www-authenticate': 'Bearer' },
      );
    }
    return jsonResult(
      401,
      { code: 'Unauthorized', message: 'Invalid bearer token', details: [] },
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    );
  }

  async function handleManagement(request: HttpRequestLike, route: Route): Promise<HttpResult> {
    try {
      const denied = await requireBearer(request);
      if (denied !== undefined) return denied;
      switch (route.kind) {
        case 'offers': {
          const body = await readJsonBody(request, bodyLimit);
          const result = await issuer.createAuthorizationCodeOffer(
            body as unknown as AuthorizationCodeOfferInput,
          );
          return jsonResult(201, result);
        }
        case 'pre-authorized': {
          const body = await readJsonBody(request, bodyLimit);
          const result = await issuer.createPreAuthorizedOffer(body as unknown as PreAuthorizedOfferInput);
          return jsonResult(201, result);
        }
        case 'pre-authorized-id': {
          const id = parseOfferId(route.rawId);
          if (request.method === 'DELETE') {
            await issuer.deletePreAuthorizedOffer(id);
            return emptyResult(204);
          }
          return jsonResult(200, await issuer.getPreAuthorizedOffer(id));
        }
        default:
          throw new OfferKitError('internal', 'Unroutable management request');
      }
    } catch (error) {
      return managementErrorResult(error, report);
    }
  }

  async function handleCredentialOffer(
    rawReference: string,
    acceptLanguage: string | undefined,
  ): Promise<HttpResult> {
    if (!REFERENCE.test(rawReference)) return offerNotFound();
    try {
      const offer = await issuer.resolveCredentialOffer(
        rawReference,
        acceptLanguage === undefined ? {} : { acceptLanguage },
      );
      // The body may depend on Accept-Language (a localised tx code description).
      return jsonResult(200, offer, { vary: 'Accept-Language' });
    } catch (error) {
      // Every client-side failure is the same 404, so the route is no oracle for the state of an offer.
      if (
        error instanceof Error &&
        'status' in error &&
        typeof error.status === 'number' &&
        error.status < 500
      ) {
        return offerNotFound();
      }
      return oauthErrorFromThrown(error, report);
    }
  }

  async function handleToken(request: HttpRequestLike, mint: NonNullable<typeof issueAccessToken>) {
    try {
      const parameters = await readFormBody(request, bodyLimit);
      const grantType = parameters.get('grant_type');
      if (grantType === undefined || grantType === '') {
        return oauthErrorResult(400, 'invalid_request', 'grant_type is required');
      }
      if (grantType !== PRE_AUTHORIZED_CODE_GRANT) {
        return oauthErrorResult(
          400,
          'unsupported_grant_type',
          'Only the pre-authorized code grant is supported',
        );
      }
      const code = parameters.get('pre-authorized_code');
      if (code === undefined || code === '') {
        return oauthErrorResult(400, 'invalid_request', 'pre-authorized_code is required');
      }
      // Other parameters (client_id, resource, authorization_details, ...) are ignored, as RFC 6749 §3.1 requires.
      const input: RedeemInput = { 'pre-authorized_code': code };
      const txCode = parameters.get('tx_code');
      const userPin = parameters.get('user_pin');
      if (txCode !== undefined) input.tx_code = txCode;
      if (userPin !== undefined) input.user_pin = userPin;
      const redemption = await issuer.redeemPreAuthorizedCode(input);
      const token = await mint(redemption);
      if (!isAccessTokenResponse(token)) {
        throw new TypeError('issueAccessToken must resolve with { access_token, token_type }');
      }
      return jsonResult(200, token, { pragma: 'no-cache' });
    } catch (error) {
      return oauthErrorFromThrown(error, report);
    }
  }

  return {
    async handle(request) {
      try {
        const route = matchRoute(request.path);
        if (route === undefined) return undefined;
        const allowed = ALLOWED_METHODS[route.kind];
        if (!allowed.includes(request.method)) {
          const headers = { allow: allowed.join(', ') };
          if (route.kind === 'credential-offer' || route.kind === 'token' || route.kind === 'openapi') {
            return oauthErrorResult(405, 'invalid_request', 'Method not allowed', headers);
          }
          return jsonResult(
            405,
            { code: 'MethodNotAllowed', message: `Method must be ${allowed.join(' or ')}`, details: [] },
            headers,
          );
        }
        if (route.kind === 'credential-offer') {
          return await handleCredentialOffer(
            route.rawReference,
            firstHeader(request.headers['accept-language']),
          );
        }
        if (route.kind === 'openapi') return jsonResult(200, openApiDocument);
        if (route.kind === 'token' && issueAccessToken !== undefined) {
          return await handleToken(request, issueAccessToken);
        }
        return await handleManagement(request, route);
      } catch (error) {
        return managementErrorResult(error, report);
      }
    },
  };
}

function parseOfferId(rawId: string): string {
  let id: string | undefined;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    id = undefined;
  }
  if (id === undefined || !UUID.test(id)) {
    const detail: ErrorDetail = { msg: 'Must be a uuid', param: 'id', location: 'params' };
    if (id !== undefined && id.length <= 64) detail.value = id;
    throw new OfferKitError('invalid_input', 'Invalid id', { details: [detail] });
  }
  return id.toLowerCase();
}

function offerNotFound(): HttpResult {
  return oauthErrorResult(404, 'invalid_request', 'Credential offer not found');
}

function isAccessTokenResponse(value: unknown): value is AccessTokenResponse {
  if (value === null || typeof value !== 'object') return false;
  const { access_token: accessToken, token_type: tokenType } = value as Record<string, unknown>;
  return (
    typeof accessToken === 'string' && accessToken !== '' && typeof tokenType === 'string' && tokenType !== ''
  );
}

function optionError(param: string, message: string): OfferKitError {
  return new OfferKitError('invalid_input', `Invalid OfferKit HTTP options: ${message}`, {
    details: [{ msg: message, param, location: 'options' }],
  });
}

function firstHeader(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
