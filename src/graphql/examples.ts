/** GraphiQL's default tab: operations that work on the sandbox's seed data (user_000001 exists everywhere). */
export const graphiqlExamples = `# customer-graph: one API over Orb, Stigg, Omise, Polar and Synctera.
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
