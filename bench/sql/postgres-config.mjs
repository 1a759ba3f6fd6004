/** PostgreSQL of the benchmarks and the reliability suite: 127.0.0.1:5432, database `test`, env overrides. */
export function postgresConfig() {
  return {
    host: process.env.OFFERKIT_TEST_PG_HOST ?? '127.0.0.1',
    port: Number(process.env.OFFERKIT_TEST_PG_PORT ?? 5432),
    database: process.env.OFFERKIT_TEST_PG_DATABASE ?? 'test',
    user: process.env.OFFERKIT_TEST_PG_USER ?? 'postgres',
    connectionTimeoutMillis: 3000,
  };
}
