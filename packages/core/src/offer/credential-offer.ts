/** Grant type URN of the pre-authorized code flow. */
export const PRE_AUTHORIZED_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** `tx_code` object of an OpenID4VCI 1.0 offer. */
export interface TxCodeObject {
  input_mode?: 'numeric' | 'text';
  length?: number;
  description?: string;
}

/** Pre-authorized code grant parameters, in every profile. */
export interface PreAuthorizedCodeGrant {
  'pre-authorized_code': string;
  /** 1.0 and dual profiles. */
  tx_code?: TxCodeObject;
  /** draft-11 profile. */
  user_pin_required?: boolean;
  authorization_server?: string;
}

/** Authorization code grant parameters. */
export interface AuthorizationCodeGrant {
  issuer_state?: string;
  authorization_server?: string;
}

/**
 * A credential offer object as sent to a wallet, in any of the three profiles. Extra top-level members (such as
 * MATTR's `request_parameters`) are allowed by the spec and kept.
 */
export interface CredentialOffer {
  credential_issuer: string;
  /** 1.0 and dual profiles. */
  credential_configuration_ids?: string[];
  /** draft-11 and dual profiles. */
  credentials?: string[];
  grants?: {
    authorization_code?: AuthorizationCodeGrant;
    'urn:ietf:params:oauth:grant-type:pre-authorized_code'?: PreAuthorizedCodeGrant;
  };
  request_parameters?: Record<string, unknown>;
  [member: string]: unknown;
}
