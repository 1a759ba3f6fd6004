import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

describe('README embedding snippets', () => {
  it.each(['examples/embed-express/app.js', 'examples/embed-koa/app.js'])('shows %s verbatim', (file) => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(readFileSync(join(root, file), 'utf8').trimEnd());
  });
});
