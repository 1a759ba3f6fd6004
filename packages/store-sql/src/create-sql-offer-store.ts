import type { OfferRecord, OfferStore } from '@offerkit/core';
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { classifySqlError } from './classify-sql-error.js';
import type { SqlDialect } from './sql-dialect.js';
import { fromOfferRow, type OfferRow, toOfferRow } from './sql-rows.js';
import { toStoreFailure } from './store-failure.js';
import type { OfferKitTableNames } from './table-names.js';

type OfferDb = Kysely<Record<string, OfferRow>>;

/**
 * Creates the SQL `OfferStore`. Every write is one guarded statement; `consume` and `reserveTxAttempt` use
 * `UPDATE … RETURNING` on PostgreSQL and SQLite, and on MySQL/MariaDB the affected-row count of the guarded
 * `UPDATE` decides, followed by a `SELECT` of the row inside the same transaction (the row lock taken by the
 * `UPDATE` keeps it unchanged until the commit).
 */
export function createSqlOfferStore(db: OfferDb, dialect: SqlDialect, names: OfferKitTableNames): OfferStore {
  const table = names.offers;

  const liveAt = (now: number) => (eb: ExpressionBuilder<Record<string, OfferRow>, string>) =>
    eb.and([
      eb('consumed_at', 'is', null),
      eb('revoked_at', 'is', null),
      eb('locked_at', 'is', null),
      eb('expires_at', '>', now),
    ]);

  async function run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreFailure(error, 'Offer');
    }
  }

  /**
   * Runs a guarded update for `consume`/`reserveTxAttempt`. A statement the engine aborted because a concurrent
   * transaction changed the row is a lost race: the caller did not get the offer, which is the correct answer.
   */
  async function runGuarded(work: () => Promise<OfferRecord | undefined>): Promise<OfferRecord | undefined> {
    try {
      return await work();
    } catch (error) {
      if (classifySqlError(error) === 'lost-race') return undefined;
      throw toStoreFailure(error, 'Offer');
    }
  }

  async function inTransaction<T>(work: (trx: OfferDb) => Promise<T>): Promise<T> {
    if (db.isTransaction) return work(db);
    return db.transaction().execute((trx: Transaction<Record<string, OfferRow>>) => work(trx));
  }

  async function updateByCodeHash(
    codeHash: string,
    now: number,
    set: 'consume' | 'reserve',
    maxAttempts: number,
  ): Promise<OfferRecord | undefined> {
    const build = (executor: OfferDb) => {
      const base =
        set === 'consume'
          ? executor.updateTable(table).set({ consumed_at: now })
          : executor.updateTable(table).set({ attempts: sql<number>`${sql.ref('attempts')} + 1` });
      const guarded = base.where('code_hash', '=', codeHash).where(liveAt(now));
      return set === 'reserve' ? guarded.where('attempts', '<', maxAttempts) : guarded;
    };
    if (dialect !== 'mysql') {
      const row = await build(db).returningAll().executeTakeFirst();
      return row === undefined ? undefined : fromOfferRow(row);
    }
    return inTransaction(async (trx) => {
      const result = await build(trx).executeTakeFirst();
      if (result.numUpdatedRows !== 1n) return undefined;
      const row = await trx
        .selectFrom(table)
        .selectAll()
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      return row === undefined ? undefined : fromOfferRow(row);
    });
  }

  async function findBy(
    column: 'id' | 'code_hash' | 'reference_hash',
    value: string,
  ): Promise<OfferRecord | undefined> {
    return run(async () => {
      const row = await db.selectFrom(table).selectAll().where(column, '=', value).executeTakeFirst();
      return row === undefined ? undefined : fromOfferRow(row);
    });
  }

  return {
    insert: (record) =>
      run(async () => {
        await db.insertInto(table).values(toOfferRow(record)).execute();
      }),

    findById: (id) => findBy('id', id),
    findByCodeHash: (codeHash) => findBy('code_hash', codeHash),
    findByReferenceHash: (referenceHash) => findBy('reference_hash', referenceHash),

    reserveTxAttempt: (codeHash, now, maxAttempts) =>
      runGuarded(() => updateByCodeHash(codeHash, now, 'reserve', maxAttempts)),

    consume: (codeHash, now) => runGuarded(() => updateByCodeHash(codeHash, now, 'consume', 0)),

    lock: (id, now) =>
      run(async () => {
        const result = await db
          .updateTable(table)
          .set({ locked_at: now })
          .where('id', '=', id)
          .where('locked_at', 'is', null)
          .executeTakeFirst();
        return result.numUpdatedRows > 0n;
      }),

    revoke: (id, now) =>
      run(async () => {
        const result = await db
          .updateTable(table)
          .set({ revoked_at: now })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', now)
          .executeTakeFirst();
        return result.numUpdatedRows > 0n;
      }),

    revokeByUser: (userId, now) =>
      run(async () => {
        const result = await db
          .updateTable(table)
          .set({ revoked_at: now })
          .where('user_id', '=', userId)
          .where(liveAt(now))
          .executeTakeFirst();
        return Number(result.numUpdatedRows);
      }),

    deleteExpired: (now, limit) =>
      run(async () => {
        if (!Number.isSafeInteger(limit) || limit <= 0) return 0;
        // MySQL/MariaDB reject LIMIT inside an IN subquery but accept DELETE … LIMIT; PostgreSQL is the reverse.
        const result =
          dialect === 'mysql'
            ? await db
                .deleteFrom(table)
                .where('expires_at', '<=', now)
                .orderBy('expires_at')
                .limit(limit)
                .executeTakeFirst()
            : await db
                .deleteFrom(table)
                .where('id', 'in', (eb) =>
                  eb.selectFrom(table).select('id').where('expires_at', '<=', now).limit(limit),
                )
                .executeTakeFirst();
        return Number(result.numDeletedRows);
      }),
  };
}
