import type { CodegenConfig } from '@graphql-codegen/cli';
import { printPublicSdl, printSubgraphSdl } from './src/graphql/schema';

/**
 * `npm run codegen` writes the committed schema files and the typed documents the tests use. The SDL comes
 * straight from the Pothos builder; test/schema-drift.test.ts regenerates everything in memory and fails when a
 * committed file differs.
 */
const publicSdl = printPublicSdl();

const config: CodegenConfig = {
  schema: publicSdl,
  documents: ['test/documents/**/*.graphql'],
  generates: {
    // Sorted SDL with its schema-stitching directives (@key, @merge, @canonical).
    'schema/schema.graphql': { plugins: [{ add: { content: publicSdl, placement: 'content' } }] },
    // The Apollo Federation v2 subgraph SDL, as `_service { sdl }` serves it.
    'schema/subgraph.graphql': { plugins: [{ add: { content: printSubgraphSdl(), placement: 'content' } }] },
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', EmailAddress: 'string', JSONObject: 'Record<string, unknown>', Currency: 'string', TimeZone: 'string' },
      },
    },
  },
};

export default config;
