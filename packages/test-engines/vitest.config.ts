import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@offerkit/test-engines',
    include: ['test/**/*.test.ts'],
  },
});
