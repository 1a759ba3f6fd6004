// Summarises a V8 .cpuprofile (node --cpu-prof): self and inclusive time per file:function.
// Usage: node bench/lib/summarize-cpu-profile.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function keyOf(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const short = url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, '')
    .replace(/.*\/packages\//, 'packages/');
  return `${short || '(native)'}:${functionName || '(anonymous)'}${url ? `:${lineNumber + 1}` : ''}`;
}

const self = new Map();
const inclusive = new Map();
function walk(node, stack) {
  const key = keyOf(node);
  self.set(key, (self.get(key) ?? 0) + (selfUs.get(node.id) ?? 0));
  let sum = selfUs.get(node.id) ?? 0;
  const next = new Set(stack).add(key);
  for (const childId of node.children ?? []) sum += walk(byId.get(childId), next);
  // Count a function once per path, even when it recurses.
  if (!stack.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
  return sum;
}
walk(profile.nodes[0], new Set());

const pct = (us) => `${((100 * us) / total).toFixed(1)}%`.padStart(6);
const show = (title, map) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${pct(us)}  ${key}`);
};
const byPackage = new Map();
for (const [key, us] of self) {
  const pkg = key.startsWith('packages/')
    ? key.split('/').slice(0, 2).join('/')
    : key.startsWith('node:') || key.startsWith('(native)')
      ? key.split(':')[0] === 'node'
        ? 'node internals'
        : key.split(':').slice(0, 2).join(':')
      : key.startsWith('/')
        ? 'bench'
        : key.split('/')[0].startsWith('@')
          ? key.split('/').slice(0, 2).join('/')
          : key.split('/')[0];
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
show('self time by package', byPackage);
show('self time', self);
show('inclusive time', inclusive);
