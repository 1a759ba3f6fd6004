import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createRandomTablePrefix,
  dropOfferKitTables,
  ENGINE_NAMES,
  openTestEngine,
} from '@offerkit/test-engines';
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_TABLE_PREFIX,
  migrateOfferKit,
  OFFERKIT_MIGRATION_LOCK_TABLE,
  OFFERKIT_MIGRATION_TABLE,
  offerKitMigrations,
} from '../src/index.js';
import { introspectOfferKitSchema } from './helpers/introspect-offerkit-schema.js';

const DDL_FILE = {
  'sqlite-memory': 'sqlite',
  'sqlite-file': 'sqlite',
  postgres: 'postgres',
  mariadb: 'mysql',
} as const;

/** The statements of a DDL file, with the default prefix replaced by `prefix`. */
function readDdl(file: string, prefix: string): string[] {
  const text = readFileSync(fileURLToPath(new URL(`../sql/${file}.sql`, import.meta.url)), 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(DEFAULT_TABLE_PREFIX)
    .join(prefix)
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

for (const name of ENGINE_NAMES) {
  const engine = await openTestEngine(name);
  describe.skipIf(engine === undefined)(`${name}: sql/${DDL_FILE[name]}.sql matches the migrations`, () => {
    const fromMigrations = createRandomTablePrefix();
    const fromDdl = createRandomTablePrefix();

    afterAll(async () => {
      await dropOfferKitTables(engine!.db, fromMigrations);
      await dropOfferKitTables(engine!.db, fromDdl);
      await engine!.close();
    });

    it('creates the same tables, columns and indexes', async () => {
      const db = engine!.db;
      expect(await migrateOfferKit(db, { tablePrefix: fromMigrations })).toEqual([
        '0001_create_offers_and_users',
      ]);
      for (const statement of readDdl(DDL_FILE[name], fromDdl)) await sql.raw(statement).execute(db);

      const migrated = await introspectOfferKitSchema(db, name, fromMigrations);
      const applied = await introspectOfferKitSchema(db, name, fromDdl);
      expect(applied).toEqual(migrated);

      // Guard against both sides being equally empty or wrong.
      expect(migrated.offers.columns).toHaveLength(15);
      expect(migrated.users.columns).toHaveLength(4);
      const indexText = migrated.offers.indexes.join('\n');
      for (const column of ['code_hash', 'reference_hash', 'expires_at', 'user_id']) {
        expect(indexText).toContain(column);
      }
      expect(migrated.offers.indexes.filter((i) => /unique=(1|true)|UNIQUE/.test(i))).toHaveLength(3);
    });

    it('running the migrations again is a no-op', async () => {
      expect(await migrateOfferKit(engine!.db, { tablePrefix: fromMigrations })).toEqual([]);
    });
  });
}

describe('offerKitMigrations with a host-owned Migrator', () => {
  it('runs up and down under the exported migration table names', async () => {
    const engine = (await openTestEngine('sqlite-memory'))!;
    try {
      const migrator = new Migrator({
        db: engine.db,
        provider: { getMigrations: async () => offerKitMigrations() },
        migrationTableName: OFFERKIT_MIGRATION_TABLE,
        migrationLockTableName: OFFERKIT_MIGRATION_LOCK_TABLE,
      });
      const up = await migrator.migrateToLatest();
      expect(up.error).toBeUndefined();
      const tables = (await engine.db.introspection.getTables()).map((t) => t.name).sort();
      expect(tables).toEqual([
        OFFERKIT_MIGRATION_TABLE,
        OFFERKIT_MIGRATION_LOCK_TABLE,
        'offerkit_offers',
        'offerkit_users',
      ]);
      const { rows } = await sql<{
        name: string;
      }>`select name from ${sql.table(OFFERKIT_MIGRATION_TABLE)}`.execute(engine.db);
      expect(rows.map((r) => r.name)).toEqual(['0001_create_offers_and_users']);
      const down = await migrator.migrateDown();
      expect(down.error).toBeUndefined();
      const left = (await engine.db.introspection.getTables()).map((t) => t.name).sort();
      expect(left).toEqual([OFFERKIT_MIGRATION_TABLE, OFFERKIT_MIGRATION_LOCK_TABLE]);
    } finally {
      await engine.close();
    }
  });
});
