import { defineConfig } from 'vitest/config';

// `npm run test:reliability`: races, lock-out, fuzz, secrets, faults and sweep against real servers on
// 127.0.0.1. Kept out of `npm test` (its globs are packages/*/test and examples/*/test). Files run one at a
// time: they load the 2-core machine fully and the fault cases measure recovery times.
export default defineConfig({
  test: {
    include: ['reliability/**/*.reliability.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
