import { fileURLToPath } from 'node:url';
import { printTable } from '../lib/print-table.mjs';
import { runWorker } from '../lib/run-worker.mjs';
import { saveResult } from '../lib/save-result.mjs';
import { formatNumber, median } from '../lib/stats.mjs';

const worker = fileURLToPath(new URL('./memory-worker.mjs', import.meta.url));
const VARIANTS = [
  'plain-map',
  'plain-map-with-code-index',
  'offerkit-memory-store',
  'offerkit-memory-store-with-new-user',
  'diag-plain-map-structured-clone',
];
const DESCRIPTIONS = {
  'plain-map': 'Map by id, same fields as OfferRecord',
  'plain-map-with-code-index': '+ Map code hash → id (needed to redeem)',
  'offerkit-memory-store': 'createPreAuthorizedOffer for an existing user',
  'offerkit-memory-store-with-new-user': 'createPreAuthorizedOffer without userId (offer + its user)',
  'diag-plain-map-structured-clone': 'diagnostic: plain Map, each record structuredClone-d',
};

/** Bytes retained per live offer: 100,000 offers, heap after GC, each variant in 3 fresh processes. */
export async function runMemory({ count = 100_000, processes = 3 } = {}) {
  process.stdout.write(
    `## Memory: heap retained per live offer (${formatNumber(count)} offers, after GC)\n\n`,
  );
  const runs = [];
  for (let i = 0; i < processes; i++) {
    for (const variant of VARIANTS) {
      runs.push(await runWorker(worker, [variant, String(count)], { nodeArgs: ['--expose-gc'] }));
    }
  }
  const summary = VARIANTS.map((variant) => ({
    variant,
    bytesPerOffer: median(runs.filter((r) => r.variant === variant).map((r) => r.bytesPerOffer)),
  }));
  const plain = summary.find((s) => s.variant === 'plain-map').bytesPerOffer;
  const table = printTable(
    ['variant', 'what', 'bytes per live offer (median of 3)', 'ratio to plain Map'],
    summary.map((s) => [
      s.variant,
      DESCRIPTIONS[s.variant],
      formatNumber(s.bytesPerOffer),
      `${(s.bytesPerOffer / plain).toFixed(2)}×`,
    ]),
  );
  const offerkit = summary.find((s) => s.variant === 'offerkit-memory-store').bytesPerOffer;
  process.stdout.write(
    `Target <= 500 bytes per live offer: ${offerkit <= 500 ? 'met' : 'MISSED'} (${formatNumber(offerkit)} bytes)\n\n`,
  );
  const file = saveResult('memory', { count, summary, runs, table });
  process.stdout.write(`results: ${file}\n\n`);
  return { summary, table };
}
