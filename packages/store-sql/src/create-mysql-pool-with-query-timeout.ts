import type { MysqlPool, MysqlPoolConnection, MysqlQueryResult } from 'kysely';

type QueryCallback = (error: unknown, result: MysqlQueryResult) => void;

/** The part of a mysql2 pool connection the timeout needs beyond kysely's `MysqlPoolConnection`. */
interface Mysql2Connection {
  query(options: { sql: string; values: unknown[]; timeout: number }, callback: QueryCallback): void;
  destroy(): void;
}

/**
 * Wraps a mysql2 callback pool (`createPool` from `mysql2`) for kysely's `MysqlDialect` so that every statement
 * carries mysql2's per-query `timeout`. mysql2 has no pool-wide query timeout and `MysqlDialect` sets none, so a
 * database that stops answering on an open connection would otherwise keep the call waiting forever (and a row
 * lock held by a stuck session, up to `innodb_lock_wait_timeout`); with the wrapper the statement fails after
 * `timeoutMs` and the stores report `unavailable`.
 *
 * A timed-out connection is destroyed, not returned to the pool: mysql2 leaves the dead query at the head of the
 * connection's queue, so the next statement on it would wait behind it forever. Streamed queries
 * (`.stream()`) are passed through without a timeout.
 */
export function createMysqlPoolWithQueryTimeout(pool: MysqlPool, timeoutMs: number): MysqlPool {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError('timeoutMs must be a positive integer');
  }
  // One wrapper per pooled connection, so kysely recognises a connection it has seen before.
  const wrappers = new WeakMap<MysqlPoolConnection, MysqlPoolConnection>();

  function wrap(connection: MysqlPoolConnection): MysqlPoolConnection {
    const timed = connection as unknown as Mysql2Connection;
    function query(sql: string, values: unknown[], callback?: QueryCallback) {
      if (callback === undefined) return connection.query(sql, values);
      timed.query({ sql, values, timeout: timeoutMs }, (error, result) => {
        if ((error as { code?: unknown } | null)?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') timed.destroy();
        callback(error, result);
      });
      return undefined;
    }
    return { query: query as MysqlPoolConnection['query'], release: () => connection.release() };
  }

  return {
    getConnection(callback) {
      pool.getConnection((error, connection) => {
        if (error) return callback(error, connection);
        let wrapper = wrappers.get(connection);
        if (wrapper === undefined) {
          wrapper = wrap(connection);
          wrappers.set(connection, wrapper);
        }
        callback(null, wrapper);
      });
    },
    end: (callback) => pool.end(callback),
  };
}
