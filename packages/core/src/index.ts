export { bytesToBase64url } from './bytes/bytes-to-base64url.js';
export { systemClock } from './clock/system-clock.js';
export { createPortableCrypto } from './crypto/create-portable-crypto.js';
export {
  type DecodedCredentialOfferUri,
  decodeCredentialOfferUri,
} from './encoding/decode-credential-offer-uri.js';
export { encodeCredentialOfferUri, type OfferUriOptions } from './encoding/encode-credential-offer-uri.js';
export { encodeCredentialOfferUriByReference } from './encoding/encode-credential-offer-uri-by-reference.js';
export { DEFAULT_OFFER_SCHEME, isValidOfferScheme } from './encoding/offer-uri-scheme.js';
export { ERROR_TABLE, type OfferKitErrorCode } from './errors/error-code.js';
export { isOfferKitError } from './errors/is-offer-kit-error.js';
export { type ErrorDetail, OfferKitError, type OfferKitErrorOptions } from './errors/offer-kit-error.js';
export * from './http/index.js';
export type { LocalizedText } from './i18n/localized-text.js';
export { pickLanguage } from './i18n/pick-language.js';
export { resolveLocalizedText } from './i18n/resolve-localized-text.js';
export { createOfferIssuer } from './issuer/create-offer-issuer.js';
export type { OfferEvent, OfferEventListener, RedeemFailureReason } from './issuer/offer-event.js';
export type * from './issuer/offer-issuer.js';
export type { OfferIssuerOptions } from './issuer/offer-issuer-options.js';
export { offerStatusAt } from './issuer/offer-status-at.js';
export {
  type AuthorizationCodeCredentialOfferParts,
  buildAuthorizationCodeCredentialOffer,
} from './offer/build-authorization-code-credential-offer.js';
export {
  buildPreAuthorizedCredentialOffer,
  type PreAuthorizedCredentialOfferParts,
} from './offer/build-pre-authorized-credential-offer.js';
export type * from './offer/credential-offer.js';
export { PRE_AUTHORIZED_CODE_GRANT } from './offer/credential-offer.js';
export type { OfferProfile } from './offer/offer-profile.js';
export type { TransactionCodeInputMode } from './offer/transaction-code-input-mode.js';
export * from './openapi/index.js';
export type { Clock } from './ports/clock.js';
export type {
  CredentialConfiguration,
  CredentialConfigurationResolver,
} from './ports/credential-configuration-resolver.js';
export type { OfferCrypto } from './ports/offer-crypto.js';
export type { OfferRecord, StoredTransactionCodeDescription } from './ports/offer-record.js';
export type { OfferStore } from './ports/offer-store.js';
export type { UserRecord, UserStore } from './ports/user-store.js';
export { createOfferSecrets, type OfferSecrets, SECRET_BYTES } from './secrets/offer-secrets.js';
export { generateTransactionCode } from './tx-code/generate-transaction-code.js';
export { TRANSACTION_CODE_ALPHABETS } from './tx-code/transaction-code-alphabets.js';
