import { OfferKitError, type UserStore } from '@offerkit/core';
import { type Kysely, sql } from 'kysely';
import { prepareStatement } from './prepare-statement.js';
import type { SqlDialect } from './sql-dialect.js';
import { fromUserRow, type UserRow } from './sql-rows.js';
import { toStoreFailure } from './store-failure.js';
import type { OfferKitTableNames } from './table-names.js';

type UserDb = Kysely<Record<string, UserRow>>;

/** How often `persistClaims` retries a guarded write that lost before it reports the storage as unavailable. */
const MAX_MERGE_ROUNDS = 8;

/**
 * Creates the SQL `UserStore`. `persistClaims` merges in JavaScript, so the JSON text is never reinterpreted by
 * an engine's JSON functions (PostgreSQL `jsonb` rejects `\u0000`, MySQL `JSON` rounds big numbers). It holds
 * the row lock while it merges (`SELECT … FOR UPDATE` in a transaction; `BEGIN IMMEDIATE` on SQLite) and its
 * `UPDATE` is still guarded by the text it read, so no concurrent merge is ever lost.
 */
export function createSqlUserStore(db: UserDb, dialect: SqlDialect, names: OfferKitTableNames): UserStore {
  const table = names.users;
  const insert = prepareStatement(db, ['id', 'now'], (p) =>
    db.insertInto(table).values({ id: p.id, claims: '{}', created_at: p.now, updated_at: p.now }),
  );
  const selectById = prepareStatement(db, ['id'], (p) =>
    db.selectFrom(table).selectAll().where('id', '=', p.id),
  );

  async function withRowLock<T>(work: (executor: UserDb) => Promise<T>): Promise<T> {
    if (db.isTransaction) return work(db);
    if (dialect !== 'sqlite') return db.transaction().execute((trx) => work(trx));
    // SQLite has no row locks; an immediate transaction takes the write lock before the read, so two
    // connections cannot both read the old claims (a deferred one would fail its upgrade with SQLITE_BUSY).
    return db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      try {
        const result = await work(connection);
        await sql`commit`.execute(connection);
        return result;
      } catch (error) {
        await sql`rollback`.execute(connection).catch(() => undefined);
        throw error;
      }
    });
  }

  async function mergeOnce(
    executor: UserDb,
    id: string,
    claims: Record<string, unknown>,
    now: number,
  ): Promise<boolean | 'retry'> {
    const select = executor.selectFrom(table).select('claims').where('id', '=', id);
    const row = await (dialect === 'sqlite' ? select : select.forUpdate()).executeTakeFirst();
    if (row === undefined) return false;
    const merged = { ...(JSON.parse(row.claims) as Record<string, unknown>), ...claims };
    const result = await executor
      .updateTable(table)
      .set({ claims: JSON.stringify(merged), updated_at: now })
      .where('id', '=', id)
      .where('claims', '=', row.claims)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? true : 'retry';
  }

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
        await db.executeQuery(insert({ id, now }));
      }),

    findById: (id) =>
      run(async () => {
        const row = (await db.executeQuery(selectById({ id }))).rows[0];
        return row === undefined ? undefined : fromUserRow(row);
      }),

    persistClaims: (id, claims, now) =>
      run(async () => {
        for (let round = 0; round < MAX_MERGE_ROUNDS; round++) {
          const outcome = await withRowLock((executor) => mergeOnce(executor, id, claims, now));
          if (outcome !== 'retry') return outcome;
        }
        throw new OfferKitError('unavailable', 'User storage is unavailable');
      }),
  };
}
