import { createServer, type Server, type Socket } from 'node:net';
import { isOfferKitError, type OfferStore, type UserStore } from '@offerkit/core';
import {
  createPgPool,
  createRandomTablePrefix,
  dropOfferKitTables,
  openSqliteDatabase,
  openTestEngine,
} from '@offerkit/test-engines';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { createPool as createMysqlPool } from 'mysql2';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqlStores, migrateOfferKit } from '../src/index.js';
import { createRandomHash, createSampleOfferRecord } from './helpers/create-sample-offer-record.js';

/** A port nothing listens on: bind an ephemeral port, then close it. */
async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server that accepts connections and never answers: the driver must give up on its own timeout. */
async function startSilentServer(): Promise<{ port: number; server: Server; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server, sockets };
}

/** Calls every store method once, in parallel; each must reject with a driver-free `unavailable`. */
async function expectAllUnavailable(offerStore: OfferStore, userStore: UserStore): Promise<void> {
  const id = crypto.randomUUID();
  const hash = createRandomHash();
  const calls: Promise<unknown>[] = [
    offerStore.insert(createSampleOfferRecord()),
    offerStore.findById(id),
    offerStore.findByCodeHash(hash),
    offerStore.findByReferenceHash(hash),
    offerStore.reserveTxAttempt(hash, 1, 3),
    offerStore.consume(hash, 1),
    offerStore.lock(id, 1),
    offerStore.revoke(id, 1),
    offerStore.revokeByUser(id, 1),
    offerStore.deleteExpired(1, 10),
    userStore.create(id, 1),
    userStore.findById(id),
    userStore.persistClaims(id, { a: 1 }, 1),
  ];
  const outcomes = await Promise.allSettled(calls);
  for (const outcome of outcomes) {
    expect(outcome.status).toBe('rejected');
    const reason = (outcome as PromiseRejectedResult).reason as unknown;
    expect(isOfferKitError(reason) && reason.code).toBe('unavailable');
    expect(isOfferKitError(reason) && reason.status).toBe(503);
    expect((reason as Error).message).toMatch(/^(Offer|User) storage is unavailable$/);
    expect((reason as Error).cause).toBeDefined();
  }
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  // Give stray pool callbacks a moment to surface before checking.
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

const targets = {
  postgres: (port: number) =>
    new Kysely<unknown>({
      dialect: new PostgresDialect({
        pool: createPgPool({
          host: '127.0.0.1',
          port,
          user: 'postgres',
          database: 'test',
          connectionTimeoutMillis: 2_000,
          max: 16,
        }),
      }),
    }),
  mariadb: (port: number) =>
    new Kysely<unknown>({
      dialect: new MysqlDialect({
        pool: createMysqlPool({
          host: '127.0.0.1',
          port,
          user: 'root',
          database: 'test',
          connectTimeout: 2_000,
          connectionLimit: 16,
        }),
      }),
    }),
};

for (const [name, open] of Object.entries(targets)) {
  describe(`${name} that does not answer`, () => {
    it('a closed port gives unavailable on every method within 5 s', async () => {
      const db = open(await findClosedPort());
      const started = performance.now();
      try {
        await expectAllUnavailable(...(Object.values(createSqlStores({ db })) as [OfferStore, UserStore]));
        const error = await migrateOfferKit(db).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isOfferKitError(error) && error.code).toBe('unavailable');
        expect(performance.now() - started).toBeLessThan(5_000);
      } finally {
        await db.destroy();
      }
    });

    it('a server that accepts but never answers gives unavailable within 5 s', async () => {
      const silent = await startSilentServer();
      const db = open(silent.port);
      const started = performance.now();
      try {
        const { offerStore, userStore } = createSqlStores({ db });
        await expectAllUnavailable(offerStore, userStore);
        expect(performance.now() - started).toBeLessThan(5_000);
      } finally {
        for (const socket of silent.sockets) socket.destroy();
        silent.server.close();
        await db.destroy();
      }
    });
  });
}

describe('sqlite-file whose write lock another connection holds', () => {
  const prefix = createRandomTablePrefix();
  let file: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const engine = (await openTestEngine('sqlite-file'))!;
    file = engine.file!;
    close = engine.close;
    await migrateOfferKit(engine.db, { tablePrefix: prefix });
  });

  afterAll(() => close());

  it('writes past the busy timeout give unavailable (no SQLITE_BUSY text), then recover', async () => {
    const database = openSqliteDatabase(file);
    database.pragma('busy_timeout = 200');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
    const blocker = openSqliteDatabase(file);
    try {
      const { offerStore, userStore } = createSqlStores({ db, tablePrefix: prefix });
      const record = createSampleOfferRecord({ txCodeMac: createRandomHash() });
      await offerStore.insert(record);
      blocker.exec('begin exclusive');
      for (const call of [
        () => offerStore.consume(record.codeHash, 1),
        () => offerStore.reserveTxAttempt(record.codeHash, 1, 3),
        () => offerStore.insert(createSampleOfferRecord()),
        () => userStore.persistClaims(record.userId, {}, 1),
      ]) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isOfferKitError(error) && error.code).toBe('unavailable');
        expect((error as Error).message).not.toMatch(/SQLITE|busy|locked/i);
      }
      blocker.exec('rollback');
      expect((await offerStore.reserveTxAttempt(record.codeHash, 1, 3))?.attempts).toBe(1);
      expect((await offerStore.consume(record.codeHash, 2))?.consumedAt).toBe(2);
    } finally {
      blocker.close();
      await db.destroy();
    }
  });
});

const pgEngine = await openTestEngine('postgres');
describe.skipIf(pgEngine === undefined)(
  'postgres under REPEATABLE READ: a serialization failure is a clean loss',
  () => {
    const prefix = createRandomTablePrefix();

    afterAll(async () => {
      await dropOfferKitTables(pgEngine!.db, prefix);
      await pgEngine!.close();
    });

    it('consume and reserveTxAttempt blocked behind a committed winner return undefined (40001), not an error', async () => {
      const admin = pgEngine!.db;
      await migrateOfferKit(admin, { tablePrefix: prefix });
      const { rows } = await sql<{ name: string }>`select current_user as name`.execute(admin);
      const loserDb = new Kysely<unknown>({
        dialect: new PostgresDialect({
          pool: createPgPool({
            host: '127.0.0.1',
            port: 5432,
            user: rows[0]!.name,
            database: 'test',
            max: 1,
            options: '-c default_transaction_isolation=repeatable\\ read',
          }),
        }),
      });
      const winnerDb = await pgEngine!.openSingleConnection();
      try {
        const loser = createSqlStores({ db: loserDb, tablePrefix: prefix }).offerStore;
        for (const operation of ['consume', 'reserve'] as const) {
          const record = createSampleOfferRecord();
          await createSqlStores({ db: admin, tablePrefix: prefix }).offerStore.insert(record);
          await sql`select 1`.execute(loserDb);
          const result = await winnerDb.transaction().execute(async (trx) => {
            const { offerStore } = createSqlStores({ db: trx, tablePrefix: prefix });
            expect(await offerStore.consume(record.codeHash, 10)).toBeDefined();
            // The loser now blocks on the row lock; once we commit, REPEATABLE READ makes it fail with 40001.
            const pending =
              operation === 'consume'
                ? loser.consume(record.codeHash, 10)
                : loser.reserveTxAttempt(record.codeHash, 10, 3);
            await waitForLockWait(admin);
            // Wrapped, so the transaction commits without awaiting the loser (which waits for that commit).
            return { pending };
          });
          expect(await result.pending).toBeUndefined();
        }
      } finally {
        await winnerDb.destroy();
        await loserDb.destroy();
      }
    });
  },
);

async function waitForLockWait(db: Kysely<unknown>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if (Number(rows[0]?.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the loser never waited on the row lock');
}
