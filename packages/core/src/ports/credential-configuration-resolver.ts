/** What OfferKit needs to know about one credential configuration of the issuer's metadata. */
export interface CredentialConfiguration {
  /** Credential format, e.g. `mso_mdoc`, `dc+sd-jwt`, `jwt_vc_json`. */
  format: string;
  /** OAuth scope of the configuration (HAIP requires one). */
  scope?: string;
}

/** Looks up credential configurations by id. */
export interface CredentialConfigurationResolver {
  /** Returns the configuration with exactly this id (byte-for-byte, no normalisation), or undefined. */
  get(id: string): CredentialConfiguration | undefined;
}
