import { fileURLToPath } from 'node:url';
import { postgresConfig } from '@offerkit/test-engines';
import pg from 'pg';
import { printTable } from '../lib/print-table.mjs';
import { runWorker } from '../lib/run-worker.mjs';
import { saveResult } from '../lib/save-result.mjs';
import { formatNumber, median, rotate } from '../lib/stats.mjs';

const worker = fileURLToPath(new URL('./sql-worker.mjs', import.meta.url));
const VARIANTS = ['raw-pg', 'offerkit-store-sql'];

async function postgresAnswers() {
  const client = new pg.Client(postgresConfig());
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * SQL benchmark on PostgreSQL: create, then redeem with the tx code, through createOfferIssuer on
 * @offerkit/store-sql against the same statements written with `pg`. 10 concurrent callers on a 10-connection
 * pool, 5 s per phase, 3 fresh processes per variant with the order rotated.
 */
export async function runSql({ rounds = 3, seconds = 5, concurrency = 10 } = {}) {
  process.stdout.write(
    `## SQL: PostgreSQL create + redeem, ${concurrency} concurrent callers, ${seconds} s per phase, ${rounds} rounds\n\n`,
  );
  if (!(await postgresAnswers())) {
    process.stdout.write(
      'PostgreSQL on 127.0.0.1:5432 (database test) does not answer: SQL benchmark skipped.\n\n',
    );
    return { skipped: true };
  }
  const runs = [];
  for (let round = 0; round < rounds; round++) {
    for (const variant of rotate(VARIANTS, round)) {
      runs.push({ round, ...(await runWorker(worker, [variant, String(seconds), String(concurrency)])) });
    }
  }
  const summary = VARIANTS.map((variant) => {
    const own = runs.filter((r) => r.variant === variant);
    return {
      variant,
      createPerSecond: median(own.map((r) => r.createPerSecond)),
      redeemPerSecond: median(own.map((r) => r.redeemPerSecond)),
      failedRedemptions: own.reduce((n, r) => n + r.failed, 0),
      createCpuMicros: median(own.map((r) => r.createCpuMicros)),
      redeemCpuMicros: median(own.map((r) => r.redeemCpuMicros)),
    };
  });
  const raw = summary.find((s) => s.variant === 'raw-pg');
  for (const s of summary) {
    s.createRatio = s.createPerSecond / raw.createPerSecond;
    s.redeemRatio = s.redeemPerSecond / raw.redeemPerSecond;
  }
  const table = printTable(
    [
      'variant',
      'create/s',
      'create ratio to raw pg',
      'redeem/s',
      'redeem ratio to raw pg',
      'Node CPU µs per create / redeem',
      'failed redemptions',
    ],
    summary.map((s) => [
      s.variant,
      formatNumber(s.createPerSecond),
      `${s.createRatio.toFixed(2)}×`,
      formatNumber(s.redeemPerSecond),
      `${s.redeemRatio.toFixed(2)}×`,
      `${s.createCpuMicros.toFixed(0)} / ${s.redeemCpuMicros.toFixed(0)}`,
      String(s.failedRedemptions),
    ]),
  );
  const offerkit = summary.find((s) => s.variant === 'offerkit-store-sql');
  for (const [what, ratio] of [
    ['create', offerkit.createRatio],
    ['redeem', offerkit.redeemRatio],
  ]) {
    process.stdout.write(
      `Target SQL ${what} >= 0.8x raw pg: ${ratio >= 0.8 ? 'met' : 'MISSED'} (${ratio.toFixed(2)}x)\n`,
    );
  }
  const file = saveResult('sql', { rounds, seconds, concurrency, summary, runs, table });
  process.stdout.write(`\nresults: ${file}\n\n`);
  return { summary, table };
}
