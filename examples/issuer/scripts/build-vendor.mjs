// Bundles the `qrcode` package's browser entry into one ES module the console page loads from
// /console/vendor/qrcode.js, so the page works offline and needs no CDN. Output goes to dist/ (turbo caches it).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'vendor', 'qrcode.js');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  stdin: { contents: "export { create, toCanvas } from 'qrcode';", resolveDir: root, loader: 'js' },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'inline',
  outfile,
  logLevel: 'warning',
});
