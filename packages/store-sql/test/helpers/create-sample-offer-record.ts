import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { OfferRecord } from '@offerkit/core';

/** A random 43-character base64url SHA-256 digest. */
export function createRandomHash(): string {
  return createHash('sha256').update(randomBytes(32)).digest('base64url');
}

/** A live offer record with random id and hashes; `overrides` replace any field. */
export function createSampleOfferRecord(overrides: Partial<OfferRecord> = {}): OfferRecord {
  return {
    id: randomUUID(),
    userId: randomUUID(),
    codeHash: createRandomHash(),
    referenceHash: null,
    txCodeMac: null,
    txCode: null,
    credentials: ['org.iso.18013.5.1.mDL'],
    profile: '1.0',
    claims: null,
    createdAt: 0,
    expiresAt: 10_000_000,
    attempts: 0,
    consumedAt: null,
    revokedAt: null,
    lockedAt: null,
    ...overrides,
  };
}
