// `npm run bench`: every benchmark, each against its baseline in the same run. Pass section names to run
// only some: `node run-all.mjs core memory http sql`. Results go to bench/results/ as JSON.
import { describeMachine } from './lib/save-result.mjs';

const SECTIONS = {
  core: async () => (await import('./core/run-core.mjs')).runCore(),
  memory: async () => (await import('./memory/run-memory.mjs')).runMemory(),
  http: async () => (await import('./http/run-http.mjs')).runHttp(),
  sql: async () => (await import('./sql/run-sql.mjs')).runSql(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`unknown section(s): ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
const machine = describeMachine();
process.stdout.write(
  `# OfferKit benchmarks\n\n${new Date().toISOString()} · Node ${machine.node} · ${machine.platform} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGiB} GiB\n\n`,
);
let failed = false;
for (const name of wanted.length > 0 ? wanted : Object.keys(SECTIONS)) {
  try {
    await SECTIONS[name]();
  } catch (error) {
    failed = true;
    console.error(`bench section ${name} failed:`, error);
  }
}
process.exitCode = failed ? 1 : 0;
