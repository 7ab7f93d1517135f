import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (`main`) and ESM (`module`) side by side. Node loads the CJS one for dependencies
    // (Pothos, yoga), Vite would pick the ESM one for our code: two realms, and "Cannot use GraphQLObjectType from
    // another module". Point everything at the CJS entry, as Node itself does.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Sandbox tests open real loopback sockets; two cores run two files at once comfortably.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // In CI a JSON report too, from which .ci/run prints the plain "N passed, N failed" closing line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results.json' },
  },
});
