import { ROUTE_PATHS } from '../http/route-paths.js';
import { buildOpenApiSchemas } from './build-open-api-schemas.js';
import type { OpenApiDocument, OpenApiObject } from './open-api-document.js';
import type { OpenApiDocumentOptions } from './open-api-document-options.js';

/** The version of `@offerkit/core` (lockstep across packages); a test keeps it equal to package.json. */
const OPEN_API_INFO_VERSION = '0.1.0';

const OFFERS = ROUTE_PATHS.offers;
const PRE_AUTHORIZED = ROUTE_PATHS.preAuthorized;
const PRE_AUTHORIZED_ID = `${ROUTE_PATHS.preAuthorized}/{id}`;
const CREDENTIAL_OFFER = `${ROUTE_PATHS.credentialOffer}/{ref}`;
const TOKEN = ROUTE_PATHS.token;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof METHODS)[number];

const JSON_MEDIA = 'application/json';
const FORM_MEDIA = 'application/x-www-form-urlencoded';

const schemaRef = (name: string): OpenApiObject => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string): OpenApiObject => ({ $ref: `#/components/responses/${name}` });
const headerRef = (name: string): OpenApiObject => ({ $ref: `#/components/headers/${name}` });

function jsonContent(schema: OpenApiObject): OpenApiObject {
  return { [JSON_MEDIA]: { schema } };
}

function envelopeResponse(code: string, description: string, headers: OpenApiObject = {}): OpenApiObject {
  return {
    description,
    headers: { 'Cache-Control': headerRef('CacheControl'), ...headers },
    content: jsonContent({
      allOf: [schemaRef('ErrorEnvelope'), { properties: { code: { const: code } } }],
    }),
  };
}

function oauthResponse(errors: string[], description: string, headers: OpenApiObject = {}): OpenApiObject {
  return {
    description,
    headers: { 'Cache-Control': headerRef('CacheControl'), Pragma: headerRef('Pragma'), ...headers },
    content: jsonContent({
      allOf: [schemaRef('OAuthError'), { properties: { error: { enum: errors } } }],
    }),
  };
}

function buildResponses(bodyLimitText: string): OpenApiObject {
  return {
    BadRequest: envelopeResponse(
      'BadRequest',
      'The body, a field or the id is invalid (details name each field), or the Authorization header was sent ' +
        'more than once.',
    ),
    Unauthorized: envelopeResponse('Unauthorized', 'Missing or wrong bearer token.', {
      'WWW-Authenticate': headerRef('WwwAuthenticate'),
    }),
    UserNotFound: envelopeResponse('NotFound', 'userId names no existing user.'),
    OfferNotFound: envelopeResponse('NotFound', 'No such offer, or it has expired or been deleted.'),
    MethodNotAllowed: envelopeResponse('MethodNotAllowed', 'This route does not accept the method.', {
      Allow: headerRef('Allow'),
    }),
    PayloadTooLarge: envelopeResponse(
      'PayloadTooLarge',
      `The body exceeds the body limit (${bodyLimitText}).`,
    ),
    UnsupportedMediaType: envelopeResponse(
      'UnsupportedMediaType',
      'The body is not application/json (UTF-8), or it has a Content-Encoding.',
    ),
    ServiceUnavailable: envelopeResponse(
      'ServiceUnavailable',
      'Storage is unavailable. No driver text is returned; retry later.',
      { 'Retry-After': headerRef('RetryAfter') },
    ),
    InternalServerError: envelopeResponse('InternalServerError', 'An unexpected error; nothing is leaked.'),
    PublicMethodNotAllowed: oauthResponse(['invalid_request'], 'This route does not accept the method.', {
      Allow: headerRef('Allow'),
    }),
    PublicServiceUnavailable: oauthResponse(
      ['server_error'],
      'Storage (or issueAccessToken) failed; retry later.',
      {
        'Retry-After': headerRef('RetryAfter'),
      },
    ),
    PublicInternalServerError: oauthResponse(['server_error'], 'An unexpected error; nothing is leaked.'),
  };
}

function managementErrors(statuses: number[]): OpenApiObject {
  const names: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthorized',
    413: 'PayloadTooLarge',
    415: 'UnsupportedMediaType',
    500: 'InternalServerError',
    503: 'ServiceUnavailable',
  };
  const responses: OpenApiObject = {};
  for (const status of statuses) {
    const name = names[status];
    if (name !== undefined) responses[String(status)] = responseRef(name);
  }
  return responses;
}

function jsonBody(schema: string, description: string): OpenApiObject {
  return { required: true, description, content: jsonContent(schemaRef(schema)) };
}

function buildPaths(includeTokenRoute: boolean): Record<string, Partial<Record<Method, OpenApiObject>>> {
  const bearer = [{ bearerAuth: [] }];
  const idParameter: OpenApiObject = {
    name: 'id',
    in: 'path',
    required: true,
    description: 'Offer id returned at creation. Not a uuid: 400.',
    schema: { type: 'string', format: 'uuid' },
  };
  const paths: Record<string, Partial<Record<Method, OpenApiObject>>> = {
    [OFFERS]: {
      post: {
        operationId: 'createAuthorizationCodeOffer',
        tags: ['Management'],
        summary: 'Create an authorization-code credential offer',
        description:
          "Builds an offer without grants (MATTR's shape) or, with issuerState 'generate', with an " +
          'authorization_code grant carrying issuer_state. Always by value.',
        security: bearer,
        requestBody: jsonBody('AuthorizationCodeOfferInput', 'MATTR POST /v1/openid/offers body.'),
        responses: {
          '201': {
            description: 'Created.',
            headers: { 'Cache-Control': headerRef('CacheControl') },
            content: jsonContent(schemaRef('AuthorizationCodeOfferResult')),
          },
          ...managementErrors([400, 401, 413, 415, 500, 503]),
        },
      },
    },
    [PRE_AUTHORIZED]: {
      post: {
        operationId: 'createPreAuthorizedOffer',
        tags: ['Management'],
        summary: 'Create a pre-authorized credential offer',
        description:
          'Generates a single-use pre-authorized code (32 random bytes) and, when configured, a transaction ' +
          'code. Only hashes are stored. The offer is delivered by value or by reference as the issuer is ' +
          'configured.',
        security: bearer,
        requestBody: jsonBody('PreAuthorizedOfferInput', 'MATTR POST /v1/openid/offers/pre-authorized body.'),
        responses: {
          '201': {
            description: 'Created. The response holds secrets and is never cached.',
            headers: { 'Cache-Control': headerRef('CacheControl') },
            content: jsonContent(schemaRef('PreAuthorizedOfferResult')),
          },
          ...managementErrors([400, 401]),
          '404': responseRef('UserNotFound'),
          ...managementErrors([413, 415, 500, 503]),
        },
      },
    },
    [PRE_AUTHORIZED_ID]: {
      get: {
        operationId: 'getPreAuthorizedOffer',
        tags: ['Management'],
        summary: "Read a pre-authorized offer's status",
        security: bearer,
        parameters: [idParameter],
        responses: {
          '200': {
            description: 'The status, without secrets.',
            headers: { 'Cache-Control': headerRef('CacheControl') },
            content: jsonContent(schemaRef('PreAuthorizedOfferStatus')),
          },
          ...managementErrors([400, 401]),
          '404': responseRef('OfferNotFound'),
          ...managementErrors([500, 503]),
        },
      },
      delete: {
        operationId: 'deletePreAuthorizedOffer',
        tags: ['Management'],
        summary: 'Delete (revoke) a pre-authorized offer',
        description:
          'Soft revoke: the code can no longer be redeemed and a replay is still recognised until expiry. An ' +
          'unknown, expired or already deleted id is 404.',
        security: bearer,
        parameters: [idParameter],
        responses: {
          '204': {
            description: 'Deleted; empty body.',
            headers: { 'Cache-Control': headerRef('CacheControl') },
          },
          ...managementErrors([400, 401]),
          '404': responseRef('OfferNotFound'),
          ...managementErrors([500, 503]),
        },
      },
    },
    [CREDENTIAL_OFFER]: {
      get: {
        operationId: 'getCredentialOffer',
        tags: ['Public'],
        summary: 'Fetch an offer by reference (credential_offer_uri)',
        description:
          'The wallet dereferences credential_offer_uri here (OpenID4VCI §4.1.3). Anonymous. The offer is ' +
          'rebuilt from the reference secret; nothing secret is stored in plaintext.',
        security: [],
        parameters: [
          {
            name: 'ref',
            in: 'path',
            required: true,
            description: 'The 32-byte reference secret, base64url without padding.',
            schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
          },
        ],
        responses: {
          '200': {
            description: 'The offer as application/json.',
            headers: { 'Cache-Control': headerRef('CacheControl') },
            content: jsonContent(schemaRef('CredentialOffer')),
          },
          '404': oauthResponse(
            ['invalid_request'],
            'Unknown, malformed, expired, redeemed, deleted or locked: always the same answer, so the route ' +
              'reveals nothing about an offer.',
          ),
          '500': responseRef('PublicInternalServerError'),
          '503': responseRef('PublicServiceUnavailable'),
        },
      },
    },
  };
  if (includeTokenRoute) {
    paths[TOKEN] = {
      post: {
        operationId: 'requestToken',
        tags: ['Public'],
        summary: 'Redeem a pre-authorized code (token endpoint)',
        description:
          'Mounted only when the host passes issueAccessToken. Anonymous access is allowed. The code is ' +
          'consumed exactly once; a wrong transaction code counts an attempt and the attempt that reaches ' +
          'maxAttempts locks the offer. Unknown, expired, redeemed, deleted and locked codes all answer ' +
          'invalid_grant.',
        security: [],
        requestBody: {
          required: true,
          content: { [FORM_MEDIA]: { schema: schemaRef('TokenRequest') } },
        },
        responses: {
          '200': {
            description: 'The token response from issueAccessToken.',
            headers: { 'Cache-Control': headerRef('CacheControl'), Pragma: headerRef('Pragma') },
            content: jsonContent(schemaRef('TokenResponse')),
          },
          '400': oauthResponse(
            ['invalid_request', 'invalid_grant', 'invalid_tx_code', 'unsupported_grant_type'],
            'invalid_request: missing or repeated parameter, wrong Content-Type, tx_code missing or not ' +
              'expected; invalid_grant: unknown, expired, used, deleted or locked code, or (by default) a wrong ' +
              "tx_code; invalid_tx_code: a wrong tx_code when wrongCodeError is 'invalid_tx_code'; " +
              'unsupported_grant_type: any other grant.',
          ),
          '413': oauthResponse(['invalid_request'], 'The body exceeds the body limit.'),
          '500': responseRef('PublicInternalServerError'),
          '503': responseRef('PublicServiceUnavailable'),
        },
      },
    };
  }
  for (const [path, operations] of Object.entries(paths)) {
    const isPublic = path === CREDENTIAL_OFFER || path === TOKEN;
    const allowed = METHODS.filter((method) => operations[method] !== undefined);
    for (const method of METHODS) {
      if (operations[method] !== undefined) continue;
      operations[method] = {
        operationId: `${method}${toPascalCase(path)}NotAllowed`,
        tags: [isPublic ? 'Public' : 'Management'],
        summary: `Not allowed: the route accepts ${allowed.map((m) => m.toUpperCase()).join(' and ')} only`,
        security: [],
        ...(path === PRE_AUTHORIZED_ID ? { parameters: [idParameter] } : {}),
        ...(path === CREDENTIAL_OFFER
          ? { parameters: [{ name: 'ref', in: 'path', required: true, schema: { type: 'string' } }] }
          : {}),
        responses: { '405': responseRef(isPublic ? 'PublicMethodNotAllowed' : 'MethodNotAllowed') },
      };
    }
  }
  return paths;
}

function toPascalCase(path: string): string {
  return path
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Builds the OpenAPI 3.1 document of every OfferKit HTTP route (DESIGN §6): the management API (bearer, MATTR
 * error envelope) and the public by-reference and token routes (RFC 6749 errors), with every status the HTTP
 * handler can answer, including 405 for every other method. Request bodies come from the same valibot schemas the
 * issuer validates with, converted by `@valibot/to-json-schema`; checks JSON Schema cannot express are stated in
 * `description`. Returns plain JSON, a fresh object on every call.
 * @see https://spec.openapis.org/oas/v3.1.0
 */
export function createOpenApiDocument(options: OpenApiDocumentOptions = {}): OpenApiDocument {
  const limits = {
    txCodeMinLength: options.limits?.txCodeMinLength ?? 6,
    txCodeMaxLength: options.limits?.txCodeMaxLength ?? 10,
    maxExpirySeconds: options.limits?.maxExpirySeconds ?? 600,
  };
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'OfferKit credential offer API',
      version: OPEN_API_INFO_VERSION,
      description:
        'OpenID4VCI credential offers with the MATTR VII management API, embedded in an Express or Koa app. ' +
        'Management routes need a bearer token and answer errors as { code, message, details }; the public ' +
        'routes answer RFC 6749 { error, error_description }. Every JSON response carries Cache-Control: ' +
        'no-store.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags: [
      { name: 'Management', description: 'MATTR-compatible offer management; bearer token required.' },
      { name: 'Public', description: 'Wallet-facing routes; anonymous.' },
    ],
    paths: buildPaths(options.includeTokenRoute ?? true),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A configured management token (at least 32 bytes) or one accepted by the host verify function. ' +
            'Never read from the query string.',
        },
      },
      headers: {
        CacheControl: { description: 'Always no-store.', schema: { type: 'string', const: 'no-store' } },
        Pragma: { description: 'no-cache on token and OAuth error responses.', schema: { type: 'string' } },
        WwwAuthenticate: {
          description: 'Bearer, with error="invalid_token" when a wrong token was sent.',
          schema: { type: 'string' },
        },
        Allow: { description: 'The methods the route accepts.', schema: { type: 'string' } },
        RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'string' } },
      },
      schemas: buildOpenApiSchemas(limits),
      responses: buildResponses('32 KiB by default, bodyLimit option'),
    },
  };
  if (options.serverUrl !== undefined) document.servers = [{ url: options.serverUrl }];
  return document;
}
