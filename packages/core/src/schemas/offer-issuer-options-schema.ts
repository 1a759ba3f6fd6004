import * as v from 'valibot';
import { isValidOfferScheme } from '../encoding/offer-uri-scheme.js';

const isFunction = (value: unknown): boolean => typeof value === 'function';
const port = (methods: string[], name: string) =>
  v.custom<object>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      methods.every((m) => isFunction((value as Record<string, unknown>)[m])),
    `${name} must implement ${methods.join(', ')}`,
  );

function isIssuerUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
}

const httpsBaseUrl = v.pipe(
  v.string(),
  v.check(isIssuerUrl, 'Must be an https URL without query or fragment (http only for localhost)'),
);

/** Validates `createOfferIssuer` options once, at construction. */
export const OfferIssuerOptionsSchema = v.pipe(
  v.object({
    credentialIssuer: httpsBaseUrl,
    credentialConfigurations: v.union(
      [
        port(['get'], 'credentialConfigurations'),
        v.record(
          v.string(),
          v.object({ format: v.pipe(v.string(), v.minLength(1)), scope: v.optional(v.string()) }),
        ),
      ],
      'Must be a resolver with get(id) or a map of { format, scope? }',
    ),
    preAuthorizedFormats: v.optional(v.pipe(v.array(v.string()), v.minLength(1))),
    offerStore: port(
      [
        'insert',
        'findById',
        'findByCodeHash',
        'findByReferenceHash',
        'reserveTxAttempt',
        'consume',
        'lock',
        'revoke',
        'revokeByUser',
        'deleteExpired',
      ],
      'offerStore',
    ),
    userStore: port(['create', 'findById', 'persistClaims'], 'userStore'),
    clock: v.optional(port(['now'], 'clock')),
    crypto: v.optional(port(['randomBytes', 'sha256', 'hmacSha256', 'timingSafeEqual'], 'crypto')),
    expiry: v.optional(
      v.pipe(
        v.object({
          defaultSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
          maxSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(86_400))),
        }),
        v.check(
          (e) => (e.defaultSeconds ?? 300) <= (e.maxSeconds ?? 600),
          'defaultSeconds must not exceed maxSeconds',
        ),
      ),
    ),
    txCode: v.optional(
      v.pipe(
        v.object({
          maxAttempts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10))),
          minLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(4), v.maxValue(32))),
          maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(4), v.maxValue(32))),
          wrongCodeError: v.optional(v.picklist(['invalid_grant', 'invalid_tx_code'])),
        }),
        v.check((t) => (t.minLength ?? 6) <= (t.maxLength ?? 10), 'minLength must not exceed maxLength'),
      ),
    ),
    profile: v.optional(v.picklist(['1.0', 'draft-11', 'dual'])),
    scheme: v.optional(
      v.pipe(
        v.string(),
        v.check(isValidOfferScheme, 'Must be a custom scheme like haip-vci:// or an https URL'),
      ),
    ),
    delivery: v.optional(v.picklist(['value', 'reference', 'auto'])),
    autoReferenceThreshold: v.optional(v.pipe(v.number(), v.integer(), v.minValue(64))),
    publicBaseUrl: v.optional(httpsBaseUrl),
    onEvent: v.optional(v.custom<(...args: unknown[]) => unknown>(isFunction, 'Must be a function')),
    defaultLanguage: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/))),
    authorizationCode: v.optional(v.object({ issuerState: v.optional(v.picklist(['none', 'generate'])) })),
  }),
  v.check(
    (o) => (o.delivery ?? 'value') === 'value' || o.publicBaseUrl !== undefined,
    "publicBaseUrl is required when delivery is 'reference' or 'auto'",
  ),
);
