import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { sortedSchema } from './src/graphql/schema';

/**
 * `npm run codegen` writes the committed schema files and the typed documents the tests use.
 * The schema comes straight from the Pothos builder, so the files cannot drift from the code unnoticed
 * (test/schema-drift.test.ts regenerates them in memory and compares).
 */
const schemaSdl = printSchema(sortedSchema());

const config: CodegenConfig = {
  schema: schemaSdl,
  documents: ['test/documents/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'schema/schema.graphql': {
      plugins: ['schema-ast'],
      config: { sort: true },
    },
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: { useTypeImports: true, scalars: { DateTime: 'string', EmailAddress: 'string', JSONObject: 'Record<string, unknown>', Currency: 'string', TimeZone: 'string' } },
    },
  },
};

export default config;
