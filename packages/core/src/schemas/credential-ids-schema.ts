import * as v from 'valibot';

/** Most credential configuration ids one offer may carry. */
export const MAX_CREDENTIALS_PER_OFFER = 64;

/** `credentials`: a non-empty array of unique, non-empty strings, at most 64 (OID4VCI §4.1.1, MATTR). */
export const CredentialIdsSchema = v.pipe(
  v.array(
    v.pipe(
      v.string('Must be a string'),
      v.minLength(1, 'Must not be empty'),
      v.maxLength(256, 'Must be at most 256 characters'),
    ),
    'Must be an array of credential configuration ids',
  ),
  v.minLength(1, 'Must contain at least one credential configuration id'),
  v.maxLength(
    MAX_CREDENTIALS_PER_OFFER,
    `Must contain at most ${MAX_CREDENTIALS_PER_OFFER} credential configuration ids`,
  ),
  v.check((ids) => new Set(ids).size === ids.length, 'Must not contain duplicates'),
);
