import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import { CurrencyResolver, DateTimeResolver, EmailAddressResolver, JSONObjectResolver, TimeZoneResolver } from 'graphql-scalars';
import type { GraphContext } from '../context';
import type { JsonObject } from '../providers/spec/provider';

/** Plugins and scalars only: every type lives in its own file. */
export const builder = new SchemaBuilder<{
  Context: GraphContext;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    EmailAddress: { Input: string; Output: string };
    JSONObject: { Input: JsonObject; Output: JsonObject };
    Currency: { Input: string; Output: string };
    TimeZone: { Input: string; Output: string };
  };
}>({
  // Errors before the others, as the Pothos docs ask; federation last because it wraps resolvers.
  plugins: [ErrorsPlugin, DirectivesPlugin, FederationPlugin],
  defaultFieldNullability: false,
  errors: { defaultTypes: [] },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('EmailAddress', EmailAddressResolver);
builder.addScalarType('JSONObject', JSONObjectResolver);
builder.addScalarType('Currency', CurrencyResolver);
builder.addScalarType('TimeZone', TimeZoneResolver);

builder.queryType({});
