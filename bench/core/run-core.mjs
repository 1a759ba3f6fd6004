import { fileURLToPath } from 'node:url';
import { printTable } from '../lib/print-table.mjs';
import { runWorker } from '../lib/run-worker.mjs';
import { saveResult } from '../lib/save-result.mjs';
import { formatNumber, median, rotate } from '../lib/stats.mjs';
import { CORE_VARIANT_NAMES } from './core-variants.mjs';

const worker = fileURLToPath(new URL('./core-worker.mjs', import.meta.url));

/** Not run: listed in the table with the reason. */
const NOT_RUN = {
  '@sphereon/oid4vci-issuer':
    'cannot be installed: its dependencies pin unpublished prereleases (npm ETARGET @sphereon/ssi-types@0.33.1-next.73)',
};

/** Core benchmark: 3 fresh processes, variant order rotated, median ops/s, ratio to the node:crypto baseline. */
export async function runCore({ processes = 3 } = {}) {
  process.stdout.write(
    `## Core: createPreAuthorizedOffer (tx code, memory store), mitata, ${processes} processes\n\n`,
  );
  const runs = [];
  for (let i = 0; i < processes; i++) {
    const order = rotate(CORE_VARIANT_NAMES, i);
    runs.push(await runWorker(worker, [order.join(',')]));
  }
  const summary = CORE_VARIANT_NAMES.map((name) => {
    const per = runs.map((r) => r.results.find((x) => x.name === name));
    return {
      name,
      opsPerSecond: median(per.map((x) => 1e9 / x.avgNs)),
      p50Us: median(per.map((x) => x.p50Ns / 1000)),
      p99Us: median(per.map((x) => x.p99Ns / 1000)),
      perProcessOpsPerSecond: per.map((x) => Math.round(1e9 / x.avgNs)),
    };
  });
  // The ratio is taken inside each process (same load, same JIT state) and then the median over processes.
  for (const s of summary) {
    s.perProcessRatio = runs.map((r) => {
      const own = r.results.find((x) => x.name === s.name).avgNs;
      const base = r.results.find((x) => x.name === 'baseline').avgNs;
      return base / own;
    });
    s.ratio = median(s.perProcessRatio);
  }
  const table = printTable(
    [
      'variant',
      'ops/s (median of 3)',
      'ratio to baseline (median of per-process ratios)',
      'p50 µs',
      'p99 µs',
      'ops/s per process',
    ],
    [
      ...summary.map((s) => [
        s.name,
        formatNumber(s.opsPerSecond),
        `${s.ratio.toFixed(2)}×`,
        s.p50Us.toFixed(1),
        s.p99Us.toFixed(1),
        s.perProcessOpsPerSecond.map((n) => formatNumber(n)).join(' / '),
      ]),
      ...Object.entries(NOT_RUN).map(([name, why]) => [name, 'not run', '-', '-', '-', why]),
    ],
  );
  const target = summary.find((s) => s.name === 'offerkit-node-crypto').ratio;
  process.stdout.write(
    `Target core >= 1.0x baseline with node crypto: ${target >= 1 ? 'met' : 'MISSED'} (${target.toFixed(2)}x)\n\n`,
  );
  const file = saveResult('core', { summary, runs, notRun: NOT_RUN, table });
  process.stdout.write(`results: ${file}\n\n`);
  return { summary, table };
}
