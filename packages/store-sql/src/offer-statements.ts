import { type Kysely, sql, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import { isOfferLiveAt } from './is-offer-live-at.js';
import { type BoundStatement, prepareStatement } from './prepare-statement.js';
import type { SqlDialect } from './sql-dialect.js';
import type { OfferRow, SelectedOfferRow } from './sql-rows.js';

type OfferDb = Kysely<Record<string, OfferRow>>;

const OFFER_COLUMNS = [
  'id',
  'user_id',
  'code_hash',
  'reference_hash',
  'tx_code_mac',
  'tx_code',
  'credentials',
  'profile',
  'claims',
  'created_at',
  'expires_at',
  'attempts',
  'consumed_at',
  'revoked_at',
  'locked_at',
] as const satisfies readonly (keyof OfferRow)[];

/**
 * A guarded update of `consume`/`reserveTxAttempt`: it returns the updated row (`RETURNING *`) on PostgreSQL and
 * SQLite; on MySQL/MariaDB it returns nothing and the affected-row count decides.
 */
export type GuardedOfferUpdate<P extends string> = BoundStatement<P, SelectedOfferRow | UpdateResult>;

/** The hot statements of the offer store, each compiled once per store (dialect and table prefix). */
export interface OfferStatements {
  insert: BoundStatement<(typeof OFFER_COLUMNS)[number], unknown>;
  selectById: BoundStatement<'value', SelectedOfferRow>;
  selectByCodeHash: BoundStatement<'value', SelectedOfferRow>;
  selectByReferenceHash: BoundStatement<'value', SelectedOfferRow>;
  consume: GuardedOfferUpdate<'codeHash' | 'now'>;
  reserveTxAttempt: GuardedOfferUpdate<'codeHash' | 'now' | 'maxAttempts'>;
}

function prepareGuardedUpdate<const P extends string>(
  db: OfferDb,
  dialect: SqlDialect,
  names: readonly P[],
  build: (
    parameters: Readonly<Record<P, never>>,
  ) => UpdateQueryBuilder<Record<string, OfferRow>, string, string, UpdateResult>,
): GuardedOfferUpdate<P> {
  return prepareStatement<P, SelectedOfferRow | UpdateResult>(db, names, (p) =>
    dialect === 'mysql' ? build(p) : build(p).returningAll(),
  );
}

/** Compiles the hot offer statements for `table` on the host's `db`. */
export function prepareOfferStatements(db: OfferDb, dialect: SqlDialect, table: string): OfferStatements {
  const selectBy = (column: 'id' | 'code_hash' | 'reference_hash') =>
    prepareStatement(db, ['value'], (p) => db.selectFrom(table).selectAll().where(column, '=', p.value));
  return {
    insert: prepareStatement(db, OFFER_COLUMNS, (p) => db.insertInto(table).values(p)),
    selectById: selectBy('id'),
    selectByCodeHash: selectBy('code_hash'),
    selectByReferenceHash: selectBy('reference_hash'),
    consume: prepareGuardedUpdate(db, dialect, ['codeHash', 'now'], (p) =>
      db
        .updateTable(table)
        .set({ consumed_at: p.now })
        .where('code_hash', '=', p.codeHash)
        .where(isOfferLiveAt(p.now)),
    ),
    reserveTxAttempt: prepareGuardedUpdate(db, dialect, ['codeHash', 'now', 'maxAttempts'], (p) =>
      db
        .updateTable(table)
        .set({ attempts: sql<number>`${sql.ref('attempts')} + 1` })
        .where('code_hash', '=', p.codeHash)
        .where(isOfferLiveAt(p.now))
        .where('attempts', '<', p.maxAttempts),
    ),
  };
}
