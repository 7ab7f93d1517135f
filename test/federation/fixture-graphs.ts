import { buildSubgraphSchema } from '@apollo/subgraph';
import { createYoga } from 'graphql-yoga';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse } from 'graphql';

/** Another team's graphs that point at customer-graph's customers: orders by global ID, tickets by external ID. */
export const orders = [
  { id: 'order-1', total: 120.5, customerId: 'stigg:user_000001' },
  { id: 'order-2', total: 42, customerId: 'polar:unknown-or-later' },
];
export const tickets = [
  { id: 'ticket-1', subject: 'Cannot add a seat', externalId: 'user_000001' },
  { id: 'ticket-2', subject: 'Refund', externalId: 'user_000002' },
];

const ordersSdl = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Order @key(fields: "id") {
    id: ID!
    total: Float!
    customer: Customer
  }
  type Customer @key(fields: "id", resolvable: false) {
    id: ID!
  }
  type Query {
    orders: [Order!]!
  }
`;

const ticketsSdl = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Ticket @key(fields: "id") {
    id: ID!
    subject: String!
    requester: Customer
  }
  type Customer @key(fields: "externalId", resolvable: false) {
    externalId: String
  }
  type Query {
    tickets: [Ticket!]!
  }
`;

export const ordersSubgraph = {
  name: 'orders',
  typeDefs: ordersSdl,
  yoga: createYoga({
    schema: buildSubgraphSchema({
      typeDefs: parse(ordersSdl),
      resolvers: {
        Query: { orders: () => orders },
        Order: { customer: (order: (typeof orders)[number]) => ({ __typename: 'Customer', id: order.customerId }) },
      },
    }),
    logging: false,
  }),
};

export const ticketsSubgraph = {
  name: 'tickets',
  typeDefs: ticketsSdl,
  yoga: createYoga({
    schema: buildSubgraphSchema({
      typeDefs: parse(ticketsSdl),
      resolvers: {
        Query: { tickets: () => tickets },
        Ticket: { requester: (ticket: (typeof tickets)[number]) => ({ __typename: 'Customer', externalId: ticket.externalId }) },
      },
    }),
    logging: false,
  }),
};

/** The same orders as a plain schema for schema stitching: `Customer` is a stub the gateway merges by `id`. */
export const stitchingOrdersSchema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    type Order { id: ID! total: Float! customer: Customer }
    type Customer { id: ID! }
    type Query { orders: [Order!]! }
  `,
  resolvers: {
    Query: { orders: () => orders },
    Order: { customer: (order: (typeof orders)[number]) => ({ id: order.customerId }) },
  },
});
