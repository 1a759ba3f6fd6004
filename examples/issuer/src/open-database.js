import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrateOfferKit } from '@offerkit/store-sql';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';

/**
 * Opens (creating the file and its folder on first start) the SQLite database and brings the OfferKit tables
 * up to date. Returns the `Kysely` instance; `db.destroy()` closes the file.
 * @param {string} file
 */
export async function openDatabase(file) {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateOfferKit(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
