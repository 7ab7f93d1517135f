import { stitchSchemas } from '@graphql-tools/stitch';
import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import { buildSchema, print, type DocumentNode } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gatewayUnderTest } from '../support/gateway';
import { stitchingOrdersSchema } from './fixture-graphs';

const gateway = await gatewayUnderTest({ people: 200 });

describe('schema stitching', () => {
  it('prints the stitching directives in _sdl and in the committed schema/schema.graphql', async () => {
    const sdl: string = (await gateway.run('{ _sdl }')).data._sdl;
    expect(sdl).toBe(readFileSync('schema/schema.graphql', 'utf8'));
    expect(sdl).toMatch(/type Customer implements Node @canonical @key\(selectionSet: "\{ id \}"\)/);
    expect(sdl).toMatch(/customersByIds\(ids: \[ID!\]!\): \[Customer\]! @merge\(keyField: "id", keyArg: "ids"\)/);
  });

  it('a stitching gateway configures itself from the SDL and joins orders to customers', async () => {
    const { stitchingDirectivesTransformer } = stitchingDirectives();
    const sdl: string = (await gateway.run('{ _sdl }')).data._sdl;
    const executor = async ({ document, variables }: { document: DocumentNode; variables?: Record<string, unknown> }) => {
      const response = await gateway.app.yoga.fetch('http://customers.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return (await response.json()) as never;
    };
    const schema = stitchSchemas({
      subschemaConfigTransforms: [stitchingDirectivesTransformer],
      subschemas: [{ schema: buildSchema(sdl), executor }, { schema: stitchingOrdersSchema }],
    });
    gateway.clearUpstream();
    const router = createYoga({ schema, logging: false });
    const response = await router.fetch('http://stitched.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ orders { id customer { id name profile { externalId missingFrom } entitlements { featureId source } } } }' }),
    });
    const result = (await response.json()) as { data: any; errors?: { message: string }[] };
    expect(result.data.orders[0].customer).toMatchObject({ id: 'stigg:user_000001', profile: { externalId: 'user_000001' } });
    expect(result.data.orders[0].customer.entitlements.every((entitlement: { source: string }) => entitlement.source === 'STIGG')).toBe(true);
    // The second order points at a Polar id that does not exist: its stub keeps the id, customer-graph adds nothing.
    expect(result.data.orders[1].customer).toMatchObject({ id: 'polar:unknown-or-later', name: null, profile: null });
  });
});
