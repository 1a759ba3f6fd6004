import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfferStore, UserStore } from '@offerkit/core';
import { createMemoryStores } from '@offerkit/store-memory';
import { createSqlStores, migrateOfferKit } from '@offerkit/store-sql';
import { mysqlConfig, postgresConfig } from '@offerkit/test-engines';
import Database from 'better-sqlite3';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { createPool as createMysqlPool } from 'mysql2';
import pg from 'pg';

/** The stores the reliability suite runs on. */
export type EngineName = 'memory' | 'sqlite' | 'postgres' | 'mariadb';

/** Every engine, in report order. */
export const ENGINE_NAMES: readonly EngineName[] = ['memory', 'sqlite', 'postgres', 'mariadb'];

/** True when CI=true: every engine must answer. */
export const IS_CI = process.env.CI === 'true' || process.env.CI === '1';

/** An opened engine with its own tables (a random table prefix), dropped on close. */
export interface TestEngine {
  name: EngineName;
  /** Table prefix of this engine's tables (SQL engines only). */
  tablePrefix?: string;
  /** Fresh stores over the engine; for memory a new empty pair each call. */
  createStores(): { offerStore: OfferStore; userStore: UserStore };
  /** The consumed_at of an offer straight from storage (no OfferKit code), or undefined if absent. */
  consumedAt(offerId: string): Promise<number | null | undefined>;
  /** Every row of this engine's tables as text (SQL), or undefined for memory (the suite dumps it itself). */
  dump(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** A random table prefix, so parallel runs and other suites never share tables. */
export function randomTablePrefix(): string {
  return `okr_${randomBytes(4).toString('hex')}_`;
}

function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

async function openSql(
  name: EngineName,
  db: Kysely<unknown>,
  cleanup: () => void = () => {},
): Promise<TestEngine> {
  const tablePrefix = randomTablePrefix();
  await migrateOfferKit(db, { tablePrefix });
  const tables = [`${tablePrefix}offers`, `${tablePrefix}users`];
  return {
    name,
    tablePrefix,
    createStores: () => createSqlStores({ db, tablePrefix }),
    async consumedAt(offerId) {
      const { rows } = await sql<{ consumed_at: unknown }>`select consumed_at from ${sql.table(
        `${tablePrefix}offers`,
      )} where id = ${offerId}`.execute(db);
      return rows[0] === undefined ? undefined : toNumberOrNull(rows[0].consumed_at);
    },
    async dump() {
      const parts: string[] = [];
      for (const table of tables) {
        const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
        parts.push(
          `-- ${table}\n${rows.map((row) => JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).join('\n')}`,
        );
      }
      return parts.join('\n');
    },
    async close() {
      for (const table of [...tables, `${tablePrefix}migration`, `${tablePrefix}migration_lock`]) {
        await sql`drop table if exists ${sql.table(table)}`.execute(db).catch(() => {});
      }
      await db.destroy();
      cleanup();
    },
  };
}

async function answers(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    await db.destroy().catch(() => {});
    return false;
  }
}

/** Memory store engine: a fresh pair per `createStores`; dumps come from the suite's own port reads. */
function openMemory(): TestEngine {
  let latest: { offerStore: OfferStore; userStore: UserStore } | undefined;
  return {
    name: 'memory',
    createStores() {
      latest = createMemoryStores();
      return latest;
    },
    async consumedAt(offerId) {
      const record = await latest?.offerStore.findById(offerId);
      return record === undefined ? undefined : record.consumedAt;
    },
    dump: async () => undefined,
    close: async () => {},
  };
}

/**
 * Opens `name` with a pool of `poolSize` connections. PostgreSQL or MariaDB that do not answer give undefined
 * with a printed notice, unless CI=true, where that throws.
 */
export async function openTestEngine(name: EngineName, poolSize = 20): Promise<TestEngine | undefined> {
  if (name === 'memory') return openMemory();
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'offerkit-reliability-'));
    const database = new Database(join(dir, 'offerkit.sqlite'));
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
    return openSql('sqlite', db, () => rmSync(dir, { recursive: true, force: true }));
  }
  let db: Kysely<unknown>;
  if (name === 'postgres') {
    const pool = new pg.Pool({ ...postgresConfig(), max: poolSize });
    // Without an 'error' listener an idle client that loses its connection crashes the process.
    pool.on('error', () => {});
    db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  } else {
    db = new Kysely<unknown>({
      dialect: new MysqlDialect({ pool: createMysqlPool({ ...mysqlConfig(), connectionLimit: poolSize }) }),
    });
  }
  if (await answers(db)) return openSql(name, db);
  const where =
    name === 'postgres'
      ? `PostgreSQL on ${postgresConfig().host}:${postgresConfig().port}`
      : `MariaDB/MySQL on ${mysqlConfig().host}:${mysqlConfig().port}`;
  if (IS_CI) throw new Error(`CI=true requires ${where} (database test), but it does not answer`);
  console.warn(`[reliability] ${where} does not answer: skipping its ${name} cases (CI=true requires it)`);
  return undefined;
}

/**
 * Opens every engine of `names` (a file opens them at load time, so a missing server turns its tests into
 * reported skips rather than silent passes). Close them with `closeTestEngines` in an `afterAll`.
 */
export async function openTestEngines(
  names: readonly EngineName[],
  poolSize = 20,
): Promise<Map<EngineName, TestEngine>> {
  const engines = new Map<EngineName, TestEngine>();
  for (const name of names) {
    const engine = await openTestEngine(name, poolSize);
    if (engine !== undefined) engines.set(name, engine);
  }
  return engines;
}

/** Closes what `openTestEngines` opened. */
export async function closeTestEngines(engines: Map<EngineName, TestEngine>): Promise<void> {
  for (const engine of engines.values()) await engine.close();
}
