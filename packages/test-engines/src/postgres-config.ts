import type pg from 'pg';

/**
 * The PostgreSQL test server: 127.0.0.1:5432, database `test`, trust auth; `OFFERKIT_TEST_PG_*` override each part.
 * `user` defaults to `OFFERKIT_TEST_PG_USER`, else `postgres`.
 */
export function postgresConfig(user = process.env.OFFERKIT_TEST_PG_USER ?? 'postgres'): pg.PoolConfig {
  return {
    host: process.env.OFFERKIT_TEST_PG_HOST ?? '127.0.0.1',
    port: Number(process.env.OFFERKIT_TEST_PG_PORT ?? 5432),
    database: process.env.OFFERKIT_TEST_PG_DATABASE ?? 'test',
    user,
    connectionTimeoutMillis: 3_000,
  };
}
