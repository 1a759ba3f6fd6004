import { v4 as uuidv4 } from 'uuid';
import * as v from 'valibot';
import { systemClock } from '../clock/system-clock.js';
import { createPortableCrypto } from '../crypto/create-portable-crypto.js';
import { encodeCredentialOfferUri } from '../encoding/encode-credential-offer-uri.js';
import { encodeCredentialOfferUriByReference } from '../encoding/encode-credential-offer-uri-by-reference.js';
import { isValidOfferScheme } from '../encoding/offer-uri-scheme.js';
import { type ErrorDetail, OfferKitError } from '../errors/offer-kit-error.js';
import { ROUTE_PATHS } from '../http/route-paths.js';
import { buildAuthorizationCodeCredentialOffer } from '../offer/build-authorization-code-credential-offer.js';
import { buildPreAuthorizedCredentialOffer } from '../offer/build-pre-authorized-credential-offer.js';
import type { CredentialOffer } from '../offer/credential-offer.js';
import type { OfferProfile } from '../offer/offer-profile.js';
import type { CredentialConfigurationResolver } from '../ports/credential-configuration-resolver.js';
import type { OfferRecord, StoredTransactionCodeDescription } from '../ports/offer-record.js';
import { AuthorizationCodeOfferInputSchema } from '../schemas/authorization-code-offer-input-schema.js';
import { isPlainObject } from '../schemas/is-plain-object.js';
import { issuesToDetails } from '../schemas/issues-to-details.js';
import { OfferIssuerOptionsSchema } from '../schemas/offer-issuer-options-schema.js';
import { createPreAuthorizedOfferInputSchema } from '../schemas/pre-authorized-offer-input-schema.js';
import { createOfferSecrets } from '../secrets/offer-secrets.js';
import { generateTransactionCode } from '../tx-code/generate-transaction-code.js';
import { callStore } from './call-store.js';
import type { OfferEvent, RedeemFailureReason } from './offer-event.js';
import type {
  OfferDelivery,
  OfferEncodingOverrides,
  OfferIssuer,
  PreAuthorizedOfferResult,
  PreAuthorizedOfferStatus,
  Redemption,
} from './offer-issuer.js';
import type { OfferIssuerOptions } from './offer-issuer-options.js';
import { offerStatusAt } from './offer-status-at.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TOKEN_PARAMETER_LENGTH = 512;
const REFERENCE_PATH = `${ROUTE_PATHS.credentialOffer}/`;

const RedeemInputSchema = v.object({
  'pre-authorized_code': v.pipe(v.string('Must be a string'), v.minLength(1, 'Must not be empty')),
  tx_code: v.optional(v.pipe(v.string('Must be a string'), v.maxLength(MAX_TOKEN_PARAMETER_LENGTH))),
  user_pin: v.optional(v.pipe(v.string('Must be a string'), v.maxLength(MAX_TOKEN_PARAMETER_LENGTH))),
});

const ProfileSchema = v.picklist(['1.0', 'draft-11', 'dual']);
const DeliverySchema = v.picklist(['value', 'reference', 'auto']);

/**
 * Creates the offer API over the given stores. Options are validated here, once; a bad option throws an
 * `OfferKitError('invalid_input')` whose details name it (`location: 'options'`).
 * @see https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#section-4
 */
export function createOfferIssuer(options: OfferIssuerOptions): OfferIssuer {
  const parsed = v.safeParse(OfferIssuerOptionsSchema, options);
  if (!parsed.success) {
    throw new OfferKitError('invalid_input', 'Invalid OfferKit issuer options', {
      details: issuesToDetails(parsed.issues, 'options'),
    });
  }
  const credentialIssuer = options.credentialIssuer.replace(/\/+$/, '');
  const configurations = toResolver(options.credentialConfigurations);
  const preAuthorizedFormats = new Set(options.preAuthorizedFormats ?? ['mso_mdoc']);
  const { offerStore, userStore } = options;
  const clock = options.clock ?? systemClock;
  const crypto = options.crypto ?? createPortableCrypto();
  const secrets = createOfferSecrets(crypto);
  const defaultSeconds = options.expiry?.defaultSeconds ?? 300;
  const maxSeconds = options.expiry?.maxSeconds ?? 600;
  const maxAttempts = options.txCode?.maxAttempts ?? 3;
  const txMinLength = options.txCode?.minLength ?? 6;
  const txMaxLength = options.txCode?.maxLength ?? 10;
  const wrongCodeError = options.txCode?.wrongCodeError ?? 'invalid_grant';
  const defaultProfile: OfferProfile = options.profile ?? '1.0';
  const defaultScheme = options.scheme ?? 'openid-credential-offer://';
  const defaultDelivery: OfferDelivery = options.delivery ?? 'value';
  const autoReferenceThreshold = options.autoReferenceThreshold ?? 512;
  const publicBaseUrl = options.publicBaseUrl?.replace(/\/+$/, '');
  const generateIssuerState = options.authorizationCode?.issuerState === 'generate';
  const defaultLanguage = options.defaultLanguage ?? 'en';
  const onEvent = options.onEvent;
  const preAuthorizedSchema = createPreAuthorizedOfferInputSchema({
    txCodeMinLength: txMinLength,
    txCodeMaxLength: txMaxLength,
    maxExpirySeconds: maxSeconds,
  });

  // Takes a factory so that no event object (nor its ISO timestamps) is built when nobody listens.
  function emit(event: () => OfferEvent): void {
    if (onEvent === undefined) return;
    try {
      onEvent(event());
    } catch {
      // A failing listener must never change the result of an offer operation.
    }
  }

  function nowIso(now: number): string {
    return new Date(now).toISOString();
  }

  function invalid(message: string, details: ErrorDetail[]): OfferKitError {
    return new OfferKitError('invalid_input', message, { details });
  }

  function parseOrThrow<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
    if (!isPlainObject(input)) {
      throw invalid('Request body must be a JSON object', [
        { msg: 'Must be a JSON object', param: 'body', location: 'body' },
      ]);
    }
    const result = v.safeParse(schema, input);
    if (!result.success) {
      throw invalid('Invalid request body', issuesToDetails(result.issues, 'body'));
    }
    return result.output;
  }

  function checkCredentials(ids: string[], preAuthorized: boolean): void {
    const unknown: ErrorDetail[] = [];
    const unsupported: ErrorDetail[] = [];
    ids.forEach((id, index) => {
      const configuration = configurations.get(id);
      if (configuration === undefined) {
        unknown.push({
          value: id,
          msg: 'Unknown credential configuration',
          param: `credentials[${index}]`,
          location: 'body',
        });
      } else if (preAuthorized && !preAuthorizedFormats.has(configuration.format)) {
        unsupported.push({
          value: id,
          msg: `Pre-authorized offers support only ${[...preAuthorizedFormats].join(', ')} configurations`,
          param: `credentials[${index}]`,
          location: 'body',
        });
      }
    });
    if (unknown.length > 0) {
      throw new OfferKitError('unknown_credential_configuration', 'Unknown credential configuration', {
        details: unknown,
      });
    }
    if (unsupported.length > 0) {
      throw new OfferKitError(
        'unsupported_credential_format',
        'Credential format not supported for this offer type',
        {
          details: unsupported,
        },
      );
    }
  }

  const defaultEncoding = {
    profile: defaultProfile,
    scheme: defaultScheme,
    delivery: defaultDelivery,
  } as const;

  function resolveEncoding(overrides: OfferEncodingOverrides | undefined): {
    profile: OfferProfile;
    scheme: string;
    delivery: OfferDelivery;
  } {
    // The issuer's own defaults were validated at construction; only per-call overrides need checking.
    if (overrides === undefined) return defaultEncoding;
    const details: ErrorDetail[] = [];
    if (overrides?.profile !== undefined && !v.is(ProfileSchema, overrides.profile)) {
      details.push({
        value: overrides.profile,
        msg: "Must be '1.0', 'draft-11' or 'dual'",
        param: 'profile',
        location: 'options',
      });
    }
    if (overrides?.scheme !== undefined && !isValidOfferScheme(overrides.scheme)) {
      details.push({
        msg: 'Must be a custom scheme like haip-vci:// or an https URL',
        param: 'scheme',
        location: 'options',
      });
    }
    if (overrides?.delivery !== undefined && !v.is(DeliverySchema, overrides.delivery)) {
      details.push({
        value: overrides.delivery,
        msg: "Must be 'value', 'reference' or 'auto'",
        param: 'delivery',
        location: 'options',
      });
    }
    const delivery = overrides?.delivery ?? defaultDelivery;
    if (delivery !== 'value' && publicBaseUrl === undefined) {
      details.push({
        msg: 'publicBaseUrl is required for delivery by reference',
        param: 'delivery',
        location: 'options',
      });
    }
    if (details.length > 0) throw invalid('Invalid offer encoding options', details);
    return {
      profile: overrides?.profile ?? defaultProfile,
      scheme: overrides?.scheme ?? defaultScheme,
      delivery,
    };
  }

  function rebuildOffer(
    record: OfferRecord,
    code: string,
    acceptLanguage: string | undefined,
  ): CredentialOffer {
    return buildPreAuthorizedCredentialOffer({
      credentialIssuer,
      credentials: record.credentials,
      preAuthorizedCode: code,
      txCode: record.txCode,
      profile: record.profile,
      language: { defaultLanguage, acceptLanguage },
    });
  }

  function normaliseId(id: unknown, param: string): string {
    if (typeof id !== 'string' || !UUID.test(id)) {
      throw invalid(`Invalid ${param}`, [
        {
          ...(typeof id === 'string' && id.length <= 64 ? { value: id } : {}),
          msg: 'Must be a uuid',
          param,
          location: 'params',
        },
      ]);
    }
    return id.toLowerCase();
  }

  function grantError(reason: RedeemFailureReason, offerId: string | null, now: number): OfferKitError {
    // One message for every reason, so the response is no oracle for the offer's state.
    return redeemFailure(
      reason,
      offerId,
      now,
      new OfferKitError('invalid_grant', 'The pre-authorized code is invalid, expired or already used'),
    );
  }

  function redeemFailure(
    reason: RedeemFailureReason,
    offerId: string | null,
    now: number,
    error: OfferKitError,
  ): OfferKitError {
    emit(() => ({ type: 'offer.redeem_failed', offerId, reason, at: nowIso(now) }));
    return error;
  }

  const issuer: OfferIssuer = {
    credentialIssuer,

    async createAuthorizationCodeOffer(input, overrides) {
      const body = parseOrThrow(AuthorizationCodeOfferInputSchema, input);
      checkCredentials(body.credentials, false);
      const { profile, scheme } = resolveEncoding(
        overrides === undefined ? undefined : { ...overrides, delivery: 'value' },
      );
      const issuerState = generateIssuerState ? secrets.newSecret() : undefined;
      const offer = buildAuthorizationCodeCredentialOffer({
        credentialIssuer,
        credentials: body.credentials,
        requestParameters: body.request_parameters,
        issuerState,
        profile,
      });
      emit(() => ({
        type: 'offer.created',
        offerId: null,
        userId: null,
        grant: 'authorization_code',
        credentials: body.credentials,
        expiresAt: null,
        at: nowIso(clock.now()),
      }));
      const uri = encodeCredentialOfferUri(offer, { scheme });
      return issuerState === undefined ? { uri } : { uri, issuerState };
    },

    async createPreAuthorizedOffer(input, overrides) {
      const body = parseOrThrow(preAuthorizedSchema, input);
      checkCredentials(body.credentials, true);
      const { profile, scheme, delivery } = resolveEncoding(overrides);
      const txConfig = body.transactionCodeConfiguration;
      const txCode: StoredTransactionCodeDescription | null =
        txConfig === undefined
          ? null
          : {
              inputMode: txConfig.inputMode ?? 'numeric',
              // 6 (MATTR's default) unless the issuer's own length bounds exclude it.
              length: txConfig.length ?? Math.min(Math.max(6, txMinLength), txMaxLength),
              ...(txConfig.description === undefined ? {} : { description: txConfig.description }),
            };
      if (
        txCode !== null &&
        profile === 'draft-11' &&
        (txCode.inputMode !== 'numeric' || txCode.length > 8)
      ) {
        throw invalid('Invalid transactionCodeConfiguration', [
          {
            msg: 'draft-11 user PINs must be numeric with at most 8 digits',
            param: 'transactionCodeConfiguration',
            location: 'body',
          },
        ]);
      }
      const claimsToPersist = body.claimsToPersist ?? [];
      const missing = claimsToPersist.filter(
        (name) => body.claims === undefined || !Object.hasOwn(body.claims, name),
      );
      if (missing.length > 0) {
        throw invalid(
          'Invalid claimsToPersist',
          missing.map((name) => ({
            value: name,
            msg: 'Must name a key of claims',
            param: 'claimsToPersist',
            location: 'body',
          })),
        );
      }

      const now = clock.now();
      let userId: string;
      let persistedClaims: Record<string, unknown> = {};
      if (body.userId === undefined) {
        userId = uuidv4({ random: crypto.randomBytes(16) });
        await callStore(() => userStore.create(userId, now));
      } else {
        userId = body.userId.toLowerCase();
        const user = await callStore(() => userStore.findById(userId));
        if (user === undefined) {
          throw new OfferKitError('not_found', 'User not found', {
            details: [{ value: body.userId, msg: 'User not found', param: 'userId', location: 'body' }],
          });
        }
        persistedClaims = user.claims;
      }
      if (claimsToPersist.length > 0 && body.claims !== undefined) {
        const claims = body.claims;
        const toPersist = Object.fromEntries(claimsToPersist.map((name) => [name, claims[name]]));
        await callStore(() => userStore.persistClaims(userId, toPersist, now));
      }

      const seconds =
        body.expiresIn === undefined
          ? defaultSeconds
          : (body.expiresIn.minutes ?? 0) * 60 + (body.expiresIn.seconds ?? 0);
      const expiresAt = now + seconds * 1000;
      const id = uuidv4({ random: crypto.randomBytes(16) });
      const transactionCode =
        txCode === null ? undefined : generateTransactionCode(crypto, txCode.inputMode, txCode.length);

      // By reference, the code is derived from the reference secret so the GET needs nothing in plaintext; for
      // 'auto' the derivation happens first because the by-value length does not depend on the code's value.
      const reference = delivery === 'value' ? undefined : secrets.newSecret();
      const code = reference === undefined ? secrets.newSecret() : secrets.codeFromReference(reference);
      const offer = buildPreAuthorizedCredentialOffer({
        credentialIssuer,
        credentials: body.credentials,
        preAuthorizedCode: code,
        txCode,
        profile,
        language: { defaultLanguage },
      });
      let uri = delivery === 'reference' ? '' : encodeCredentialOfferUri(offer, { scheme });
      const byReference =
        delivery === 'reference' || (delivery === 'auto' && uri.length > autoReferenceThreshold);
      if (byReference) {
        uri = encodeCredentialOfferUriByReference(`${publicBaseUrl}${REFERENCE_PATH}${reference}`, {
          scheme,
        });
      }
      const claims =
        body.claims === undefined && Object.keys(persistedClaims).length === 0
          ? null
          : { ...persistedClaims, ...body.claims };
      const record: OfferRecord = {
        id,
        userId,
        codeHash: secrets.hash(code),
        referenceHash: byReference && reference !== undefined ? secrets.hash(reference) : null,
        txCodeMac: transactionCode === undefined ? null : secrets.txCodeMac(code, transactionCode),
        txCode,
        credentials: body.credentials,
        profile,
        claims,
        createdAt: now,
        expiresAt,
        attempts: 0,
        consumedAt: null,
        revokedAt: null,
        lockedAt: null,
      };
      await callStore(() => offerStore.insert(record));
      const expiresAtIso = nowIso(expiresAt);
      emit(() => ({
        type: 'offer.created',
        offerId: id,
        userId,
        grant: 'pre-authorized_code',
        credentials: body.credentials,
        expiresAt: expiresAtIso,
        at: nowIso(now),
      }));
      const result: PreAuthorizedOfferResult = { id, userId, uri, expiresAt: expiresAtIso };
      if (transactionCode !== undefined) result.transactionCode = transactionCode;
      return result;
    },

    async deletePreAuthorizedOffer(rawId) {
      const id = normaliseId(rawId, 'id');
      const now = clock.now();
      const revoked = await callStore(() => offerStore.revoke(id, now));
      if (!revoked) {
        throw new OfferKitError('not_found', 'Offer not found', {
          details: [{ value: id, msg: 'No live offer with this id', param: 'id', location: 'params' }],
        });
      }
      emit(() => ({ type: 'offer.deleted', offerId: id, at: nowIso(now) }));
    },

    async getPreAuthorizedOffer(rawId) {
      const id = normaliseId(rawId, 'id');
      const record = await callStore(() => offerStore.findById(id));
      if (record === undefined) {
        throw new OfferKitError('not_found', 'Offer not found', {
          details: [{ value: id, msg: 'No offer with this id', param: 'id', location: 'params' }],
        });
      }
      const status: PreAuthorizedOfferStatus = {
        id: record.id,
        userId: record.userId,
        credentials: record.credentials,
        status: offerStatusAt(record, clock.now()),
        createdAt: nowIso(record.createdAt),
        expiresAt: nowIso(record.expiresAt),
        transactionCodeRequired: record.txCodeMac !== null,
        failedAttempts: record.consumedAt === null ? record.attempts : Math.max(0, record.attempts - 1),
        maxAttempts,
        deliveredByReference: record.referenceHash !== null,
      };
      return status;
    },

    async revokeOffersForUser(rawUserId) {
      const userId = normaliseId(rawUserId, 'userId');
      const now = clock.now();
      const revoked = await callStore(() => offerStore.revokeByUser(userId, now));
      emit(() => ({ type: 'offer.user_revoked', userId, count: revoked, at: nowIso(now) }));
      return { revoked };
    },

    async resolveCredentialOffer(reference, resolveOptions) {
      const notFound = () => new OfferKitError('not_found', 'Credential offer not found');
      if (typeof reference !== 'string' || !secrets.isSecretShaped(reference)) throw notFound();
      const record = await callStore(() => offerStore.findByReferenceHash(secrets.hash(reference)));
      const now = clock.now();
      if (record === undefined || offerStatusAt(record, now) !== 'active') throw notFound();
      emit(() => ({ type: 'offer.retrieved', offerId: record.id, at: nowIso(now) }));
      return rebuildOffer(record, secrets.codeFromReference(reference), resolveOptions?.acceptLanguage);
    },

    async redeemPreAuthorizedCode(input): Promise<Redemption> {
      const parsed = v.safeParse(RedeemInputSchema, input);
      if (!parsed.success) {
        throw new OfferKitError('invalid_request', 'The token request is malformed', {
          details: issuesToDetails(parsed.issues, 'body'),
        });
      }
      const { tx_code: txCodeParam, user_pin: userPin } = parsed.output;
      if (txCodeParam !== undefined && userPin !== undefined && txCodeParam !== userPin) {
        throw new OfferKitError('invalid_request', 'tx_code and user_pin disagree');
      }
      const txCode = txCodeParam ?? userPin;
      const code = parsed.output['pre-authorized_code'];
      const now = clock.now();
      // A code that cannot be ours is refused without a store round trip.
      if (!secrets.isSecretShaped(code)) throw grantError('unknown_code', null, now);
      const codeHash = secrets.hash(code);
      const record = await callStore(() => offerStore.findByCodeHash(codeHash));
      if (record === undefined) throw grantError('unknown_code', null, now);
      const state = offerStatusAt(record, now);
      if (state !== 'active') {
        const reason: RedeemFailureReason = state === 'redeemed' ? 'consumed' : state;
        throw grantError(reason, record.id, now);
      }
      if (record.txCodeMac !== null && txCode === undefined) {
        const error = new OfferKitError('invalid_request', 'tx_code is required for this offer');
        throw redeemFailure('tx_code_missing', record.id, now, error);
      }
      if (record.txCodeMac === null && txCode !== undefined) {
        const error = new OfferKitError('invalid_request', 'tx_code was not expected for this offer');
        throw redeemFailure('tx_code_unexpected', record.id, now, error);
      }
      if (record.txCodeMac !== null && txCode !== undefined) {
        // The attempt is reserved before comparing, so parallel guesses cannot all read attempts = 0.
        const reserved = await callStore(() => offerStore.reserveTxAttempt(codeHash, now, maxAttempts));
        if (reserved === undefined) throw grantError('attempts_exhausted', record.id, now);
        if (!secrets.digestsEqual(secrets.txCodeMac(code, txCode), record.txCodeMac)) {
          if (reserved.attempts >= maxAttempts) {
            const locked = await callStore(() => offerStore.lock(record.id, now));
            if (locked) emit(() => ({ type: 'offer.locked', offerId: record.id, at: nowIso(now) }));
            throw grantError('tx_code_wrong', record.id, now);
          }
          const error = new OfferKitError(wrongCodeError, 'The transaction code is wrong');
          throw redeemFailure('tx_code_wrong', record.id, now, error);
        }
      }
      const consumed = await callStore(() => offerStore.consume(codeHash, now));
      if (consumed === undefined) throw grantError('lost_race', record.id, now);
      emit(() => ({
        type: 'offer.redeemed',
        offerId: consumed.id,
        userId: consumed.userId,
        at: nowIso(now),
      }));
      return {
        offerId: consumed.id,
        userId: consumed.userId,
        credentials: consumed.credentials,
        claims: consumed.claims ?? {},
        redeemedAt: nowIso(now),
      };
    },

    async sweepExpiredOffers(limit = 1000) {
      const now = clock.now();
      const count = await callStore(() => offerStore.deleteExpired(now, limit));
      emit(() => ({ type: 'offer.expired_sweep', count, at: nowIso(now) }));
      return count;
    },
  };
  return issuer;
}

function toResolver(
  configurations: OfferIssuerOptions['credentialConfigurations'],
): CredentialConfigurationResolver {
  if (typeof (configurations as CredentialConfigurationResolver).get === 'function') {
    return configurations as CredentialConfigurationResolver;
  }
  const map = configurations as Record<string, { format: string; scope?: string }>;
  // Own properties only, so ids such as "__proto__" or "toString" can never resolve through the prototype.
  return { get: (id) => (Object.hasOwn(map, id) ? map[id] : undefined) };
}
