import { OfferKitError } from '@offerkit/core';

/** Table prefix used when the host passes none. */
export const DEFAULT_TABLE_PREFIX = 'offerkit_';

/** Names of every table and index OfferKit creates for one prefix. */
export interface OfferKitTableNames {
  offers: string;
  users: string;
  offersCodeHashIndex: string;
  offersReferenceHashIndex: string;
  offersExpiresAtIndex: string;
  offersUserIdIndex: string;
  migration: string;
  migrationLock: string;
}

const PREFIX_PATTERN = /^(?:[a-z][a-z0-9_]{0,39})?$/;

/**
 * Resolves the table and index names for `prefix`. The prefix is spliced into identifiers, so it is restricted
 * to lower-case letters, digits and `_` (at most 40 characters, which keeps every name within PostgreSQL's 63).
 * An empty prefix is allowed.
 */
export function resolveTableNames(prefix: string = DEFAULT_TABLE_PREFIX): OfferKitTableNames {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new OfferKitError('invalid_input', 'Invalid table prefix', {
      details: [
        { msg: 'must match /^[a-z][a-z0-9_]{0,39}$/ or be empty', param: 'tablePrefix', location: 'options' },
      ],
    });
  }
  return {
    offers: `${prefix}offers`,
    users: `${prefix}users`,
    offersCodeHashIndex: `${prefix}offers_code_hash_key`,
    offersReferenceHashIndex: `${prefix}offers_reference_hash_key`,
    offersExpiresAtIndex: `${prefix}offers_expires_at_idx`,
    offersUserIdIndex: `${prefix}offers_user_id_idx`,
    migration: `${prefix}migration`,
    migrationLock: `${prefix}migration_lock`,
  };
}
