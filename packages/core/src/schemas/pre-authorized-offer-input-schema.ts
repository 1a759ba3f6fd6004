import * as v from 'valibot';
import { CredentialIdsSchema } from './credential-ids-schema.js';
import { jsonObjectSchema } from './json-object-schema.js';

/** Limits that depend on issuer options. */
export interface PreAuthorizedOfferInputLimits {
  txCodeMinLength: number;
  txCodeMaxLength: number;
  maxExpirySeconds: number;
}

const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

const DescriptionTextSchema = v.pipe(
  v.string('Must be a string'),
  v.maxCodePoints(300, 'Must be at most 300 characters'),
  v.check((text) => !hasControlCharacter(text), 'Must not contain control characters'),
);

const wholeNumber = (name: string) =>
  v.pipe(
    v.number(`${name} must be a number`),
    v.integer(`${name} must be a whole number`),
    v.minValue(0, `${name} must not be negative`),
  );

/**
 * Body of `POST /v1/openid/offers/pre-authorized` (MATTR field names). Built once per issuer, because the tx code
 * length and expiry limits are options. Unknown members are rejected everywhere.
 */
export function createPreAuthorizedOfferInputSchema(limits: PreAuthorizedOfferInputLimits) {
  return v.strictObject(
    {
      credentials: CredentialIdsSchema,
      userId: v.optional(v.pipe(v.string('Must be a string'), v.uuid('Must be a uuid'))),
      transactionCodeConfiguration: v.optional(
        v.strictObject(
          {
            inputMode: v.optional(v.picklist(['numeric', 'text'], "Must be 'numeric' or 'text'")),
            length: v.optional(
              v.pipe(
                v.number('Must be a number'),
                v.integer('Must be a whole number'),
                v.minValue(limits.txCodeMinLength, `Must be at least ${limits.txCodeMinLength}`),
                v.maxValue(limits.txCodeMaxLength, `Must be at most ${limits.txCodeMaxLength}`),
              ),
            ),
            description: v.optional(
              v.union(
                [
                  DescriptionTextSchema,
                  v.pipe(
                    v.record(
                      v.pipe(
                        v.string(),
                        v.regex(LANGUAGE_TAG, 'Keys must be language tags such as en or de-CH'),
                      ),
                      DescriptionTextSchema,
                    ),
                    v.check((map) => {
                      const count = Object.keys(map).length;
                      return count >= 1 && count <= 32;
                    }, 'Must have 1 to 32 languages'),
                  ),
                ],
                'Must be a text of at most 300 characters, or a map of language tags to such texts',
              ),
            ),
          },
          'Must be an object with optional inputMode, length and description',
        ),
      ),
      claims: v.optional(jsonObjectSchema(16 * 1024)),
      claimsToPersist: v.optional(
        v.pipe(
          v.array(v.string('Must be a string'), 'Must be an array of claim names'),
          v.maxLength(256, 'Must list at most 256 claims'),
          v.check((names) => new Set(names).size === names.length, 'Must not contain duplicates'),
        ),
      ),
      expiresIn: v.optional(
        v.pipe(
          v.strictObject(
            { minutes: v.optional(wholeNumber('minutes')), seconds: v.optional(wholeNumber('seconds')) },
            'Must be an object with minutes and/or seconds',
          ),
          v.check((e) => {
            const total = (e.minutes ?? 0) * 60 + (e.seconds ?? 0);
            return total > 0 && total <= limits.maxExpirySeconds;
          }, `Must total more than 0 and at most ${limits.maxExpirySeconds} seconds`),
        ),
      ),
    },
    'Must be a JSON object with MATTR pre-authorized offer fields',
  );
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f) return true;
  }
  return false;
}
