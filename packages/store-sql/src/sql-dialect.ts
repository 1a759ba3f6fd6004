import { type Kysely, MysqlAdapter, PostgresAdapter, SqliteAdapter } from 'kysely';

/** The SQL engine families the stores know how to talk to. */
export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

/**
 * Detects the engine family from the adapter of the host's `Kysely` instance. Falls back to the adapter's class
 * name (a second copy of kysely breaks `instanceof`) and then to `supportsReturning`.
 */
export function detectSqlDialect(db: Kysely<unknown>): SqlDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof MysqlAdapter) return 'mysql';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  const name = adapter.constructor.name.toLowerCase();
  if (name.includes('postgres')) return 'postgres';
  if (name.includes('mysql') || name.includes('maria')) return 'mysql';
  if (name.includes('sqlite')) return 'sqlite';
  // Without RETURNING the affected-row count (the MySQL path) is the only safe way to detect the winner.
  return adapter.supportsReturning ? 'sqlite' : 'mysql';
}
