import type { OfferProfile, OfferRecord, StoredTransactionCodeDescription, UserRecord } from '@offerkit/core';
import type { ColumnType, InsertType, Selectable } from 'kysely';

/**
 * A BIGINT column: drivers hand it back as a number (better-sqlite3, mysql2), a string (pg) or a bigint
 * (safe-integer modes), and it is always written as a number.
 */
type BigIntColumn = ColumnType<number | string | bigint, number, number>;
type NullableBigIntColumn = ColumnType<number | string | bigint | null, number | null, number | null>;

/** One row of `${prefix}offers`. JSON values are stored as TEXT. */
export interface OfferRow {
  id: string;
  user_id: string;
  code_hash: string;
  reference_hash: string | null;
  tx_code_mac: string | null;
  tx_code: string | null;
  credentials: string;
  profile: string;
  claims: string | null;
  created_at: BigIntColumn;
  expires_at: BigIntColumn;
  attempts: ColumnType<number | string | bigint, number, number>;
  consumed_at: NullableBigIntColumn;
  revoked_at: NullableBigIntColumn;
  locked_at: NullableBigIntColumn;
}

/** One row of `${prefix}users`. */
export interface UserRow {
  id: string;
  claims: string;
  created_at: BigIntColumn;
  updated_at: BigIntColumn;
}

/** What a SELECT of an offer row yields. */
export type SelectedOfferRow = Selectable<OfferRow>;

/** What a SELECT of a user row yields. */
export type SelectedUserRow = Selectable<UserRow>;

function toInteger(value: number | string | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError('stored integer out of range');
  return n;
}

function toNullableInteger(value: number | string | bigint | null): number | null {
  return value === null ? null : toInteger(value);
}

/** Maps an offer record to the row written by `insert`. */
export function toOfferRow(record: OfferRecord): { [K in keyof OfferRow]: InsertType<OfferRow[K]> } {
  return {
    id: record.id,
    user_id: record.userId,
    code_hash: record.codeHash,
    reference_hash: record.referenceHash,
    tx_code_mac: record.txCodeMac,
    tx_code: record.txCode === null ? null : JSON.stringify(record.txCode),
    credentials: JSON.stringify(record.credentials),
    profile: record.profile,
    claims: record.claims === null ? null : JSON.stringify(record.claims),
    created_at: record.createdAt,
    expires_at: record.expiresAt,
    attempts: record.attempts,
    consumed_at: record.consumedAt,
    revoked_at: record.revokedAt,
    locked_at: record.lockedAt,
  };
}

/** Maps a selected offer row back to the record. */
export function fromOfferRow(row: SelectedOfferRow): OfferRecord {
  return {
    id: row.id,
    userId: row.user_id,
    codeHash: row.code_hash,
    referenceHash: row.reference_hash,
    txCodeMac: row.tx_code_mac,
    txCode: row.tx_code === null ? null : (JSON.parse(row.tx_code) as StoredTransactionCodeDescription),
    credentials: JSON.parse(row.credentials) as string[],
    profile: row.profile as OfferProfile,
    claims: row.claims === null ? null : (JSON.parse(row.claims) as Record<string, unknown>),
    createdAt: toInteger(row.created_at),
    expiresAt: toInteger(row.expires_at),
    attempts: toInteger(row.attempts),
    consumedAt: toNullableInteger(row.consumed_at),
    revokedAt: toNullableInteger(row.revoked_at),
    lockedAt: toNullableInteger(row.locked_at),
  };
}

/** Maps a selected user row back to the record. */
export function fromUserRow(row: SelectedUserRow): UserRecord {
  return {
    id: row.id,
    claims: JSON.parse(row.claims) as Record<string, unknown>,
    createdAt: toInteger(row.created_at),
    updatedAt: toInteger(row.updated_at),
  };
}
