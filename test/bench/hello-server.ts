/** The yardstick for `npm run bench`: a plain graphql-yoga server answering `{ hello }`, in its own process. */
import { createSchema, createYoga } from 'graphql-yoga';
import { listenForBench } from './listen';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }),
  logging: false,
});
listenForBench(yoga);
