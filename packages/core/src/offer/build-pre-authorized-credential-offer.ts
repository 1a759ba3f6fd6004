import { resolveLocalizedText } from '../i18n/resolve-localized-text.js';
import type { StoredTransactionCodeDescription } from '../ports/offer-record.js';
import {
  type CredentialOffer,
  PRE_AUTHORIZED_CODE_GRANT,
  type PreAuthorizedCodeGrant,
} from './credential-offer.js';
import type { OfferProfile } from './offer-profile.js';

/** Inputs of `buildPreAuthorizedCredentialOffer`. */
export interface PreAuthorizedCredentialOfferParts {
  credentialIssuer: string;
  credentials: string[];
  preAuthorizedCode: string;
  txCode: StoredTransactionCodeDescription | null;
  profile: OfferProfile;
  /** Picks a localised description: the default language, overridden by `acceptLanguage` when given. */
  language?: { defaultLanguage: string; acceptLanguage?: string | undefined };
}

/**
 * The pre-authorized offer object for a profile. Member order follows the spec and MATTR examples
 * (`credential_issuer`, `credentials`, `credential_configuration_ids`, `grants`; `tx_code` as
 * `length`, `input_mode`, `description`), so encoded URIs match theirs byte for byte.
 */
export function buildPreAuthorizedCredentialOffer(parts: PreAuthorizedCredentialOfferParts): CredentialOffer {
  const grant: PreAuthorizedCodeGrant = { 'pre-authorized_code': parts.preAuthorizedCode };
  if (parts.profile === 'draft-11') {
    grant.user_pin_required = parts.txCode !== null;
  } else if (parts.txCode !== null) {
    grant.tx_code =
      parts.txCode.description === undefined
        ? { length: parts.txCode.length, input_mode: parts.txCode.inputMode }
        : {
            length: parts.txCode.length,
            input_mode: parts.txCode.inputMode,
            description: resolveLocalizedText(
              parts.txCode.description,
              parts.language?.defaultLanguage ?? 'en',
              parts.language?.acceptLanguage,
            ),
          };
  }
  const offer: CredentialOffer = { credential_issuer: parts.credentialIssuer };
  if (parts.profile !== '1.0') offer.credentials = parts.credentials;
  if (parts.profile !== 'draft-11') offer.credential_configuration_ids = parts.credentials;
  offer.grants = { [PRE_AUTHORIZED_CODE_GRANT]: grant };
  return offer;
}
