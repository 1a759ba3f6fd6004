import type { LocalizedText } from '../i18n/localized-text.js';
import type { OfferProfile } from '../offer/offer-profile.js';
import type { TransactionCodeInputMode } from '../offer/transaction-code-input-mode.js';

/**
 * The persisted form of a pre-authorized offer. It holds digests of its secrets, never the secrets themselves.
 * Every instant is integer epoch milliseconds.
 */
export interface OfferRecord {
  /** Offer id, a lower-case uuid v4. */
  id: string;
  /** Owner of the offer (a `UserStore` id). */
  userId: string;
  /** base64url(SHA-256(pre-authorized code)), 43 characters. Unique. */
  codeHash: string;
  /** base64url(SHA-256(reference secret)) for offers delivered by reference, else null. Unique when set. */
  referenceHash: string | null;
  /** base64url(HMAC-SHA-256(key = pre-authorized code, tx code)) when a tx code is required, else null. */
  txCodeMac: string | null;
  /** What the wallet is told about the tx code (no secret), or null when none is required. */
  txCode: StoredTransactionCodeDescription | null;
  /** Credential configuration ids, in the order the caller gave them. */
  credentials: string[];
  /** Offer profile the offer was created with. */
  profile: OfferProfile;
  /** Claims handed to `issueAccessToken` on redemption (JSON object), or null. */
  claims: Record<string, unknown> | null;
  /** Creation instant. */
  createdAt: number;
  /** First instant at which the offer is expired (`now >= expiresAt`). */
  expiresAt: number;
  /** Transaction-code attempts reserved so far. */
  attempts: number;
  /** Instant of the successful redemption, or null. */
  consumedAt: number | null;
  /** Instant of the delete (soft revoke), or null. */
  revokedAt: number | null;
  /** Instant at which too many wrong tx codes locked the offer, or null. */
  lockedAt: number | null;
}

/** The public part of a transaction code requirement, as stored with the offer. */
export interface StoredTransactionCodeDescription {
  inputMode: TransactionCodeInputMode;
  length: number;
  /** A text, or texts by language tag (the by-reference GET picks one by `Accept-Language`). */
  description?: LocalizedText;
}
