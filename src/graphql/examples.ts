/** GraphiQL's first tab: queries that work on the sandbox's seed data (user_000001 exists everywhere). */
export const graphiqlQueryExamples = `# customer-graph: one API over Orb, Stigg, Omise, Polar and Synctera.
# Pick an operation with the ▶ button. IDs are "<provider>:<native id>".

query Providers {
  providers { name mode capabilities { listFilters operations entitlements } }
}

query NewestCustomers($after: String) {
  customers(first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id provider name email status createdAt } }
  }
}

query Profile {
  profile(externalId: "user_000001") {
    name email missingFrom
    customers { id provider status providerStatus }
    entitlements { featureId kind hasAccess currentUsage usageLimit source }
  }
}

query PolarCustomersWithState {
  customers(provider: POLAR, first: 5) {
    nodes {
      id name
      state { subscriptions { status amount currency } meters { meterId balance } }
      entitlements { featureId kind hasAccess }
    }
  }
}

query CheckSeats {
  checkEntitlement(externalId: "user_000001", provider: STIGG, featureId: "feature-seats", requestedUsage: 1) {
    hasAccess denialReason currentUsage usageLimit source
  }
}
`;

/**
 * GraphiQL's second tab: a write. Its idempotency key makes running it again safe: the second run answers
 * `replayed: true` with the first result instead of creating another customer.
 */
export const graphiqlMutationExample = `# A write: create a customer at Polar. Run it twice: the idempotencyKey makes the
# second run replay the first result (replayed: true) instead of writing again.
# Errors come back as typed members of the result union (ValidationError, ProviderError, ...).

mutation CreateCustomer {
  createCustomer(input: {
    provider: POLAR
    email: "ada.lovelace@example.com"
    name: "Ada Lovelace"
    externalId: "graphiql_example_1"
    idempotencyKey: "graphiql-example-create-1"
  }) {
    __typename
    ... on CreateCustomerPayload { replayed idempotencyKey customer { id provider externalId name email status } }
    ... on Error { code message }
  }
}
`;

/** The tabs GraphiQL opens with (when the browser has none saved). */
export const graphiqlTabs = [{ query: graphiqlQueryExamples }, { query: graphiqlMutationExample }];
