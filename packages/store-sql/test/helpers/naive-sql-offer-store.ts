import type { OfferRecord, OfferStore } from '@offerkit/core';
import { type Kysely, sql } from 'kysely';
import { createSqlStores } from '../../src/index.js';

interface NaiveRow {
  id: string;
  consumed_at: number | string | null;
  revoked_at: number | string | null;
  locked_at: number | string | null;
  expires_at: number | string;
  attempts: number | string;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A deliberately WRONG SQL offer store for the mutation check: `consume` and `reserveTxAttempt` read the row,
 * await a short pause, then write with an unconditional `UPDATE`. The race harness must catch it (more than one
 * winner); a harness that does not proves nothing about the real store. Everything else is the real store.
 */
export function createNaiveSqlOfferStore(db: Kysely<unknown>, tablePrefix: string): OfferStore {
  const real = createSqlStores({ db, tablePrefix }).offerStore;
  const table = `${tablePrefix}offers`;

  async function readLive(codeHash: string, now: number): Promise<NaiveRow | undefined> {
    const { rows } =
      await sql<NaiveRow>`select id, consumed_at, revoked_at, locked_at, expires_at, attempts from ${sql.table(table)} where code_hash = ${codeHash}`.execute(
        db,
      );
    const row = rows[0];
    if (row === undefined) return undefined;
    const live =
      row.consumed_at === null &&
      row.revoked_at === null &&
      row.locked_at === null &&
      Number(row.expires_at) > now;
    return live ? row : undefined;
  }

  return {
    ...real,
    async consume(codeHash: string, now: number): Promise<OfferRecord | undefined> {
      const row = await readLive(codeHash, now);
      if (row === undefined) return undefined;
      await pause(5);
      await sql`update ${sql.table(table)} set consumed_at = ${now} where id = ${row.id}`.execute(db);
      return real.findById(row.id);
    },
    async reserveTxAttempt(
      codeHash: string,
      now: number,
      maxAttempts: number,
    ): Promise<OfferRecord | undefined> {
      const row = await readLive(codeHash, now);
      if (row === undefined || Number(row.attempts) >= maxAttempts) return undefined;
      await pause(5);
      await sql`update ${sql.table(table)} set attempts = ${Number(row.attempts) + 1} where id = ${row.id}`.execute(
        db,
      );
      return real.findById(row.id);
    },
  };
}
