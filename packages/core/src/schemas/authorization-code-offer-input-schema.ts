import * as v from 'valibot';
import { CredentialIdsSchema } from './credential-ids-schema.js';
import { jsonObjectSchema } from './json-object-schema.js';

/** Body of `POST /v1/openid/offers` (MATTR). Unknown members are rejected. */
export const AuthorizationCodeOfferInputSchema = v.strictObject(
  {
    credentials: CredentialIdsSchema,
    request_parameters: v.optional(jsonObjectSchema(4096)),
  },
  'Must be a JSON object with credentials and optional request_parameters',
);
