import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { createPool as createMysqlPool } from 'mysql2';
import type pg from 'pg';
import { createPgPool } from './create-pg-pool.js';
import type { EngineName } from './engine-names.js';
import { mysqlConfig } from './mysql-config.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { postgresConfig } from './postgres-config.js';
import type { TestEngine } from './test-engine.js';

const isCi = process.env.CI === 'true' || process.env.CI === '1';

/** Postgres settings tried in order: user `postgres`, then `root` (trust auth), unless a user is configured. */
function postgresCandidates(): pg.PoolConfig[] {
  const users = process.env.OFFERKIT_TEST_PG_USER === undefined ? ['postgres', 'root'] : [undefined];
  return users.map((user) => postgresConfig(user));
}

async function openPostgres(): Promise<TestEngine | undefined> {
  for (const candidate of postgresCandidates()) {
    const pool = createPgPool({ ...candidate, max: 10 });
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    try {
      await sql`select 1`.execute(db);
    } catch {
      await db.destroy();
      continue;
    }
    return {
      name: 'postgres',
      db,
      async openSingleConnection() {
        const single = new Kysely<unknown>({
          dialect: new PostgresDialect({ pool: createPgPool({ ...candidate, max: 1 }) }),
        });
        await sql`select 1`.execute(single);
        return single;
      },
      close: () => db.destroy(),
    };
  }
  return undefined;
}

async function openMariadb(): Promise<TestEngine | undefined> {
  const options = mysqlConfig();
  const db = new Kysely<unknown>({
    dialect: new MysqlDialect({ pool: createMysqlPool({ ...options, connectionLimit: 10 }) }),
  });
  try {
    await sql`select 1`.execute(db);
  } catch {
    await db.destroy();
    return undefined;
  }
  return {
    name: 'mariadb',
    db,
    async openSingleConnection() {
      const single = new Kysely<unknown>({
        dialect: new MysqlDialect({ pool: createMysqlPool({ ...options, connectionLimit: 1 }) }),
      });
      await sql`select 1`.execute(single);
      return single;
    },
    close: () => db.destroy(),
  };
}

function openSqliteFile(): TestEngine {
  const dir = mkdtempSync(join(tmpdir(), 'offerkit-sqlite-'));
  const file = join(dir, 'offerkit.sqlite');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: openSqliteDatabase(file) }) });
  return {
    name: 'sqlite-file',
    db,
    file,
    async openSingleConnection() {
      return new Kysely<unknown>({ dialect: new SqliteDialect({ database: openSqliteDatabase(file) }) });
    },
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function openSqliteMemory(): TestEngine {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  return {
    name: 'sqlite-memory',
    db,
    async openSingleConnection() {
      throw new Error('an in-memory SQLite database has a single connection');
    },
    close: () => db.destroy(),
  };
}

/**
 * Opens `name`. A server that does not answer gives undefined with a printed notice, so its suite is skipped;
 * with `CI=true` it throws instead, because CI requires every engine.
 */
export async function openTestEngine(name: EngineName): Promise<TestEngine | undefined> {
  if (name === 'sqlite-memory') return openSqliteMemory();
  if (name === 'sqlite-file') return openSqliteFile();
  const engine = name === 'postgres' ? await openPostgres() : await openMariadb();
  if (engine !== undefined) return engine;
  const pgAt = postgresCandidates()[0]!;
  const mysqlAt = mysqlConfig();
  const where =
    name === 'postgres'
      ? `PostgreSQL on ${pgAt.host}:${pgAt.port}`
      : `MariaDB/MySQL on ${mysqlAt.host}:${mysqlAt.port}`;
  if (isCi) throw new Error(`CI=true requires ${where} (database test), but it does not answer`);
  console.warn(
    `[test-engines] ${where} does not answer: skipping its ${name} suites (set CI=true to require it)`,
  );
  return undefined;
}
