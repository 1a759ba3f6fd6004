import { type Kysely, sql } from 'kysely';

/** Drops the OfferKit tables (and migration tables) of `prefix`, if they exist. */
export async function dropOfferKitTables(db: Kysely<unknown>, prefix: string): Promise<void> {
  for (const table of ['offers', 'users', 'migration', 'migration_lock']) {
    await sql`drop table if exists ${sql.table(`${prefix}${table}`)}`.execute(db);
  }
}
