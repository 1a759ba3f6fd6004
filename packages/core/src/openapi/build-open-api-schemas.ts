import { ERROR_TABLE } from '../errors/error-code.js';
import { PRE_AUTHORIZED_CODE_GRANT } from '../offer/credential-offer.js';
import { AuthorizationCodeOfferInputSchema } from '../schemas/authorization-code-offer-input-schema.js';
import {
  createPreAuthorizedOfferInputSchema,
  type PreAuthorizedOfferInputLimits,
} from '../schemas/pre-authorized-offer-input-schema.js';
import { convertValibotSchema } from './convert-valibot-schema.js';
import type { OpenApiObject } from './open-api-document.js';

const CREDENTIALS_TEXT =
  "Credential configuration ids to offer (keys of the issuer's credential_configurations_supported, exact byte " +
  'match). An unknown id is a 400.';

const ref = (name: string): OpenApiObject => ({ $ref: `#/components/schemas/${name}` });

/**
 * The `components.schemas` of the OfferKit OpenAPI document: the two request bodies converted from the valibot
 * schemas the issuer validates with (so the document cannot drift from the server), and hand-written response and
 * error schemas matching `createOfferKitHttpHandler`.
 */
export function buildOpenApiSchemas(limits: PreAuthorizedOfferInputLimits): OpenApiObject {
  const envelopeCodes = [...new Set(Object.values(ERROR_TABLE).map((entry) => entry.envelope))];
  const oauthErrors = [...new Set(Object.values(ERROR_TABLE).map((entry) => entry.oauth))];
  return {
    AuthorizationCodeOfferInput: convertValibotSchema(AuthorizationCodeOfferInputSchema, {
      credentials: CREDENTIALS_TEXT,
      request_parameters:
        'Extra authorization request parameters for the wallet (MATTR extension, e.g. login_hint), copied into ' +
        'the offer as a top-level member. Offers are not confidential: keep personal data out of them.',
    }),
    PreAuthorizedOfferInput: convertValibotSchema(createPreAuthorizedOfferInputSchema(limits), {
      credentials: `${CREDENTIALS_TEXT} Each must have a pre-authorized format (mso_mdoc by default, as at MATTR).`,
      userId: 'Existing user the offer is for. Absent: a user is created and its id returned. Unknown: 404.',
      transactionCodeConfiguration:
        'When present, a transaction code is generated, returned once as transactionCode, announced in the ' +
        'offer (tx_code, or user_pin_required in draft-11) and required at the token endpoint. Absent: no code.',
      'transactionCodeConfiguration.inputMode':
        "Characters of the code ['numeric']. Text codes use an alphabet without look-alikes (no 0/O/1/I/l).",
      'transactionCodeConfiguration.length': `Number of characters of the code [6]; ${limits.txCodeMinLength} to ${limits.txCodeMaxLength}.`,
      'transactionCodeConfiguration.description':
        'Text the wallet shows beside the code input (tx_code.description), at most 300 characters.',
      claims:
        'Claims kept with the offer and handed to the host (issueAccessToken) on redemption. Never put in the ' +
        'offer itself.',
      claimsToPersist: 'Keys of claims to save on the user at creation, for later offers.',
      expiresIn: `Lifetime of the offer, any combination of minutes and seconds [300 s]; more than 0 and at most ${limits.maxExpirySeconds} s in total.`,
      'expiresIn.minutes': 'Whole minutes.',
      'expiresIn.seconds': 'Whole seconds.',
    }),
    AuthorizationCodeOfferResult: {
      type: 'object',
      properties: {
        uri: {
          type: 'string',
          description:
            'The credential offer URI (scheme + ?credential_offer=, percent-encoded with encodeURIComponent) to ' +
            'show as a QR code or link.',
        },
        issuerState: {
          type: 'string',
          description:
            "Present when the issuer is configured with authorizationCode.issuerState 'generate': the " +
            'issuer_state put in the offer, for the host to recognise in the authorization request.',
        },
      },
      required: ['uri'],
      additionalProperties: false,
    },
    PreAuthorizedOfferResult: {
      type: 'object',
      description:
        'Carries the only copies of the pre-authorized code (inside uri) and of the transaction code.',
      properties: {
        id: { type: 'string', format: 'uuid', description: 'Id for the status and delete routes.' },
        userId: { type: 'string', format: 'uuid', description: 'The given or the newly created user.' },
        uri: {
          type: 'string',
          description:
            'The credential offer URI: ?credential_offer= (by value) or ?credential_offer_uri= (by reference, ' +
            'pointing at GET /credential-offer/{ref}).',
        },
        expiresAt: {
          type: 'string',
          format: 'date-time',
          description: 'ISO 8601 with milliseconds; the offer is expired from this instant on.',
        },
        transactionCode: {
          type: 'string',
          description:
            'The generated transaction code, only when transactionCodeConfiguration was given. A string, so ' +
            'leading zeros are kept. Send it to the holder over a separate channel.',
        },
      },
      required: ['id', 'userId', 'uri', 'expiresAt'],
      additionalProperties: false,
    },
    PreAuthorizedOfferStatus: {
      type: 'object',
      description: 'State of a pre-authorized offer, without any secret.',
      properties: {
        id: { type: 'string', format: 'uuid' },
        userId: { type: 'string', format: 'uuid' },
        credentials: { type: 'array', items: { type: 'string' }, description: 'Offered configuration ids.' },
        status: {
          type: 'string',
          enum: ['active', 'redeemed', 'revoked', 'locked', 'expired'],
          description:
            'active: can be redeemed; redeemed: a token was issued; revoked: deleted; locked: too many wrong ' +
            'transaction codes; expired: now >= expiresAt.',
        },
        createdAt: { type: 'string', format: 'date-time' },
        expiresAt: { type: 'string', format: 'date-time' },
        transactionCodeRequired: { type: 'boolean' },
        failedAttempts: { type: 'integer', minimum: 0, description: 'Wrong transaction codes so far.' },
        maxAttempts: { type: 'integer', minimum: 1, description: 'Wrong codes that lock the offer.' },
        deliveredByReference: {
          type: 'boolean',
          description: 'Whether the URI carries credential_offer_uri.',
        },
      },
      required: [
        'id',
        'userId',
        'credentials',
        'status',
        'createdAt',
        'expiresAt',
        'transactionCodeRequired',
        'failedAttempts',
        'maxAttempts',
        'deliveredByReference',
      ],
      additionalProperties: false,
    },
    CredentialOffer: {
      type: 'object',
      description:
        "An OpenID4VCI credential offer in the issuer's profile: '1.0' (credential_configuration_ids, tx_code), " +
        "'draft-11' (credentials, user_pin_required) or 'dual' (both id lists, tx_code; what MATTR emits). " +
        'Wallets ignore members they do not know.',
      properties: {
        credential_issuer: { type: 'string', format: 'uri' },
        credential_configuration_ids: {
          type: 'array',
          items: { type: 'string' },
          minItems: 1,
          uniqueItems: true,
        },
        credentials: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
        grants: {
          type: 'object',
          properties: {
            authorization_code: {
              type: 'object',
              properties: { issuer_state: { type: 'string' }, authorization_server: { type: 'string' } },
            },
            [PRE_AUTHORIZED_CODE_GRANT]: {
              type: 'object',
              properties: {
                'pre-authorized_code': { type: 'string' },
                tx_code: {
                  type: 'object',
                  properties: {
                    input_mode: { type: 'string', enum: ['numeric', 'text'] },
                    length: { type: 'integer', minimum: 1 },
                    description: { type: 'string', maxLength: 300 },
                  },
                },
                user_pin_required: { type: 'boolean' },
                authorization_server: { type: 'string' },
              },
              required: ['pre-authorized_code'],
            },
          },
        },
        request_parameters: {
          type: 'object',
          description: 'MATTR extension, from the auth-code offer input.',
        },
      },
      required: ['credential_issuer'],
    },
    TokenRequest: {
      type: 'object',
      description:
        'RFC 6749 §4.1.3 form parameters for the pre-authorized code grant (OpenID4VCI §6.1). A repeated ' +
        'parameter is invalid_request; other parameters (client_id, resource, authorization_details, ...) are ' +
        'ignored.',
      properties: {
        grant_type: { type: 'string', const: PRE_AUTHORIZED_CODE_GRANT },
        'pre-authorized_code': { type: 'string', minLength: 1 },
        tx_code: { type: 'string', description: 'Required exactly when the offer announced a tx_code.' },
        user_pin: { type: 'string', description: 'draft-11 name of tx_code.' },
      },
      required: ['grant_type', 'pre-authorized_code'],
    },
    TokenResponse: {
      type: 'object',
      description:
        "RFC 6749 §5.1 token response minted by the host's issueAccessToken; extra members (c_nonce, " +
        'authorization_details, ...) are passed through.',
      properties: {
        access_token: { type: 'string', minLength: 1 },
        token_type: { type: 'string', minLength: 1 },
        expires_in: { type: 'integer' },
      },
      required: ['access_token', 'token_type'],
    },
    ErrorDetail: {
      type: 'object',
      description: "One problem with one input, in MATTR's (express-validator's) shape.",
      properties: {
        value: {
          description: 'The offending value, only when it is a short primitive that is safe to echo.',
        },
        msg: { type: 'string' },
        param: {
          type: 'string',
          description: 'Dotted path of the field (expiresIn.minutes, credentials[2]); (root) for the body.',
        },
        location: { type: 'string', enum: ['body', 'params', 'headers', 'query', 'options'] },
      },
      required: ['msg', 'param', 'location'],
    },
    ErrorEnvelope: {
      type: 'object',
      description: 'MATTR error envelope of the management routes. No stack, driver text or secret ever.',
      properties: {
        code: { type: 'string', enum: envelopeCodes },
        message: { type: 'string' },
        details: { type: 'array', items: ref('ErrorDetail') },
      },
      required: ['code', 'message', 'details'],
    },
    OAuthError: {
      type: 'object',
      description: 'RFC 6749 §5.2 error of the public routes.',
      properties: {
        error: { type: 'string', enum: oauthErrors },
        error_description: { type: 'string' },
      },
      required: ['error'],
    },
  };
}
