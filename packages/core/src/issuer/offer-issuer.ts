import type { LocalizedText } from '../i18n/localized-text.js';
import type { CredentialOffer } from '../offer/credential-offer.js';
import type { OfferProfile } from '../offer/offer-profile.js';
import type { TransactionCodeInputMode } from '../offer/transaction-code-input-mode.js';

/** Input of `createAuthorizationCodeOffer` (MATTR `POST /v1/openid/offers` body). */
export interface AuthorizationCodeOfferInput {
  /** Credential configuration ids: non-empty, unique, at most 64. */
  credentials: string[];
  /** Extra authorization request parameters for the wallet, e.g. `login_hint` (MATTR extension). */
  request_parameters?: Record<string, unknown>;
}

/** Result of `createAuthorizationCodeOffer`. */
export interface AuthorizationCodeOfferResult {
  uri: string;
  /** Present when `authorizationCode.issuerState` is `'generate'`; the host must remember it. */
  issuerState?: string;
}

/** `transactionCodeConfiguration` of a pre-authorized offer. */
export interface TransactionCodeConfiguration {
  inputMode?: TransactionCodeInputMode;
  length?: number;
  /** At most 300 characters; or a map of language tags to such texts (by value, the default language is sent). */
  description?: LocalizedText;
}

/** Input of `createPreAuthorizedOffer` (MATTR `POST /v1/openid/offers/pre-authorized` body). */
export interface PreAuthorizedOfferInput {
  credentials: string[];
  userId?: string;
  transactionCodeConfiguration?: TransactionCodeConfiguration;
  claims?: Record<string, unknown>;
  claimsToPersist?: string[];
  expiresIn?: { minutes?: number; seconds?: number };
}

/** Per-call overrides of the issuer's encoding options. */
export interface OfferEncodingOverrides {
  profile?: OfferProfile;
  scheme?: string;
  delivery?: OfferDelivery;
}

/** How the offer travels in the URI. */
export type OfferDelivery = 'value' | 'reference' | 'auto';

/** Result of `createPreAuthorizedOffer`. Carries the only copies of the secrets. */
export interface PreAuthorizedOfferResult {
  id: string;
  userId: string;
  uri: string;
  /** ISO 8601 with milliseconds. */
  expiresAt: string;
  /** The generated tx code as a string (leading zeros kept); present only when one was configured. */
  transactionCode?: string;
}

/** Lifecycle state of a pre-authorized offer. */
export type OfferStatus = 'active' | 'redeemed' | 'revoked' | 'locked' | 'expired';

/** Status of a pre-authorized offer, without secrets (`getPreAuthorizedOffer`). */
export interface PreAuthorizedOfferStatus {
  id: string;
  userId: string;
  credentials: string[];
  status: OfferStatus;
  createdAt: string;
  expiresAt: string;
  transactionCodeRequired: boolean;
  failedAttempts: number;
  maxAttempts: number;
  deliveredByReference: boolean;
}

/** Token request parameters relevant to the pre-authorized grant. */
export interface RedeemInput {
  'pre-authorized_code': string;
  tx_code?: string;
  /** draft-11 name of `tx_code`. */
  user_pin?: string;
}

/** What a successful redemption hands to the host's token minter. */
export interface Redemption {
  offerId: string;
  userId: string;
  credentials: string[];
  claims: Record<string, unknown>;
  redeemedAt: string;
}

/** The offer API returned by `createOfferIssuer`. Every method throws only `OfferKitError`. */
export interface OfferIssuer {
  /** The `credential_issuer` of every offer. */
  readonly credentialIssuer: string;
  createAuthorizationCodeOffer(
    input: AuthorizationCodeOfferInput,
    overrides?: Omit<OfferEncodingOverrides, 'delivery'>,
  ): Promise<AuthorizationCodeOfferResult>;
  createPreAuthorizedOffer(
    input: PreAuthorizedOfferInput,
    overrides?: OfferEncodingOverrides,
  ): Promise<PreAuthorizedOfferResult>;
  /** Soft-revokes; `not_found` for an unknown, expired or already deleted id. */
  deletePreAuthorizedOffer(id: string): Promise<void>;
  getPreAuthorizedOffer(id: string): Promise<PreAuthorizedOfferStatus>;
  /** Revokes every live offer of the user; returns how many. */
  revokeOffersForUser(userId: string): Promise<{ revoked: number }>;
  /**
   * The offer behind a `credential_offer_uri` reference secret; `not_found` unless it is live. A localised tx
   * code description is picked for `acceptLanguage` (the request's `Accept-Language` header).
   */
  resolveCredentialOffer(reference: string, options?: { acceptLanguage?: string }): Promise<CredentialOffer>;
  /** Redeems a pre-authorized code exactly once; errors carry the OAuth code (`invalid_grant`, …). */
  redeemPreAuthorizedCode(input: RedeemInput): Promise<Redemption>;
  /** Housekeeping: deletes up to `limit` expired offers; returns how many. */
  sweepExpiredOffers(limit?: number): Promise<number>;
}
