import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OfferStore } from '@offerkit/core';
import { build } from 'esbuild';
import { createSampleOfferRecord } from './create-sample-offer-record.js';

const here = dirname(fileURLToPath(import.meta.url));
const bundleDir = resolve(here, '../../.vitest-tmp');
/** Bundles the worker entry (and the store sources it imports) to a throw-away plain ESM file. */
async function bundleWorker(): Promise<string> {
  mkdirSync(bundleDir, { recursive: true });
  const outfile = join(bundleDir, `sqlite-race-worker-${process.pid}-${randomBytes(4).toString('hex')}.mjs`);
  await build({
    entryPoints: [join(here, 'sqlite-race-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

interface Outcome {
  won: boolean;
  locked: boolean;
  error?: string;
}

/** A pool of worker threads, each with its own SQLite connection to one WAL file, released through one gate. */
export interface SqliteWorkerRace {
  /** Races one consume per thread on a fresh offer per round; returns winners per round. */
  consumeRounds(rounds: number): Promise<number[]>;
  /** Sends `callsPerThread` wrong-tx reservations from every thread at once; returns every outcome. */
  reserveAll(codeHash: string, callsPerThread: number, maxAttempts: number): Promise<Outcome[]>;
  close(): Promise<void>;
}

/** Starts `threads` workers on `file`, each running the real store, or the naive one when `naive` is set. */
export async function startSqliteWorkerRace(options: {
  file: string;
  tablePrefix: string;
  threads: number;
  naive: boolean;
  admin: OfferStore;
}): Promise<SqliteWorkerRace> {
  const entry = await bundleWorker();
  const gateBuffer = new SharedArrayBuffer(4);
  const gate = new Int32Array(gateBuffer);
  const workers = Array.from(
    { length: options.threads },
    () =>
      new Worker(entry, {
        workerData: {
          file: options.file,
          tablePrefix: options.tablePrefix,
          naive: options.naive,
          gate: gateBuffer,
        },
      }),
  );
  const next = (worker: Worker, type: string) =>
    new Promise<{ type: string; outcomes?: Outcome[] }>((resolvePromise, reject) => {
      const onMessage = (message: { type: string; outcomes?: Outcome[] }) => {
        if (message.type !== type) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolvePromise(message);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  try {
    await Promise.all(workers.map((worker) => next(worker, 'ready')));
  } finally {
    // Every worker has loaded the module (or failed); the file is no longer needed.
    rmSync(entry, { force: true });
  }
  let round = 0;

  async function runRound(request: {
    op: 'consume' | 'reserve';
    codeHash: string;
    now: number;
    calls: number;
    maxAttempts: number;
  }): Promise<Outcome[]> {
    const current = round++;
    const armed = workers.map((worker) => next(worker, 'armed'));
    const results = workers.map((worker) => next(worker, 'result'));
    for (const worker of workers) worker.postMessage({ ...request, round: current });
    await Promise.all(armed);
    Atomics.store(gate, 0, current + 1);
    Atomics.notify(gate, 0);
    const messages = await Promise.all(results);
    return messages.flatMap((message) => message.outcomes ?? []);
  }

  return {
    async consumeRounds(rounds) {
      const winners: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const record = createSampleOfferRecord();
        await options.admin.insert(record);
        const outcomes = await runRound({
          op: 'consume',
          codeHash: record.codeHash,
          now: 1_000 + i,
          calls: 1,
          maxAttempts: 0,
        });
        const errors = outcomes.filter((o) => o.error !== undefined);
        if (errors.length > 0) throw new Error(`worker errors: ${errors.map((o) => o.error).join(', ')}`);
        winners.push(outcomes.filter((o) => o.won).length);
      }
      return winners;
    },
    reserveAll(codeHash, callsPerThread, maxAttempts) {
      return runRound({ op: 'reserve', codeHash, now: 5_000, calls: callsPerThread, maxAttempts });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
