#!/usr/bin/env node
// Installs and builds whatever is missing, so `npm test` and `npm start` work on a fresh clone with nothing
// run before them. Cheap when everything is present: a stat of the lockfile and turbo's build cache.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`ensure-workspace: '${command} ${args.join(' ')}' failed with status ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

function installIsCurrent() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  // npm rewrites node_modules/.package-lock.json on every install; a newer lockfile means a pull changed deps.
  if (statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs + 1000) {
    const wanted = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    const have = JSON.parse(readFileSync(installed, 'utf8')).packages ?? {};
    return Object.entries(wanted).every(
      ([path, meta]) => path === '' || meta.link || meta.optional || have[path]?.version === meta.version,
    );
  }
  return true;
}

if (!installIsCurrent()) {
  console.log('ensure-workspace: installing dependencies (npm ci)…');
  run(npm, ['ci', '--no-audit', '--no-fund']);
}
run(npm, ['exec', '--', 'turbo', 'run', 'build', '--output-logs=errors-only']);
