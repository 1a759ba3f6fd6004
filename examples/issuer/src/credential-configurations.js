/**
 * The two credential configurations this example issuer offers. A real issuer lists the same ids in its
 * `/.well-known/openid-credential-issuer` metadata; OfferKit only needs the format and scope.
 * @type {Record<string, import('@offerkit/core').CredentialConfiguration>}
 */
export const credentialConfigurations = {
  'org.iso.18013.5.1.mDL': { format: 'mso_mdoc', scope: 'org.iso.18013.5.1.mDL' },
  UniversityDegree: { format: 'dc+sd-jwt', scope: 'UniversityDegree' },
};
