import type { CredentialOffer } from './credential-offer.js';
import type { OfferProfile } from './offer-profile.js';

/** Inputs of `buildAuthorizationCodeCredentialOffer`. */
export interface AuthorizationCodeCredentialOfferParts {
  credentialIssuer: string;
  credentials: string[];
  requestParameters: Record<string, unknown> | undefined;
  issuerState: string | undefined;
  profile: OfferProfile;
}

/**
 * The authorization-code offer object for a profile. Without an `issuer_state` it has no `grants` (as MATTR's
 * offers), which the spec allows: the wallet then reads the grants from the issuer's metadata.
 */
export function buildAuthorizationCodeCredentialOffer(
  parts: AuthorizationCodeCredentialOfferParts,
): CredentialOffer {
  const offer: CredentialOffer = { credential_issuer: parts.credentialIssuer };
  if (parts.profile !== '1.0') offer.credentials = parts.credentials;
  if (parts.profile !== 'draft-11') offer.credential_configuration_ids = parts.credentials;
  if (parts.issuerState !== undefined)
    offer.grants = { authorization_code: { issuer_state: parts.issuerState } };
  if (parts.requestParameters !== undefined) offer.request_parameters = parts.requestParameters;
  return offer;
}
