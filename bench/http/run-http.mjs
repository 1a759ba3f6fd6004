import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BENCH_TOKEN } from '../lib/bench-issuer.mjs';
import { printTable } from '../lib/print-table.mjs';
import { saveResult } from '../lib/save-result.mjs';
import { startServer } from '../lib/start-server.mjs';
import { formatNumber, median, rotate } from '../lib/stats.mjs';
import { PRE_AUTHORIZED_INPUT } from '../lib/workload.mjs';

const serverScript = fileURLToPath(new URL('./http-server.mjs', import.meta.url));
const VARIANTS = ['express-offerkit', 'express-bare', 'koa-offerkit', 'koa-bare', 'node-http'];
const BARE_OF = { 'express-offerkit': 'express-bare', 'koa-offerkit': 'koa-bare' };

async function load(port, seconds) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/v1/openid/offers/pre-authorized`,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(PRE_AUTHORIZED_INPUT),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * HTTP benchmark: POST /v1/openid/offers/pre-authorized through each adapter, a bare handler of the same
 * framework calling the same core function, and plain node:http. autocannon, 10 connections, 5 s per round
 * after a 1 s warm-up, 3 rounds with the order rotated, a fresh server process per variant and round.
 */
export async function runHttp({ rounds = 3, seconds = 5 } = {}) {
  process.stdout.write(
    `## HTTP: POST /v1/openid/offers/pre-authorized, autocannon 10 connections × ${seconds} s, ${rounds} rounds\n\n`,
  );
  const runs = [];
  for (let round = 0; round < rounds; round++) {
    for (const variant of rotate(VARIANTS, round)) {
      const server = await startServer(serverScript, [variant]);
      try {
        await load(server.port, 1);
        runs.push({ round, variant, ...(await load(server.port, seconds)) });
      } finally {
        await server.stop();
      }
    }
  }
  const summary = VARIANTS.map((variant) => {
    const own = runs.filter((r) => r.variant === variant);
    return {
      variant,
      requestsPerSecond: median(own.map((r) => r.requestsPerSecond)),
      p99Ms: median(own.map((r) => r.p99Ms)),
      non2xx: own.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
    };
  });
  const rps = (name) => summary.find((s) => s.variant === name).requestsPerSecond;
  for (const s of summary) {
    s.ratioToBareFramework =
      BARE_OF[s.variant] === undefined ? null : s.requestsPerSecond / rps(BARE_OF[s.variant]);
    s.ratioToNodeHttp = s.requestsPerSecond / rps('node-http');
  }
  const table = printTable(
    [
      'variant',
      'req/s (median of 3)',
      'ratio to bare framework',
      'ratio to node:http',
      'p99 ms',
      'non-2xx/errors',
    ],
    summary.map((s) => [
      s.variant,
      formatNumber(s.requestsPerSecond),
      s.ratioToBareFramework === null ? '-' : `${s.ratioToBareFramework.toFixed(2)}×`,
      `${s.ratioToNodeHttp.toFixed(2)}×`,
      String(s.p99Ms),
      String(s.non2xx),
    ]),
  );
  for (const adapter of Object.keys(BARE_OF)) {
    const ratio = summary.find((s) => s.variant === adapter).ratioToBareFramework;
    process.stdout.write(
      `Target ${adapter} >= 0.9x bare framework: ${ratio >= 0.9 ? 'met' : 'MISSED'} (${ratio.toFixed(2)}x)\n`,
    );
  }
  const file = saveResult('http', { rounds, seconds, connections: 10, summary, runs, table });
  process.stdout.write(`\nresults: ${file}\n\n`);
  return { summary, table };
}
