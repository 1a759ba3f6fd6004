import Database from 'better-sqlite3';

/** Opens a better-sqlite3 connection in WAL mode with a 5 s busy timeout. */
export function openSqliteDatabase(file: string): Database.Database {
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return database;
}
