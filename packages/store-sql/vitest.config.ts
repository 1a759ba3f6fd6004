import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@offerkit/store-sql',
    include: ['test/**/*.test.ts'],
    // The suites share two database servers and open up to ~60 connections each: run files one at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
