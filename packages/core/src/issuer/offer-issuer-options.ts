import type { OfferProfile } from '../offer/offer-profile.js';
import type { Clock } from '../ports/clock.js';
import type {
  CredentialConfiguration,
  CredentialConfigurationResolver,
} from '../ports/credential-configuration-resolver.js';
import type { OfferCrypto } from '../ports/offer-crypto.js';
import type { OfferStore } from '../ports/offer-store.js';
import type { UserStore } from '../ports/user-store.js';
import type { OfferEventListener } from './offer-event.js';
import type { OfferDelivery } from './offer-issuer.js';

/** Options of `createOfferIssuer`. Validated once, at construction. */
export interface OfferIssuerOptions {
  /** Credential Issuer Identifier: https URL without query or fragment (`http://localhost` and `http://127.0.0.1` allowed). */
  credentialIssuer: string;
  /** Known credential configurations: a resolver, or a static map by id. */
  credentialConfigurations: CredentialConfigurationResolver | Record<string, CredentialConfiguration>;
  /** Formats allowed on the pre-authorized route [`['mso_mdoc']`, as in MATTR VII]. */
  preAuthorizedFormats?: string[];
  offerStore: OfferStore;
  userStore: UserStore;
  /** [`systemClock`] */
  clock?: Clock;
  /** [`createPortableCrypto()`]; `@offerkit/core/node` exports a faster one. */
  crypto?: OfferCrypto;
  /** Offer lifetime in seconds [`{ defaultSeconds: 300, maxSeconds: 600 }`]. */
  expiry?: { defaultSeconds?: number; maxSeconds?: number };
  /** Transaction code rules [`{ maxAttempts: 3, minLength: 6, maxLength: 10, wrongCodeError: 'invalid_grant' }`]. */
  txCode?: {
    maxAttempts?: number;
    minLength?: number;
    maxLength?: number;
    wrongCodeError?: 'invalid_grant' | 'invalid_tx_code';
  };
  /** Wire profile [`'1.0'`]. */
  profile?: OfferProfile;
  /** Wallet invocation scheme [`'openid-credential-offer://'`]: any custom scheme or an https wallet endpoint. */
  scheme?: string;
  /** Delivery [`'value'`]. `'reference'` and `'auto'` need `publicBaseUrl`. */
  delivery?: OfferDelivery;
  /** Length in characters above which `'auto'` delivers by reference [512]. */
  autoReferenceThreshold?: number;
  /** Base URL of the public routes; `credential_offer_uri` is `${publicBaseUrl}/credential-offer/${ref}`. */
  publicBaseUrl?: string;
  /** Event hook; must not throw (exceptions are swallowed). */
  onEvent?: OfferEventListener;
  /** Language of the by-value tx code description when it is given as a map [`'en'`]. */
  defaultLanguage?: string;
  /** [`{ issuerState: 'none' }`]; `'generate'` adds a random `issuer_state` to authorization-code offers. */
  authorizationCode?: { issuerState?: 'none' | 'generate' };
}
