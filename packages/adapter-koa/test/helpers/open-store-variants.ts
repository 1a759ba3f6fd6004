import { randomBytes } from 'node:crypto';
import type { StoreFactory } from '@offerkit/core/testing';
import { createMemoryStores } from '@offerkit/store-memory';
import { createSqlStores, migrateOfferKit } from '@offerkit/store-sql';
import Database from 'better-sqlite3';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { createPool as createMysqlPool } from 'mysql2';
import pg from 'pg';

/** One storage backend the HTTP conformance kit runs on. */
export interface StoreVariant {
  name: string;
  factory: StoreFactory;
  close(): Promise<void>;
}

const isCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Memory and SQLite always; PostgreSQL and MariaDB/MySQL when they answer on 127.0.0.1 (database `test`), and
 * required when CI=true.
 */
export async function openStoreVariants(): Promise<StoreVariant[]> {
  const variants: StoreVariant[] = [
    { name: 'memory', factory: async () => createMemoryStores(), close: async () => {} },
    await sqlVariant(
      'sqlite',
      new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) }),
    ),
  ];
  const pgPool = new pg.Pool({
    host: process.env.OFFERKIT_TEST_PG_HOST ?? '127.0.0.1',
    port: Number(process.env.OFFERKIT_TEST_PG_PORT ?? 5432),
    user: process.env.OFFERKIT_TEST_PG_USER ?? 'postgres',
    database: process.env.OFFERKIT_TEST_PG_DATABASE ?? 'test',
    connectionTimeoutMillis: 3_000,
    max: 20,
  });
  pgPool.on('error', () => {});
  const postgres = await reachable(
    'postgres',
    new Kysely<unknown>({ dialect: new PostgresDialect({ pool: pgPool }) }),
  );
  if (postgres !== undefined) variants.push(await sqlVariant('postgres', postgres));
  const mysqlPool = createMysqlPool({
    host: process.env.OFFERKIT_TEST_MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.OFFERKIT_TEST_MYSQL_PORT ?? 3306),
    user: process.env.OFFERKIT_TEST_MYSQL_USER ?? 'root',
    database: process.env.OFFERKIT_TEST_MYSQL_DATABASE ?? 'test',
    connectTimeout: 3_000,
    connectionLimit: 20,
    charset: 'utf8mb4',
  });
  const mariadb = await reachable(
    'mariadb',
    new Kysely<unknown>({ dialect: new MysqlDialect({ pool: mysqlPool }) }),
  );
  if (mariadb !== undefined) variants.push(await sqlVariant('mariadb', mariadb));
  return variants;
}

async function reachable(name: string, db: Kysely<unknown>): Promise<Kysely<unknown> | undefined> {
  try {
    await sql`select 1`.execute(db);
    return db;
  } catch {
    await db.destroy().catch(() => {});
    if (isCi)
      throw new Error(`CI=true requires ${name} on 127.0.0.1 (database test), but it does not answer`);
    console.warn(`[adapter tests] ${name} does not answer: skipping its HTTP conformance suite`);
    return undefined;
  }
}

async function sqlVariant(name: string, db: Kysely<unknown>): Promise<StoreVariant> {
  const tablePrefix = `okh_${randomBytes(4).toString('hex')}_`;
  await migrateOfferKit(db, { tablePrefix });
  return {
    name,
    // One schema per run, emptied before every case, so each case starts from empty stores.
    factory: async () => {
      await sql`delete from ${sql.table(`${tablePrefix}offers`)}`.execute(db);
      await sql`delete from ${sql.table(`${tablePrefix}users`)}`.execute(db);
      return createSqlStores({ db, tablePrefix });
    },
    async close() {
      for (const table of ['offers', 'users', 'migration', 'migration_lock']) {
        await sql`drop table if exists ${sql.table(`${tablePrefix}${table}`)}`.execute(db);
      }
      await db.destroy();
    },
  };
}
