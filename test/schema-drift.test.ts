import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

describe('committed schema files', () => {
  it('match what codegen writes from the code (run `npm run codegen` after a schema change)', async () => {
    const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
    const names = outputs.map((output) => output.filename).sort();
    expect(names).toEqual(expect.arrayContaining(['schema/schema.graphql', 'schema/subgraph.graphql', 'test/generated/graphql.ts']));
    for (const output of outputs) {
      expect(readFileSync(output.filename, 'utf8'), `${output.filename} is stale`).toBe(output.content);
    }
  }, 60_000);
});
