import type { OfferStore } from '@offerkit/core';
import {
  createRandomTablePrefix,
  dropOfferKitTables,
  type EngineName,
  openTestEngine,
  type TestEngine,
} from '@offerkit/test-engines';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlStores, migrateOfferKit } from '../src/index.js';
import { createSampleOfferRecord } from './helpers/create-sample-offer-record.js';
import { createNaiveSqlOfferStore } from './helpers/naive-sql-offer-store.js';
import { raceConsume, raceWrongTxCodes } from './helpers/race-offer-stores.js';
import { startSqliteWorkerRace } from './helpers/run-sqlite-worker-race.js';

const ROUNDS = 20;
const CONNECTIONS = 50;
const SQLITE_THREADS = 8;
const MAX_ATTEMPTS = 3;

function report(label: string, winners: number[]): void {
  const caught = winners.filter((w) => w >= 2).length;
  console.info(
    `[store-sql race] ${label}: winners per round [${winners.join(', ')}], rounds with >= 2 winners: ${caught}/${winners.length}`,
  );
}

for (const name of ['postgres', 'mariadb'] as const satisfies readonly EngineName[]) {
  const engine = await openTestEngine(name);
  describe.skipIf(engine === undefined)(
    `${name}: ${CONNECTIONS} separate connections race on one offer`,
    () => {
      const prefix = createRandomTablePrefix();
      let main: TestEngine;
      let admin: OfferStore;
      let connections: Kysely<unknown>[] = [];

      beforeAll(async () => {
        main = engine!;
        await migrateOfferKit(main.db, { tablePrefix: prefix });
        admin = createSqlStores({ db: main.db, tablePrefix: prefix }).offerStore;
        // Opened (and pre-warmed with SELECT 1) one after the other, then released together in each round.
        for (let i = 0; i < CONNECTIONS; i++) connections.push(await main.openSingleConnection());
      });

      afterAll(async () => {
        await Promise.all(connections.map((db) => db.destroy()));
        connections = [];
        if (main !== undefined) {
          await dropOfferKitTables(main.db, prefix);
          await main.close();
        }
      });

      it(`consume: exactly one winner in each of ${ROUNDS} rounds`, async () => {
        const racers = connections.map((db) => createSqlStores({ db, tablePrefix: prefix }).offerStore);
        const winners = await raceConsume(admin, racers, ROUNDS);
        report(`${name} real store, ${CONNECTIONS} connections`, winners);
        expect(winners).toEqual(Array.from({ length: ROUNDS }, () => 1));
      });

      it('the same harness catches a naive read-then-write store in most rounds', async () => {
        const racers = connections.map((db) => createNaiveSqlOfferStore(db, prefix));
        const winners = await raceConsume(admin, racers, ROUNDS);
        report(`${name} naive store, ${CONNECTIONS} connections`, winners);
        expect(winners.filter((w) => w >= 2).length).toBeGreaterThanOrEqual(Math.ceil(ROUNDS * 0.9));
      });

      it(`200 concurrent wrong tx codes: exactly ${MAX_ATTEMPTS} attempts reserved, offer locked once`, async () => {
        const racers = connections.map((db) => createSqlStores({ db, tablePrefix: prefix }).offerStore);
        const result = await raceWrongTxCodes(admin, racers, 200, MAX_ATTEMPTS);
        expect(result).toEqual({
          reserved: MAX_ATTEMPTS,
          lockedByCalls: 1,
          attemptsAfter: MAX_ATTEMPTS,
          lockedAfter: true,
        });
      });

      it('the wrong-tx harness catches a naive store (more than maxAttempts reserved)', async () => {
        const racers = connections.map((db) => createNaiveSqlOfferStore(db, prefix));
        const result = await raceWrongTxCodes(admin, racers, 200, MAX_ATTEMPTS);
        expect(result.reserved).toBeGreaterThan(MAX_ATTEMPTS);
      });
    },
  );
}

describe(`sqlite-file: ${SQLITE_THREADS} worker threads, one WAL connection each, race on one offer`, () => {
  const prefix = createRandomTablePrefix();
  let engine: TestEngine;
  let admin: OfferStore;

  beforeAll(async () => {
    engine = (await openTestEngine('sqlite-file'))!;
    await migrateOfferKit(engine.db, { tablePrefix: prefix });
    admin = createSqlStores({ db: engine.db, tablePrefix: prefix }).offerStore;
  });

  afterAll(async () => {
    await engine?.close();
  });

  it(`consume: exactly one winner in each of ${ROUNDS} rounds`, async () => {
    const race = await startSqliteWorkerRace({
      file: engine.file!,
      tablePrefix: prefix,
      threads: SQLITE_THREADS,
      naive: false,
      admin,
    });
    try {
      const winners = await race.consumeRounds(ROUNDS);
      report(`sqlite-file real store, ${SQLITE_THREADS} threads`, winners);
      expect(winners).toEqual(Array.from({ length: ROUNDS }, () => 1));
    } finally {
      await race.close();
    }
  });

  it('the same harness catches a naive read-then-write store in most rounds', async () => {
    const race = await startSqliteWorkerRace({
      file: engine.file!,
      tablePrefix: prefix,
      threads: SQLITE_THREADS,
      naive: true,
      admin,
    });
    try {
      const winners = await race.consumeRounds(ROUNDS);
      report(`sqlite-file naive store, ${SQLITE_THREADS} threads`, winners);
      expect(winners.filter((w) => w >= 2).length).toBeGreaterThanOrEqual(Math.ceil(ROUNDS * 0.9));
    } finally {
      await race.close();
    }
  });

  it(`200 concurrent wrong tx codes from ${SQLITE_THREADS} threads: exactly ${MAX_ATTEMPTS} attempts, locked once`, async () => {
    const record = createSampleOfferRecord({ txCodeMac: 'x'.repeat(43) });
    await admin.insert(record);
    const race = await startSqliteWorkerRace({
      file: engine.file!,
      tablePrefix: prefix,
      threads: SQLITE_THREADS,
      naive: false,
      admin,
    });
    try {
      const outcomes = await race.reserveAll(record.codeHash, 200 / SQLITE_THREADS, MAX_ATTEMPTS);
      expect(outcomes).toHaveLength(200);
      expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
      expect(outcomes.filter((o) => o.won)).toHaveLength(MAX_ATTEMPTS);
      expect(outcomes.filter((o) => o.locked)).toHaveLength(1);
      const after = await admin.findById(record.id);
      expect(after?.attempts).toBe(MAX_ATTEMPTS);
      expect(after?.lockedAt).toBe(5_000);
    } finally {
      await race.close();
    }
  });
});
