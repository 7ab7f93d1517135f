import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphiqlTabs } from '../../src/graphql/examples';
import { callsByProvider, gatewayUnderTest, startTestGateway } from '../support/gateway';

const gateway = await gatewayUnderTest({ people: 60 }, { fresh: true });

const refusedCodes = ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'UPSTREAM_BUDGET_EXCEEDED', 'INTERNAL_SERVER_ERROR'];

/** The operations a newcomer meets first: every ```graphql block of the README and every GraphiQL example. */
function exampleOperations(): { name: string; document: string; operationName?: string }[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match, index) => ({ name: `README block ${index + 1}`, document: match[1]! }));
  const graphiql = graphiqlTabs.flatMap((tab) =>
    parse(tab.query).definitions.flatMap((definition) =>
      definition.kind === 'OperationDefinition' && definition.name ? [{ name: `GraphiQL ${definition.name.value}`, document: tab.query, operationName: definition.name.value }] : [],
    ),
  );
  return [...blocks, ...graphiql];
}

describe('operation limits (graphql-armor) with defaults chosen from the schema', () => {
  it('let every README and GraphiQL example operation through', async () => {
    const examples = exampleOperations();
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const example of examples) {
      const response = await gateway.request({ query: example.document, operationName: example.operationName });
      const body = await response.json();
      const codes = (body.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code);
      expect(codes.filter((code: string) => refusedCodes.includes(code)), `${example.name}: ${JSON.stringify(body.errors)}`).toEqual([]);
    }
  });

  it('stop the cyclic profile → customers → profile before it grows, without an upstream call', async () => {
    let selection = 'id';
    for (let level = 0; level < 10; level++) selection = `profile { customers { ${selection} } }`;
    const result = await gateway.run(`{ customer(id: "stigg:user_000001") { ${selection} } }`);
    expect(result.data).toBeUndefined();
    expect(result.errors!.map((error) => error.extensions?.code)).toEqual(result.errors!.map(() => 'GRAPHQL_VALIDATION_FAILED'));
    expect(result.errors!.map((error) => error.message).join(' ')).toMatch(/depth limit of 8 exceeded/i);
    expect(gateway.upstream()).toEqual([]);
  });

  it('refuse thousands of aliases and an oversized document', async () => {
    const aliases = Array.from({ length: 3000 }, (_, index) => `a${index}: __typename`).join(' ');
    const manyAliases = await gateway.run(`{ ${aliases} }`);
    expect(manyAliases.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(manyAliases.errors?.[0]?.message).toMatch(/token limit of 1000/i);
    const sixteen = Array.from({ length: 16 }, (_, index) => `a${index}: providers { name }`).join(' ');
    const justOver = await gateway.run(`{ ${sixteen} }`);
    expect(justOver.errors?.[0]).toMatchObject({ message: expect.stringMatching(/aliases limit of 15 exceeded/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const deep = `{ ${'customer(id: "x") { profile { customers { '.repeat(1)}${'{'.repeat(5000)} }`;
    const tokens = await gateway.run(deep);
    expect(tokens.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(gateway.upstream()).toEqual([]);
  });
});

describe('the upstream-call budget', () => {
  it('refuses before execution an operation whose estimate exceeds it, naming the estimate and the limit', async () => {
    const result = await gateway.run('{ customers(first: 100) { nodes { profile { customers { state { verification } } } } } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UPSTREAM_BUDGET_EXCEEDED', limit: 200 });
    const estimate = result.errors![0]!.extensions!.estimate as number;
    expect(estimate).toBeGreaterThan(1000);
    expect(result.errors![0]!.message).toContain(`up to ${estimate} upstream calls; the limit is 200`);
    expect(gateway.upstream()).toEqual([]);
  });

  it('counts a page of state as one call per row, and lets a page of 100 with state through', async () => {
    const result = await gateway.run('{ customers(provider: POLAR, first: 40) { nodes { id state { verification } } } }');
    expect(result.errors).toBeUndefined();
    const calls = callsByProvider(gateway.upstream());
    expect(calls).toEqual({ polar: 1 + result.data.customers.nodes.length });
  });

  it('estimates one document anew for each variables it is sent with (the estimate is kept per document and variables)', async () => {
    const query = 'query Page($first: Int!) { customers(first: $first) { nodes { profile { customers { state { verification } } } } } }';
    const outcome = async (first: number) => (await gateway.run(query, { first })).errors?.[0]?.extensions ?? null;
    // Sent again and again, alternating: a kept estimate must never answer for other variables.
    for (let round = 0; round < 3; round++) {
      expect(await outcome(1)).toBeNull();
      expect(await outcome(100)).toMatchObject({ reason: 'UPSTREAM_BUDGET_EXCEEDED', estimate: expect.any(Number) });
    }
  });

  it('answers providers { health } however often it is asked without a single upstream call (the breakers answer)', async () => {
    const aliases = Array.from({ length: 10 }, (_, index) => `p${index}: providers { health { ok } }`).join(' ');
    const result = await gateway.run(`{ ${aliases} }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.p9.every((provider: { health: { ok: boolean } }) => provider.health.ok)).toBe(true);
    expect(Object.values(callsByProvider(gateway.upstream()))).toEqual([]);
  });
});

describe('the per-request counter of actual upstream calls', () => {
  it('stops a request that goes past the budget anyway (retries), at exactly the budget', async () => {
    const small = await startTestGateway({ people: 40, retry: { retries: 2 }, frontDoor: { limits: { upstreamCalls: 5 } as never } });
    try {
      const ids = (await small.run('{ customers(provider: POLAR, first: 4) { nodes { id } } }')).data.customers.nodes.map((node: { id: string }) => node.id);
      small.clearUpstream();
      small.sandbox.setFaults({ polar: { errorRate: 1, errorStatus: 503 } });
      const result = await small.run('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
      expect(small.upstream()).toHaveLength(5);
      const codes = result.errors!.map((error) => error.extensions?.code);
      expect(codes).toContain('UPSTREAM_BUDGET_EXCEEDED');
      expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    } finally {
      await small.close();
    }
  });
});
