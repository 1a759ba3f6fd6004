import { sha256 } from '@noble/hashes/sha2.js';
import type { OfferRecord } from '../../ports/offer-record.js';

const encoder = new TextEncoder();
let sequence = 0;

function digest(label: string): Uint8Array {
  return sha256(encoder.encode(label));
}

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function toUuidV4(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Options of `createTestOfferRecord`. */
export interface TestOfferRecordOptions {
  /** Give the record a reference hash (an offer delivered by reference). Default false. */
  withReferenceHash?: boolean;
}

/**
 * Builds a valid, live `OfferRecord` with a unique id (uuid v4), code hash and reference hash (43-character
 * base64url digests), deterministic across runs. Defaults: user `user-a`, created at 0, expires at 2 000, no tx
 * code, no claims. `overrides` replace any field.
 */
export function createTestOfferRecord(
  overrides: Partial<OfferRecord> = {},
  options: TestOfferRecordOptions = {},
): OfferRecord {
  sequence += 1;
  const n = sequence;
  return {
    id: toUuidV4(digest(`offerkit-test:id:${n}`)),
    userId: 'user-a',
    codeHash: toBase64Url(digest(`offerkit-test:code:${n}`)),
    referenceHash: options.withReferenceHash === true ? toBase64Url(digest(`offerkit-test:ref:${n}`)) : null,
    txCodeMac: null,
    txCode: null,
    credentials: ['UniversityDegreeCredential'],
    profile: '1.0',
    claims: null,
    createdAt: 0,
    expiresAt: 2_000,
    attempts: 0,
    consumedAt: null,
    revokedAt: null,
    lockedAt: null,
    ...overrides,
  };
}
