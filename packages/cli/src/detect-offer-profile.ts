/** Which OpenID4VCI profile an offer object follows, judged by its members. */
export type DetectedProfile = '1.0' | 'draft-11' | 'dual' | 'unknown';

/** Which grants an offer carries. */
export type DetectedGrants = 'pre-authorized_code' | 'authorization_code' | 'both' | 'none';

/** Profile and grants of an offer, with a one-line human description. */
export interface OfferProfileMatch {
  profile: DetectedProfile;
  grants: DetectedGrants;
  summary: string;
}

const PRE_AUTHORIZED = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/**
 * Matches an offer object against the profiles OfferKit emits: `1.0` (`credential_configuration_ids`),
 * `draft-11` (`credentials`), `dual` (both, what MATTR emits); an offer without grants is an authorization-code
 * offer in MATTR's shape.
 */
export function detectOfferProfile(offer: Record<string, unknown>): OfferProfileMatch {
  const hasIds = 'credential_configuration_ids' in offer;
  const hasCredentials = 'credentials' in offer;
  const profile: DetectedProfile =
    hasIds && hasCredentials ? 'dual' : hasIds ? '1.0' : hasCredentials ? 'draft-11' : 'unknown';
  const grantsValue = offer.grants;
  const grantObject =
    typeof grantsValue === 'object' && grantsValue !== null && !Array.isArray(grantsValue)
      ? (grantsValue as Record<string, unknown>)
      : {};
  const pre = PRE_AUTHORIZED in grantObject;
  const auth = 'authorization_code' in grantObject;
  const grants: DetectedGrants =
    pre && auth ? 'both' : pre ? 'pre-authorized_code' : auth ? 'authorization_code' : 'none';
  const profileText: Record<DetectedProfile, string> = {
    '1.0': 'OpenID4VCI 1.0 (credential_configuration_ids)',
    'draft-11': 'draft-11 (credentials)',
    dual: 'dual: 1.0 and draft-11 at once (credentials and credential_configuration_ids, as MATTR emits)',
    unknown: 'no profile (neither credential_configuration_ids nor credentials)',
  };
  const grantText: Record<DetectedGrants, string> = {
    'pre-authorized_code': 'pre-authorized code offer',
    authorization_code: 'authorization code offer',
    both: 'pre-authorized and authorization code offer',
    none: 'authorization code offer without grants (MATTR style)',
  };
  return { profile, grants, summary: `${profileText[profile]}; ${grantText[grants]}` };
}
