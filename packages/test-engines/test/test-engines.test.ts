import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createRandomTablePrefix, dropOfferKitTables, ENGINE_NAMES, openTestEngine } from '../src/index.js';

const isCi = process.env.CI === 'true' || process.env.CI === '1';

it.each(ENGINE_NAMES)(
  '%s: opens (always for SQLite, for the servers when they answer or CI=true)',
  async (name) => {
    const engine = await openTestEngine(name);
    if (engine === undefined) {
      expect(isCi || name.startsWith('sqlite')).toBe(false);
      return;
    }
    try {
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(engine.db);
      expect(Number(rows[0]?.one)).toBe(1);
      const prefix = createRandomTablePrefix();
      expect(prefix).toMatch(/^ok_[0-9a-f]{8}_$/);
      await sql`create table ${sql.table(`${prefix}offers`)} (id varchar(36) primary key)`.execute(engine.db);
      await dropOfferKitTables(engine.db, prefix);
      // The table is gone: creating it again succeeds.
      await sql`create table ${sql.table(`${prefix}offers`)} (id varchar(36) primary key)`.execute(engine.db);
      await dropOfferKitTables(engine.db, prefix);
    } finally {
      await engine.close();
    }
  },
);
