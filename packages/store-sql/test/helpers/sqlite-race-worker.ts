// Worker-thread entry for the SQLite race: one better-sqlite3 connection per thread on a shared WAL file.
// Bundled with esbuild by `run-sqlite-worker-race.ts` (worker threads cannot load TypeScript directly).
import { parentPort, workerData } from 'node:worker_threads';
import type { OfferStore } from '@offerkit/core';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { createSqlStores } from '../../src/index.js';
import { createNaiveSqlOfferStore } from './naive-sql-offer-store.js';

interface WorkerInput {
  file: string;
  tablePrefix: string;
  naive: boolean;
  gate: SharedArrayBuffer;
}

/** A round: wait at the gate until it opens past `round`, then run `calls` operations at once. */
export interface RaceRequest {
  round: number;
  op: 'consume' | 'reserve';
  codeHash: string;
  now: number;
  calls: number;
  maxAttempts: number;
}

const input = workerData as WorkerInput;
const port = parentPort!;
const database = new Database(input.file);
database.pragma('journal_mode = WAL');
database.pragma('busy_timeout = 5000');
const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
const store: OfferStore = input.naive
  ? createNaiveSqlOfferStore(db, input.tablePrefix)
  : createSqlStores({ db, tablePrefix: input.tablePrefix }).offerStore;
const gate = new Int32Array(input.gate);

await sql`select 1`.execute(db);
port.postMessage({ type: 'ready' });

port.on('message', async (message: RaceRequest) => {
  port.postMessage({ type: 'armed' });
  Atomics.wait(gate, 0, message.round);
  const outcomes = await Promise.all(
    Array.from({ length: message.calls }, async () => {
      try {
        const record =
          message.op === 'consume'
            ? await store.consume(message.codeHash, message.now)
            : await store.reserveTxAttempt(message.codeHash, message.now, message.maxAttempts);
        if (record === undefined) return { won: false, locked: false };
        const locked =
          message.op === 'reserve' && record.attempts >= message.maxAttempts
            ? await store.lock(record.id, message.now)
            : false;
        return { won: true, locked };
      } catch (error) {
        return { won: false, locked: false, error: (error as { code?: string }).code ?? 'unknown' };
      }
    }),
  );
  port.postMessage({ type: 'result', outcomes });
});
