import type { OfferRecord } from '@offerkit/core';

/**
 * A deep copy of an offer record. Written out field by field because `structuredClone` of the whole record was
 * the largest single cost of creating an offer; only `claims`, whose shape is the caller's, goes through
 * `structuredClone` (which also refuses values that are not plain data, such as functions).
 */
export function copyOfferRecord(record: OfferRecord): OfferRecord {
  const { txCode } = record;
  return {
    id: record.id,
    userId: record.userId,
    codeHash: record.codeHash,
    referenceHash: record.referenceHash,
    txCodeMac: record.txCodeMac,
    txCode:
      txCode === null
        ? null
        : {
            inputMode: txCode.inputMode,
            length: txCode.length,
            ...(txCode.description === undefined
              ? {}
              : {
                  description:
                    typeof txCode.description === 'string' ? txCode.description : { ...txCode.description },
                }),
          },
    credentials: [...record.credentials],
    profile: record.profile,
    claims: record.claims === null ? null : structuredClone(record.claims),
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    attempts: record.attempts,
    consumedAt: record.consumedAt,
    revokedAt: record.revokedAt,
    lockedAt: record.lockedAt,
  };
}
