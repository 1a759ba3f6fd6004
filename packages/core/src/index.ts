export { ERROR_TABLE, type OfferKitErrorCode } from './errors/error-code.js';
export { isOfferKitError } from './errors/is-offer-kit-error.js';
export { type ErrorDetail, OfferKitError, type OfferKitErrorOptions } from './errors/offer-kit-error.js';
export * from './http/index.js';
export type { OfferEvent, OfferEventListener, RedeemFailureReason } from './issuer/offer-event.js';
export type * from './issuer/offer-issuer.js';
export type { OfferIssuerOptions } from './issuer/offer-issuer-options.js';
export type * from './offer/credential-offer.js';
export { PRE_AUTHORIZED_CODE_GRANT } from './offer/credential-offer.js';
export type { OfferProfile } from './offer/offer-profile.js';
export type { TransactionCodeInputMode } from './offer/transaction-code-input-mode.js';
export type { Clock } from './ports/clock.js';
export type {
  CredentialConfiguration,
  CredentialConfigurationResolver,
} from './ports/credential-configuration-resolver.js';
export type { OfferCrypto } from './ports/offer-crypto.js';
export type { OfferRecord, StoredTransactionCodeDescription } from './ports/offer-record.js';
export type { OfferStore } from './ports/offer-store.js';
export type { UserRecord, UserStore } from './ports/user-store.js';
