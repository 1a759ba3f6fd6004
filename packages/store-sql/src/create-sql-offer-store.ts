import type { OfferRecord, OfferStore } from '@offerkit/core';
import type { Kysely, Transaction } from 'kysely';
import { classifySqlError } from './classify-sql-error.js';
import { isOfferLiveAt } from './is-offer-live-at.js';
import { type GuardedOfferUpdate, prepareOfferStatements } from './offer-statements.js';
import type { SqlDialect } from './sql-dialect.js';
import { fromOfferRow, type OfferRow, type SelectedOfferRow, toOfferRow } from './sql-rows.js';
import { toStoreFailure } from './store-failure.js';
import type { OfferKitTableNames } from './table-names.js';

type OfferDb = Kysely<Record<string, OfferRow>>;

/**
 * Creates the SQL `OfferStore`. Every write is one guarded statement; `consume` and `reserveTxAttempt` use
 * `UPDATE … RETURNING` on PostgreSQL and SQLite, and on MySQL/MariaDB the affected-row count of the guarded
 * `UPDATE` decides, followed by a `SELECT` of the row inside the same transaction (the row lock taken by the
 * `UPDATE` keeps it unchanged until the commit). The hot statements are compiled once, when the store is
 * created (on every call if the `Kysely` instance has plugins).
 */
export function createSqlOfferStore(db: OfferDb, dialect: SqlDialect, names: OfferKitTableNames): OfferStore {
  const table = names.offers;
  const statements = prepareOfferStatements(db, dialect, table);

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

  async function updateGuarded<P extends string>(
    statement: GuardedOfferUpdate<P>,
    values: Readonly<Record<P, unknown>> & { codeHash: string },
  ): Promise<OfferRecord | undefined> {
    if (dialect !== 'mysql') {
      const { rows } = await db.executeQuery(statement(values));
      const row = rows[0] as SelectedOfferRow | undefined;
      return row === undefined ? undefined : fromOfferRow(row);
    }
    return inTransaction(async (trx) => {
      const result = await trx.executeQuery(statement(values));
      if (result.numAffectedRows !== 1n) return undefined;
      const { rows } = await trx.executeQuery(statements.selectByCodeHash({ value: values.codeHash }));
      const row = rows[0];
      return row === undefined ? undefined : fromOfferRow(row);
    });
  }

  async function findBy(
    statement: typeof statements.selectById,
    value: string,
  ): Promise<OfferRecord | undefined> {
    return run(async () => {
      const { rows } = await db.executeQuery(statement({ value }));
      const row = rows[0];
      return row === undefined ? undefined : fromOfferRow(row);
    });
  }

  return {
    insert: (record) =>
      run(async () => {
        await db.executeQuery(statements.insert(toOfferRow(record)));
      }),

    findById: (id) => findBy(statements.selectById, id),
    findByCodeHash: (codeHash) => findBy(statements.selectByCodeHash, codeHash),
    findByReferenceHash: (referenceHash) => findBy(statements.selectByReferenceHash, referenceHash),

    reserveTxAttempt: (codeHash, now, maxAttempts) =>
      runGuarded(() => updateGuarded(statements.reserveTxAttempt, { codeHash, now, maxAttempts })),

    consume: (codeHash, now) => runGuarded(() => updateGuarded(statements.consume, { codeHash, now })),

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
          .where(isOfferLiveAt(now))
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
