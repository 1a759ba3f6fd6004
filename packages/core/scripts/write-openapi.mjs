// Build step (after tsup): writes the OpenAPI 3.1 document to dist/openapi.json and copies it to docs/openapi.json
// at the repository root. Turbo caches only dist/**, so the docs copy is committed and a test keeps it in step.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const core = await import(resolve(here, '../dist/index.js'));

if (typeof core.createOpenApiDocument !== 'function') {
  // The barrel export is added by the core owner; until then the build must not fail for everyone else.
  process.stderr.write('write-openapi: dist/index.js does not export createOpenApiDocument yet; skipped\n');
  process.exit(0);
}

const text = `${JSON.stringify(core.createOpenApiDocument(), null, 2)}\n`;
const targets = [resolve(here, '../dist/openapi.json'), resolve(here, '../../../docs/openapi.json')];
for (const target of targets) {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
}
process.stdout.write(`write-openapi: wrote ${targets.join(' and ')} (${Buffer.byteLength(text)} bytes)\n`);
