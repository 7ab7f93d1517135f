import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder';
import './address';
import './node';
import './customer';
import './customer-state';
import './entitlement';
import './entitlement-check';
import './customer-connection';
import './profile';
import './provider-info';
import './write-errors';
import './mutations';
import './customer-change';
import './federation';
import { describeFederationFields, settleEntities } from './entities';
import { stitchingSdl, useStitchingSource } from './stitching';

/**
 * The schema the gateway serves: the public API plus Apollo Federation's `_service` and `_entities`, so one
 * endpoint serves clients, a federation router and a stitching gateway alike.
 */
export const schema: GraphQLSchema = builder.toSubGraphSchema({
  linkUrl: 'https://specs.apollo.dev/federation/v2.6',
  federationDirectives: ['@key'],
  sortSchema: false,
});
settleEntities(schema);
describeFederationFields(schema);

/** The public API alone (no federation plumbing), sorted: `schema/schema.graphql` is its stitching-annotated print. */
export const publicSchema: GraphQLSchema = lexicographicSortSchema(builder.toSchema({ sortSchema: false }));
useStitchingSource(publicSchema);

/** `schema/schema.graphql`: the sorted public SDL with its schema-stitching directives. */
export const printPublicSdl = (): string => stitchingSdl();

/** `schema/subgraph.graphql`: the federation SDL with its directives, as a router composes it. */
export const printSubgraphSdl = (): string => `${printSubgraphSchema(schema).trim()}\n`;
