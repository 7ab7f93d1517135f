import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema';

describe('root fields', () => {
  it('every Query, Mutation and Subscription field carries a description (GraphiQL shows it in the docs pane)', () => {
    const missing: string[] = [];
    for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      for (const field of Object.values(type?.getFields() ?? {})) if (!field.description?.trim()) missing.push(`${type!.name}.${field.name}`);
    }
    expect(schema.getQueryType()?.getFields().customer?.description).toMatch(/global ID/);
    expect(missing).toEqual([]);
  });
});
