import fc from 'fast-check';
import { type CredentialOffer, PRE_AUTHORIZED_CODE_GRANT } from '../../offer/credential-offer.js';
import type { OfferProfile } from '../../offer/offer-profile.js';
import { trickyTextArbitrary } from './tricky-text-arbitrary.js';
import { txCodeObjectArbitrary } from './tx-code-object-arbitrary.js';

/** Options of `credentialOfferArbitrary`. */
export interface CredentialOfferArbitraryOptions {
  /** Restrict to one profile's members [any of `1.0`, `draft-11`, `dual`]. */
  profile?: OfferProfile;
}

/**
 * Credential offer objects as OfferKit and other issuers emit them: https issuers, unique configuration ids with
 * awkward characters, an optional authorization-code grant with `issuer_state`, an optional pre-authorized grant
 * with `tx_code` (or `user_pin_required` in draft 11), and MATTR's `request_parameters`. Use it to property-test a
 * wallet's offer parser against `encodeCredentialOfferUri`.
 */
export function credentialOfferArbitrary(
  options: CredentialOfferArbitraryOptions = {},
): fc.Arbitrary<CredentialOffer> {
  const profile =
    options.profile === undefined
      ? fc.constantFrom<OfferProfile>('1.0', 'draft-11', 'dual')
      : fc.constant(options.profile);
  const ids = fc.uniqueArray(
    trickyTextArbitrary().filter((s) => s.length > 0),
    { minLength: 1, maxLength: 5 },
  );
  const code = fc.base64String({ minLength: 4, maxLength: 64 });
  return fc
    .record({
      profile,
      issuer: fc.webUrl({ validSchemes: ['https'], withQueryParameters: false, withFragments: false }),
      ids,
      authorizationCode: fc.option(fc.record({ issuer_state: trickyTextArbitrary() }, { requiredKeys: [] }), {
        nil: undefined,
      }),
      preAuthorized: fc.option(
        fc.record({ code, txCode: fc.option(txCodeObjectArbitrary(), { nil: undefined }) }),
        { nil: undefined },
      ),
      requestParameters: fc.option(
        fc.dictionary(trickyTextArbitrary(), trickyTextArbitrary(), { maxKeys: 4 }),
        { nil: undefined },
      ),
    })
    .map(
      ({
        profile: p,
        issuer,
        ids: configurationIds,
        authorizationCode,
        preAuthorized,
        requestParameters,
      }) => {
        const offer: CredentialOffer = { credential_issuer: issuer };
        if (p !== '1.0') offer.credentials = configurationIds;
        if (p !== 'draft-11') offer.credential_configuration_ids = configurationIds;
        const grants: NonNullable<CredentialOffer['grants']> = {};
        if (authorizationCode !== undefined) grants.authorization_code = authorizationCode;
        if (preAuthorized !== undefined) {
          grants[PRE_AUTHORIZED_CODE_GRANT] =
            p === 'draft-11'
              ? {
                  'pre-authorized_code': preAuthorized.code,
                  user_pin_required: preAuthorized.txCode !== undefined,
                }
              : {
                  'pre-authorized_code': preAuthorized.code,
                  ...(preAuthorized.txCode === undefined ? {} : { tx_code: preAuthorized.txCode }),
                };
        }
        if (Object.keys(grants).length > 0) offer.grants = grants;
        if (requestParameters !== undefined) offer.request_parameters = requestParameters;
        return offer;
      },
    );
}
