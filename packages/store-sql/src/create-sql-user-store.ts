import { OfferKitError, type UserStore } from '@offerkit/core';
import type { Kysely } from 'kysely';
import { fromUserRow, type UserRow } from './sql-rows.js';
import { toStoreFailure } from './store-failure.js';
import type { OfferKitTableNames } from './table-names.js';

type UserDb = Kysely<Record<string, UserRow>>;

/** How often `persistClaims` retries its compare-and-set before it reports the storage as unavailable. */
const MAX_MERGE_ROUNDS = 32;

/**
 * Creates the SQL `UserStore`. `persistClaims` merges in JavaScript and writes with a compare-and-set
 * (`UPDATE … WHERE id = ? AND claims = <the text it read>`), retried when a concurrent merge got there first, so
 * no merge is ever lost and the JSON text is never reinterpreted by an engine's JSON functions.
 */
export function createSqlUserStore(db: UserDb, names: OfferKitTableNames): UserStore {
  const table = names.users;

  async function run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreFailure(error, 'User');
    }
  }

  return {
    create: (id, now) =>
      run(async () => {
        await db.insertInto(table).values({ id, claims: '{}', created_at: now, updated_at: now }).execute();
      }),

    findById: (id) =>
      run(async () => {
        const row = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? undefined : fromUserRow(row);
      }),

    persistClaims: (id, claims, now) =>
      run(async () => {
        for (let round = 0; round < MAX_MERGE_ROUNDS; round++) {
          const row = await db.selectFrom(table).select('claims').where('id', '=', id).executeTakeFirst();
          if (row === undefined) return false;
          const merged = { ...(JSON.parse(row.claims) as Record<string, unknown>), ...claims };
          const result = await db
            .updateTable(table)
            .set({ claims: JSON.stringify(merged), updated_at: now })
            .where('id', '=', id)
            .where('claims', '=', row.claims)
            .executeTakeFirst();
          if (result.numUpdatedRows > 0n) return true;
        }
        throw new OfferKitError('unavailable', 'User storage is unavailable');
      }),
  };
}
