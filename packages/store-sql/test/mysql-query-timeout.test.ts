import { isOfferKitError } from '@offerkit/core';
import {
  createRandomTablePrefix,
  dropOfferKitTables,
  mysqlConfig,
  openTestEngine,
} from '@offerkit/test-engines';
import { Kysely, MysqlDialect, sql } from 'kysely';
import { createPool as createMysqlPool } from 'mysql2';
import { afterAll, describe, expect, it } from 'vitest';
import { createMysqlPoolWithQueryTimeout, createSqlStores, migrateOfferKit } from '../src/index.js';
import { createSampleOfferRecord } from './helpers/create-sample-offer-record.js';

const TIMEOUT_MS = 500;
const engine = await openTestEngine('mariadb');

/** A one-connection pool with the query timeout, so a connection left stuck would block every later call. */
function openTimedDb(): Kysely<unknown> {
  const pool = createMysqlPool({ ...mysqlConfig(), connectionLimit: 1 });
  return new Kysely<unknown>({
    dialect: new MysqlDialect({ pool: createMysqlPoolWithQueryTimeout(pool, TIMEOUT_MS) }),
  });
}

describe.skipIf(engine === undefined)('createMysqlPoolWithQueryTimeout on mariadb', () => {
  const prefix = createRandomTablePrefix();

  afterAll(async () => {
    await dropOfferKitTables(engine!.db, prefix);
    await engine!.close();
  });

  it('a statement the server does not answer fails after the timeout, and the pool still works', async () => {
    const db = openTimedDb();
    try {
      const started = performance.now();
      const error = await sql`select sleep(10)`.execute(db).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1_500);
      expect((error as { code?: unknown }).code).toBe('PROTOCOL_SEQUENCE_TIMEOUT');
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(Number(rows[0]?.one)).toBe(1);
    } finally {
      await db.destroy();
    }
  });

  it('a consume stuck behind a row lock is unavailable within the timeout, then the store recovers', async () => {
    await migrateOfferKit(engine!.db, { tablePrefix: prefix });
    const record = createSampleOfferRecord();
    await createSqlStores({ db: engine!.db, tablePrefix: prefix }).offerStore.insert(record);
    const db = openTimedDb();
    const holder = await engine!.openSingleConnection();
    try {
      const { offerStore } = createSqlStores({ db, tablePrefix: prefix });
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holding = holder.transaction().execute(async (trx) => {
        await sql`select id from ${sql.table(`${prefix}offers`)} where id = ${record.id} for update`.execute(
          trx,
        );
        locked();
        await released;
      });
      await isLocked;
      const started = performance.now();
      const error = await offerStore.consume(record.codeHash, 1).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1_500);
      expect(isOfferKitError(error) && error.code).toBe('unavailable');
      release();
      await holding;
      expect((await offerStore.consume(record.codeHash, 1))?.consumedAt).toBe(1);
    } finally {
      await holder.destroy();
      await db.destroy();
    }
  });
});
