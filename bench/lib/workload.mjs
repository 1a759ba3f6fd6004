// The one offer every benchmark creates: a pre-authorized mdoc offer with a 6-digit numeric tx code.

/** Credential issuer of every variant. */
export const CREDENTIAL_ISSUER = 'https://issuer.example.com';

/** Credential configuration id offered. */
export const CONFIGURATION_ID = 'org.iso.18013.5.1.mDL';

/** Known configurations, in OfferKit's static-map form. */
export const CREDENTIAL_CONFIGURATIONS = { [CONFIGURATION_ID]: { format: 'mso_mdoc' } };

/** The body of `createPreAuthorizedOffer` / `POST /v1/openid/offers/pre-authorized`. */
export const PRE_AUTHORIZED_INPUT = Object.freeze({
  credentials: [CONFIGURATION_ID],
  transactionCodeConfiguration: { inputMode: 'numeric', length: 6 },
});

/** The OID4VCI grant type identifier of the pre-authorized code flow. */
export const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** Default offer lifetime (ms), as in OfferKit. */
export const LIFETIME_MS = 300_000;

/** How many offers a store keeps before a benchmark variant starts a fresh one (bounds heap growth equally). */
export const STORE_RESET_EVERY = 10_000;
