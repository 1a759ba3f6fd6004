import type { PoolOptions } from 'mysql2';

/** The MariaDB/MySQL test server: 127.0.0.1:3306, root without password, database `test`; `OFFERKIT_TEST_MYSQL_*` override. */
export function mysqlConfig(): PoolOptions {
  return {
    host: process.env.OFFERKIT_TEST_MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.OFFERKIT_TEST_MYSQL_PORT ?? 3306),
    user: process.env.OFFERKIT_TEST_MYSQL_USER ?? 'root',
    database: process.env.OFFERKIT_TEST_MYSQL_DATABASE ?? 'test',
    connectTimeout: 3_000,
    charset: 'utf8mb4',
  };
}
