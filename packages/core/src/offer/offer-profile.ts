/**
 * Which OID4VCI wire format an offer uses.
 * - `1.0`: `credential_configuration_ids` and `tx_code` (OpenID4VCI 1.0).
 * - `draft-11`: `credentials` and `user_pin_required` (draft 11 wallets).
 * - `dual`: both `credentials` and `credential_configuration_ids`, with `tx_code` (what MATTR VII emits).
 */
export type OfferProfile = '1.0' | 'draft-11' | 'dual';
