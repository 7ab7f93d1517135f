/**
 * The floor for `npm run bench`: what answering three of its Polar scenarios costs with nothing but graphql-yoga and
 * undici, in its own process. Each resolver makes the bare provider calls (one pooled undici request, `JSON.parse`,
 * a few fields copied), with no deadline, retry, breaker, hedge, rate budget, telemetry, read cache or batching.
 * The gateway's figures next to these say what its own work costs beyond the calls every gateway must make, and
 * where a goal is out of reach of any gateway on this machine. The sandbox's Polar base URL comes in
 * `BENCH_FLOOR_POLAR_URL`. Prints `listening <port>` when ready.
 */
import { createSchema, createYoga } from 'graphql-yoga';
import { listenForBench } from './listen';
import { Agent } from 'undici';

const base = new URL(process.env.BENCH_FLOOR_POLAR_URL ?? 'http://127.0.0.1:4010/polar');
const origin = base.origin;
const prefix = base.pathname.replace(/\/+$/, '');
// Sized like the gateway's pool (`HTTP_CONNECTIONS_PER_ORIGIN`), so neither waits for sockets the other has.
const dispatcher = new Agent({ connections: 128, keepAliveTimeout: 10_000 });
const headers = { accept: 'application/json', authorization: 'Bearer bench' };

type Payload = Record<string, unknown>;

async function get(path: string): Promise<Payload> {
  const response = await dispatcher.request({ origin, path: `${prefix}${path}`, method: 'GET', headers });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`Polar answered ${response.statusCode}`);
  return JSON.parse(text) as Payload;
}

interface Row {
  id: string;
  email: unknown;
  name: unknown;
  createdAt: unknown;
  /** The customer's state call, made once for both fields that read it. */
  state?: Promise<Payload>;
}

const row = (customer: Payload): Row => ({ id: String(customer.id), email: customer.email, name: customer.name, createdAt: customer.created_at });
const stateOf = (customer: Row) => (customer.state ??= get(`/v1/customers/${encodeURIComponent(customer.id)}/state`));

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type CustomerSubscription { id: ID! }
      type State { subscriptions: [CustomerSubscription!]! }
      type Entitlement { featureId: String! }
      type Customer { id: ID! email: String name: String createdAt: String state: State! entitlements: [Entitlement!]! }
      type Query { customer(id: ID!): Customer customers(first: Int!): [Customer!]! }
    `,
    resolvers: {
      Query: {
        customer: async (_root: unknown, args: { id: string }) => row(await get(`/v1/customers/${encodeURIComponent(args.id)}`)),
        customers: async (_root: unknown, args: { first: number }) => ((await get(`/v1/customers/?limit=${args.first}`)).items as Payload[]).map(row),
      },
      Customer: {
        state: async (customer: Row) => ({ subscriptions: ((await stateOf(customer)).active_subscriptions as Payload[]).map((subscription) => ({ id: subscription.id })) }),
        entitlements: async (customer: Row) =>
          ((await stateOf(customer)).granted_benefits as Payload[]).map((grant) => {
            const featureId = (grant.benefit_metadata as Payload | null)?.feature_id;
            return { featureId: typeof featureId === 'string' && featureId !== '' ? featureId : String(grant.benefit_id) };
          }),
      },
    },
  }),
  logging: false,
});
listenForBench(yoga);
