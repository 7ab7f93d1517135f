import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Sandbox tests open real loopback sockets; two cores run two files at once comfortably.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
