// One fresh process of the core benchmark. argv[2]: comma-separated variant order. Prints one JSON line.
import { bench, do_not_optimize, run } from 'mitata';
import { createCoreVariants } from './core-variants.mjs';

const order = (process.argv[2] ?? '').split(',').filter(Boolean);
const variants = createCoreVariants();
for (const name of order) {
  const fn = variants[name];
  if (fn === undefined) throw new Error(`unknown variant ${name}`);
  // Check that each variant really produces an offer before timing it.
  const sample = await fn();
  if (
    !sample.uri.startsWith('openid-credential-offer://?credential_offer=') ||
    !/^\d{6}$/.test(sample.transactionCode)
  ) {
    throw new Error(`${name} produced an unexpected result`);
  }
  bench(name, async () => do_not_optimize(await fn()));
}
const { benchmarks } = await run({ format: 'quiet', throw: true });
const results = benchmarks.map((b) => {
  const stats = b.runs[0].stats;
  return {
    name: b.alias,
    avgNs: stats.avg,
    p50Ns: stats.p50,
    p99Ns: stats.p99,
    samples: stats.samples.length,
  };
});
process.stdout.write(`${JSON.stringify({ order, results })}\n`);
