import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-issuer',
    include: ['test/**/*.test.js'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
