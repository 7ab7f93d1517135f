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

/** The gateway schema, built once from the type files above. */
export const schema: GraphQLSchema = builder.toSchema({ sortSchema: false });

export const sortedSchema = (): GraphQLSchema => lexicographicSortSchema(schema);
