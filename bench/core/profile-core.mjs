// Runs one core variant in a tight loop, for `node --cpu-prof` (see the README, "Performance"):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/core/profile-core.mjs offerkit-node-crypto 100000
//   node bench/lib/summarize-cpu-profile.mjs /tmp/prof/*.cpuprofile
import { createCoreVariants } from './core-variants.mjs';

const [name = 'offerkit-node-crypto', countArg = '100000'] = process.argv.slice(2);
const fn = createCoreVariants()[name];
if (fn === undefined) throw new Error(`unknown variant ${name}`);
for (let i = 0; i < 5_000; i++) await fn();
const count = Number(countArg);
const started = performance.now();
for (let i = 0; i < count; i++) await fn();
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${name}: ${Math.round(count / seconds)} ops/s\n`);
