/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  /** The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `"4"`) or integer (such as `4`) input value will be accepted as an ID. */
  ID: { input: string; output: string; }
  /** The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text. */
  String: { input: string; output: string; }
  /** The `Boolean` scalar type represents `true` or `false`. */
  Boolean: { input: boolean; output: boolean; }
  /** The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1. */
  Int: { input: number; output: number; }
  /** The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point). */
  Float: { input: number; output: number; }
  /** A field whose value is a Currency: https://en.wikipedia.org/wiki/ISO_4217. */
  Currency: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A field whose value conforms to the standard internet email address format as specified in HTML Spec: https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address. */
  EmailAddress: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A field whose value exists in the standard IANA Time Zone Database: https://www.iana.org/time-zones */
  TimeZone: { input: string; output: string; }
};

/** A postal address as the provider stores it. */
export type Address = {
  __typename?: 'Address';
  city?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2. */
  country?: Maybe<Scalars['String']['output']>;
  line1?: Maybe<Scalars['String']['output']>;
  line2?: Maybe<Scalars['String']['output']>;
  postalCode?: Maybe<Scalars['String']['output']>;
  state?: Maybe<Scalars['String']['output']>;
};

export type AddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country?: InputMaybe<Scalars['String']['input']>;
  line1?: InputMaybe<Scalars['String']['input']>;
  line2?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<Scalars['String']['input']>;
};

/** The customer(s) archived. */
export type ArchiveCustomerPayload = {
  __typename?: 'ArchiveCustomerPayload';
  /** The first customer written (the only one for a single-provider write). */
  customer?: Maybe<Customer>;
  customers: Array<Customer>;
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** Every provider the write reached or tried to, success or failure. */
  outcomes: Array<WriteOutcome>;
  /** True when this is the stored result of an earlier call with the same idempotencyKey. */
  replayed: Scalars['Boolean']['output'];
};

export type ArchiveCustomerResult = ArchiveCustomerPayload | ConflictError | NotFoundError | ProviderError | StateUnavailableError | UnsupportedOperationError | ValidationError;

/** A subscription the customer holds at a billing provider (Polar active subscriptions, ...). */
export type BillingSubscription = {
  __typename?: 'BillingSubscription';
  /** In the smallest currency unit (cents). */
  amount?: Maybe<Scalars['Int']['output']>;
  cancelAtPeriodEnd: Scalars['Boolean']['output'];
  currency?: Maybe<Scalars['Currency']['output']>;
  currentPeriodEnd?: Maybe<Scalars['DateTime']['output']>;
  currentPeriodStart?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['String']['output'];
  interval?: Maybe<Scalars['String']['output']>;
  productId?: Maybe<Scalars['String']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: Scalars['String']['output'];
};

export type BreakerState =
  /** Calls flow normally. */
  | 'CLOSED'
  /** One probe call is testing whether the provider is back. */
  | 'HALF_OPEN'
  /** Recent calls failed; calls fail at once with PROVIDER_UNAVAILABLE until a probe succeeds. */
  | 'OPEN';

export type ConflictError = Error & {
  __typename?: 'ConflictError';
  /** Stable, machine-readable. */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  provider?: Maybe<Provider>;
};

export type CreateCustomerInput = {
  billingAddress?: InputMaybe<AddressInput>;
  currency?: InputMaybe<Scalars['Currency']['input']>;
  email?: InputMaybe<Scalars['EmailAddress']['input']>;
  /** The caller's own id for this person (at Stigg it becomes the customer id). */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Makes a retry safe: the same key with the same input returns the first result and never writes twice (kept 24 h). Sent to providers that honour Idempotency-Key. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  provider: Provider;
  /** Provider-specific body fields, checked against what that provider accepts. */
  providerFields?: InputMaybe<Scalars['JSONObject']['input']>;
  timezone?: InputMaybe<Scalars['TimeZone']['input']>;
};

/** The customer created. */
export type CreateCustomerPayload = {
  __typename?: 'CreateCustomerPayload';
  /** The first customer written (the only one for a single-provider write). */
  customer?: Maybe<Customer>;
  customers: Array<Customer>;
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** Every provider the write reached or tried to, success or failure. */
  outcomes: Array<WriteOutcome>;
  /** True when this is the stored result of an earlier call with the same idempotencyKey. */
  replayed: Scalars['Boolean']['output'];
};

export type CreateCustomerResult = ConflictError | CreateCustomerPayload | NotFoundError | ProviderError | StateUnavailableError | UnsupportedOperationError | ValidationError;

/** One customer record at one provider. */
export type Customer = Node & {
  __typename?: 'Customer';
  billingAddress?: Maybe<Address>;
  /** Null only for a deleted customer whose provider keeps no more than a tombstone. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  currency?: Maybe<Scalars['Currency']['output']>;
  email?: Maybe<Scalars['EmailAddress']['output']>;
  /** Entitlements at this provider (empty where it has none). Null, with an error on this path, when it could not answer. */
  entitlements?: Maybe<Array<Entitlement>>;
  /** The caller's own id for this person, shared across providers. */
  externalId?: Maybe<Scalars['String']['output']>;
  /** When the gateway read this from the provider: a cached answer is never older than its provider's cache TTL. */
  fetchedAt: Scalars['DateTime']['output'];
  /** Global ID: "<provider>:<native id>". */
  id: Scalars['ID']['output'];
  metadata: Scalars['JSONObject']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** The same person across all providers; null without an external ID. */
  profile?: Maybe<CustomerProfile>;
  provider: Provider;
  /** The provider's own id. */
  providerId: Scalars['String']['output'];
  providerStatus?: Maybe<Scalars['String']['output']>;
  /** The provider payload, untouched. */
  raw: Scalars['JSONObject']['output'];
  /** What the customer has right now. Null, with an error on this path, when the provider could not answer. */
  state?: Maybe<CustomerState>;
  status: CustomerStatus;
  timezone?: Maybe<Scalars['TimeZone']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A change to one customer at one provider, from the provider's webhook or a write through the gateway. */
export type CustomerChange = {
  __typename?: 'CustomerChange';
  /** The customer as it is now, read fresh through the loaders; null once deleted. */
  customer?: Maybe<Customer>;
  /** Global ID of the customer that changed. */
  customerId: Scalars['ID']['output'];
  externalId?: Maybe<Scalars['String']['output']>;
  kind: CustomerChangeKind;
  /** When the provider (or the gateway) made the change. */
  occurredAt: Scalars['DateTime']['output'];
  provider: Provider;
};

/** What changed about a customer. */
export type CustomerChangeKind =
  /** The customer was created. */
  | 'CREATED'
  /** The customer was deleted; `customer` is null from now on. */
  | 'DELETED'
  /** The customer's entitlements changed. */
  | 'ENTITLEMENTS_CHANGED'
  /** What the customer has changed: subscriptions, payment methods, balance, verification. */
  | 'STATE_CHANGED'
  /** Fields of the customer changed (archiving included). */
  | 'UPDATED';

export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  edges: Array<CustomerEdge>;
  nodes: Array<Customer>;
  pageInfo: PageInfo;
  /** Customers matching, when every provider asked reports a total; null otherwise. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  cursor: Scalars['String']['output'];
  node: Customer;
};

/** Applied by each provider natively. A filter a provider cannot apply is an error naming both, never ignored. */
export type CustomerFilter = {
  /** Created at or after (inclusive). */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Created strictly before (exclusive). */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Exact email. */
  email?: InputMaybe<Scalars['EmailAddress']['input']>;
  /** Free text, matched the way the provider's own search matches it. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** One person at every provider, joined by external ID. */
export type CustomerProfile = {
  __typename?: 'CustomerProfile';
  customers: Array<Customer>;
  email?: Maybe<Scalars['EmailAddress']['output']>;
  /** Entitlements from every provider that grants them, each with its source. */
  entitlements: Array<Entitlement>;
  externalId: Scalars['String']['output'];
  /** Providers that hold nobody under this external ID. */
  missingFrom: Array<Provider>;
  name?: Maybe<Scalars['String']['output']>;
  /** Providers that could not answer; whether they hold the person is unknown (see `errors`). */
  unavailableFrom: Array<Provider>;
};

/** What the customer has right now; each provider fills what it knows. */
export type CustomerState = {
  __typename?: 'CustomerState';
  accessDeniedReason?: Maybe<Scalars['String']['output']>;
  balance?: Maybe<Money>;
  entitlements: Array<Entitlement>;
  meters: Array<Meter>;
  paymentMethods: Array<PaymentMethod>;
  subscriptions: Array<BillingSubscription>;
  /** Identity verification (KYC) status. */
  verification?: Maybe<Scalars['String']['output']>;
};

/** The provider's lifecycle word mapped to one scale; `providerStatus` keeps the original. */
export type CustomerStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'BLOCKED'
  | 'DELETED'
  | 'INACTIVE'
  | 'PENDING';

/** Who a delete, archive, unarchive or sync is for. By `externalId` alone, destructive writes need `allProviders: true`. */
export type CustomerTargetInput = {
  /** With `externalId` and no `provider`: every provider that holds the person. */
  allProviders?: InputMaybe<Scalars['Boolean']['input']>;
  /** deleteCustomer only: also anonymize personal data, where the provider can. */
  anonymize?: InputMaybe<Scalars['Boolean']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Makes a retry safe: the same key with the same input returns the first result and never writes twice (kept 24 h). Sent to providers that honour Idempotency-Key. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  provider?: InputMaybe<Provider>;
};

/** The customer(s) deleted; `customer` is the tombstone where the provider returns one. */
export type DeleteCustomerPayload = {
  __typename?: 'DeleteCustomerPayload';
  /** The first customer written (the only one for a single-provider write). */
  customer?: Maybe<Customer>;
  customers: Array<Customer>;
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** Every provider the write reached or tried to, success or failure. */
  outcomes: Array<WriteOutcome>;
  /** True when this is the stored result of an earlier call with the same idempotencyKey. */
  replayed: Scalars['Boolean']['output'];
};

export type DeleteCustomerResult = ConflictError | DeleteCustomerPayload | NotFoundError | ProviderError | StateUnavailableError | UnsupportedOperationError | ValidationError;

/** Access to one feature (or a credit balance), as one provider grants it. */
export type Entitlement = {
  __typename?: 'Entitlement';
  currentUsage?: Maybe<Scalars['Float']['output']>;
  denialReason?: Maybe<Scalars['String']['output']>;
  /** Allowed values of an ENUM entitlement; empty otherwise. */
  enumValues: Array<Scalars['String']['output']>;
  featureId: Scalars['String']['output'];
  hasAccess: Scalars['Boolean']['output'];
  kind: EntitlementKind;
  name?: Maybe<Scalars['String']['output']>;
  resetPeriod?: Maybe<Scalars['String']['output']>;
  resetsAt?: Maybe<Scalars['DateTime']['output']>;
  source: Provider;
  unlimited: Scalars['Boolean']['output'];
  usageLimit?: Maybe<Scalars['Float']['output']>;
  validUntil?: Maybe<Scalars['DateTime']['output']>;
};

export type EntitlementCheck = {
  __typename?: 'EntitlementCheck';
  currentUsage?: Maybe<Scalars['Float']['output']>;
  denialReason?: Maybe<Scalars['String']['output']>;
  entitlement?: Maybe<Entitlement>;
  featureId: Scalars['String']['output'];
  hasAccess: Scalars['Boolean']['output'];
  requestedUsage?: Maybe<Scalars['Float']['output']>;
  source: Provider;
  usageLimit?: Maybe<Scalars['Float']['output']>;
};

export type EntitlementKind =
  | 'BOOLEAN'
  | 'CREDIT'
  | 'ENUM'
  | 'NUMERIC';

export type Error = {
  /** Stable, machine-readable. */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type Meter = {
  __typename?: 'Meter';
  balance: Scalars['Float']['output'];
  consumedUnits: Scalars['Float']['output'];
  creditedUnits: Scalars['Float']['output'];
  id: Scalars['String']['output'];
  meterId: Scalars['String']['output'];
  name?: Maybe<Scalars['String']['output']>;
};

export type Money = {
  __typename?: 'Money';
  /** A decimal string, exactly as the provider reports it. */
  amount: Scalars['String']['output'];
  currency?: Maybe<Scalars['Currency']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Archives a customer where the provider has archiving. */
  archiveCustomer: ArchiveCustomerResult;
  /** Creates a customer at `input.provider`. The external ID is stored where that provider keeps it. */
  createCustomer: CreateCustomerResult;
  /** Deletes where the provider can (Stigg: archive instead; Synctera: a status update). Across providers only with allProviders: true. */
  deleteCustomer: DeleteCustomerResult;
  /** Syncs the customer's payment methods from the payment gateway, where the provider can. */
  syncPaymentMethods: SyncPaymentMethodsResult;
  /** Brings an archived customer back. */
  unarchiveCustomer: UnarchiveCustomerResult;
  /** Changes only the fields given. Metadata is a patch: a key set to null is removed, keys not named are kept. */
  updateCustomer: UpdateCustomerResult;
};


export type MutationArchiveCustomerArgs = {
  input: CustomerTargetInput;
};


export type MutationCreateCustomerArgs = {
  input: CreateCustomerInput;
};


export type MutationDeleteCustomerArgs = {
  input: CustomerTargetInput;
};


export type MutationSyncPaymentMethodsArgs = {
  input: CustomerTargetInput;
};


export type MutationUnarchiveCustomerArgs = {
  input: CustomerTargetInput;
};


export type MutationUpdateCustomerArgs = {
  input: UpdateCustomerInput;
};

export type Node = {
  id: Scalars['ID']['output'];
};

export type NotFoundError = Error & {
  __typename?: 'NotFoundError';
  /** Stable, machine-readable. */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  provider?: Maybe<Provider>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  /** True when this page was asked for with `after`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PaymentMethod = {
  __typename?: 'PaymentMethod';
  brand?: Maybe<Scalars['String']['output']>;
  expirationMonth?: Maybe<Scalars['Int']['output']>;
  expirationYear?: Maybe<Scalars['Int']['output']>;
  id: Scalars['String']['output'];
  isDefault: Scalars['Boolean']['output'];
  last4?: Maybe<Scalars['String']['output']>;
  type: Scalars['String']['output'];
};

/** A customer provider behind the gateway. Its lower-case name is the global ID prefix. */
export type Provider =
  /** Omise */
  | 'OMISE'
  /** Orb */
  | 'ORB'
  /** Polar */
  | 'POLAR'
  /** Stigg */
  | 'STIGG'
  /** Synctera */
  | 'SYNCTERA';

export type ProviderCapabilities = {
  __typename?: 'ProviderCapabilities';
  /** Customers one call can fetch by id. */
  batchSize: Scalars['Int']['output'];
  entitlementCheck: Scalars['String']['output'];
  entitlements: Scalars['String']['output'];
  /** native, customer-id or index (the gateway keeps an index). */
  externalIdLookup: Scalars['String']['output'];
  /** The provider honours Idempotency-Key. */
  idempotency: Scalars['Boolean']['output'];
  listFilters: Array<Scalars['String']['output']>;
  maxPageSize: Scalars['Int']['output'];
  operations: Array<Scalars['String']['output']>;
  state: Scalars['Boolean']['output'];
  totalCount: Scalars['Boolean']['output'];
};

/** The provider failed the write. When `outcomeUnknown`, it may have happened: retry only with `idempotencyKey`. */
export type ProviderError = Error & {
  __typename?: 'ProviderError';
  /** Stable, machine-readable. */
  code: Scalars['String']['output'];
  /** The key to retry with. */
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  outcomeUnknown: Scalars['Boolean']['output'];
  provider: Provider;
  retryable: Scalars['Boolean']['output'];
  status?: Maybe<Scalars['Int']['output']>;
};

/** The provider's circuit breaker and recent latency, as the gateway sees them from its own calls. */
export type ProviderHealth = {
  __typename?: 'ProviderHealth';
  /** Median of recent successful reads; null before the first. */
  latencyMs?: Maybe<Scalars['Float']['output']>;
  /** The failure that opened the breaker, while it is not closed. */
  message?: Maybe<Scalars['String']['output']>;
  /** The breaker is closed: calls go through. */
  ok: Scalars['Boolean']['output'];
  /** When the breaker last changed state (or the gateway started). */
  since: Scalars['DateTime']['output'];
  state: BreakerState;
};

export type ProviderInfo = {
  __typename?: 'ProviderInfo';
  /** Where the gateway reaches the provider; null in production, where it is not published. */
  baseUrl?: Maybe<Scalars['String']['output']>;
  capabilities: ProviderCapabilities;
  displayName: Scalars['String']['output'];
  /** From the provider's circuit breaker: answers at once, without calling the provider. */
  health: ProviderHealth;
  mode: ProviderMode;
  name: Provider;
};

export type ProviderMode =
  /** The provider's real API. */
  | 'LIVE'
  /** The embedded sandbox. */
  | 'SANDBOX';

export type Query = {
  __typename?: 'Query';
  /** The schema with its schema-stitching directives, for a stitching gateway to configure itself. */
  _sdl: Scalars['String']['output'];
  /** Can this customer use this feature (for this much, or these values)? Give `customerId`, or `externalId` (with `provider`, or the first provider with entitlements that holds the person: those with a check endpoint first). */
  checkEntitlement: EntitlementCheck;
  /** One customer by global ID; null when that provider holds nobody under the id. */
  customer?: Maybe<Customer>;
  /** One customer by your own external ID at one provider (looked up natively at Orb and Polar, through the identity index at Omise and Synctera); null when that provider holds nobody under it. */
  customerByExternalId?: Maybe<Customer>;
  /** Customers newest first. With `provider`, that provider through its own pagination; without, all providers merged under one cursor. A provider that fails is reported in `errors` and its customers resume on the next page. */
  customers: CustomerConnection;
  /** For each external ID, the first provider (in provider order) holding the person; null when none. For schema stitching. */
  customersByExternalIds: Array<Maybe<Customer>>;
  /** Customers for global IDs, in order; null (with an error) for an unknown or malformed one. For schema stitching. */
  customersByIds: Array<Maybe<Customer>>;
  /** Any object by global ID (Relay); today every node is a Customer. Null when nobody is there. */
  node?: Maybe<Node>;
  /** Many nodes at once, in the order asked; an unknown or malformed ID gives null and an error for that entry. */
  nodes: Array<Maybe<Node>>;
  /** The person behind an external ID at every provider; null when no provider holds them. */
  profile?: Maybe<CustomerProfile>;
  /** The providers behind the gateway: how each runs (sandbox or live) and what it can do. */
  providers: Array<ProviderInfo>;
};


export type QueryCheckEntitlementArgs = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  featureId: Scalars['String']['input'];
  provider?: InputMaybe<Provider>;
  requestedUsage?: InputMaybe<Scalars['Float']['input']>;
  requestedValues?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerByExternalIdArgs = {
  externalId: Scalars['String']['input'];
  provider: Provider;
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  provider?: InputMaybe<Provider>;
};


export type QueryCustomersByExternalIdsArgs = {
  externalIds: Array<Scalars['String']['input']>;
};


export type QueryCustomersByIdsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryProfileArgs = {
  externalId: Scalars['String']['input'];
};

/** The shared state store (Redis) is unreachable, so a write with an idempotencyKey was refused: nothing was written. Retry with the same key. */
export type StateUnavailableError = Error & {
  __typename?: 'StateUnavailableError';
  /** Stable, machine-readable. */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  retryable: Scalars['Boolean']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Changes to a customer as they happen: by `externalId` (the person at every provider), by `id` (one customer), or both (both must match). Needs the `customers:read` scope. */
  customerChanged: CustomerChange;
};


export type SubscriptionCustomerChangedArgs = {
  externalId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};

/** The customer(s) after their payment methods were synced from the gateway. */
export type SyncPaymentMethodsPayload = {
  __typename?: 'SyncPaymentMethodsPayload';
  /** The first customer written (the only one for a single-provider write). */
  customer?: Maybe<Customer>;
  customers: Array<Customer>;
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** Every provider the write reached or tried to, success or failure. */
  outcomes: Array<WriteOutcome>;
  /** True when this is the stored result of an earlier call with the same idempotencyKey. */
  replayed: Scalars['Boolean']['output'];
};

export type SyncPaymentMethodsResult = ConflictError | NotFoundError | ProviderError | StateUnavailableError | SyncPaymentMethodsPayload | UnsupportedOperationError | ValidationError;

/** The customer(s) unarchived. */
export type UnarchiveCustomerPayload = {
  __typename?: 'UnarchiveCustomerPayload';
  /** The first customer written (the only one for a single-provider write). */
  customer?: Maybe<Customer>;
  customers: Array<Customer>;
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** Every provider the write reached or tried to, success or failure. */
  outcomes: Array<WriteOutcome>;
  /** True when this is the stored result of an earlier call with the same idempotencyKey. */
  replayed: Scalars['Boolean']['output'];
};

export type UnarchiveCustomerResult = ConflictError | NotFoundError | ProviderError | StateUnavailableError | UnarchiveCustomerPayload | UnsupportedOperationError | ValidationError;

export type UnsupportedOperationError = Error & {
  __typename?: 'UnsupportedOperationError';
  /** What to do instead at this provider. */
  alternative?: Maybe<Scalars['String']['output']>;
  /** Stable, machine-readable. */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  operation: Scalars['String']['output'];
  provider: Provider;
};

/** The target (`id`; or `externalId` with `provider`; or `externalId` alone: every provider that holds the person) and the fields to change, side by side. Only given fields change. */
export type UpdateCustomerInput = {
  billingAddress?: InputMaybe<AddressInput>;
  currency?: InputMaybe<Scalars['Currency']['input']>;
  email?: InputMaybe<Scalars['EmailAddress']['input']>;
  /** Who to update (the target), not a new value: see `newExternalId`. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Makes a retry safe: the same key with the same input returns the first result and never writes twice (kept 24 h). Sent to providers that honour Idempotency-Key. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** A patch: each key given a value is written, each key given null is removed, keys not named are kept. (On create, the whole map.) */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Sets the external ID where the provider allows it (often only while none is set). */
  newExternalId?: InputMaybe<Scalars['String']['input']>;
  provider?: InputMaybe<Provider>;
  providerFields?: InputMaybe<Scalars['JSONObject']['input']>;
  timezone?: InputMaybe<Scalars['TimeZone']['input']>;
};

/** The customer(s) updated; by external ID alone, one outcome per provider holding the person. */
export type UpdateCustomerPayload = {
  __typename?: 'UpdateCustomerPayload';
  /** The first customer written (the only one for a single-provider write). */
  customer?: Maybe<Customer>;
  customers: Array<Customer>;
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** Every provider the write reached or tried to, success or failure. */
  outcomes: Array<WriteOutcome>;
  /** True when this is the stored result of an earlier call with the same idempotencyKey. */
  replayed: Scalars['Boolean']['output'];
};

export type UpdateCustomerResult = ConflictError | NotFoundError | ProviderError | StateUnavailableError | UnsupportedOperationError | UpdateCustomerPayload | ValidationError;

/** The input cannot be written; nothing was written anywhere. */
export type ValidationError = Error & {
  __typename?: 'ValidationError';
  /** Stable, machine-readable. */
  code: Scalars['String']['output'];
  /** The input field at fault, e.g. "timezone" or "providerFields.tax_id". */
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  provider?: Maybe<Provider>;
};

/** One provider's result in a write that reached one or more providers. */
export type WriteOutcome = {
  __typename?: 'WriteOutcome';
  /** The customer as it is now; null after a delete or on failure. */
  customer?: Maybe<Customer>;
  error?: Maybe<Error>;
  ok: Scalars['Boolean']['output'];
  provider: Provider;
};

export type CustomerFieldsFragment = { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, providerStatus?: string | null, createdAt?: string | null, updatedAt?: string | null, currency?: string | null, timezone?: string | null, metadata: Record<string, unknown>, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null };

export type CustomerByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CustomerByIdQuery = { __typename?: 'Query', customer?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, providerStatus?: string | null, createdAt?: string | null, updatedAt?: string | null, currency?: string | null, timezone?: string | null, metadata: Record<string, unknown>, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null };

export type CustomerByExternalIdQueryVariables = Exact<{
  externalId: Scalars['String']['input'];
  provider: Provider;
}>;


export type CustomerByExternalIdQuery = { __typename?: 'Query', customerByExternalId?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, providerStatus?: string | null, createdAt?: string | null, updatedAt?: string | null, currency?: string | null, timezone?: string | null, metadata: Record<string, unknown>, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null };

export type NodeByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeByIdQuery = { __typename?: 'Query', node?: { __typename?: 'Customer', provider: Provider, providerId: string, name?: string | null, id: string } | null };

export type NodesByIdsQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type NodesByIdsQuery = { __typename?: 'Query', nodes: Array<{ __typename?: 'Customer', provider: Provider, providerId: string, externalId?: string | null, id: string } | null> };

export type CustomersPageQueryVariables = Exact<{
  provider?: InputMaybe<Provider>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
}>;


export type CustomersPageQuery = { __typename?: 'Query', customers: { __typename?: 'CustomerConnection', totalCount?: number | null, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ __typename?: 'CustomerEdge', cursor: string, node: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, createdAt?: string | null } }> } };

export type CustomersWithStateQueryVariables = Exact<{
  provider?: InputMaybe<Provider>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CustomersWithStateQuery = { __typename?: 'Query', customers: { __typename?: 'CustomerConnection', nodes: Array<{ __typename?: 'Customer', id: string, state?: { __typename?: 'CustomerState', verification?: string | null, accessDeniedReason?: string | null, subscriptions: Array<{ __typename?: 'BillingSubscription', id: string, status: string }>, entitlements: Array<{ __typename?: 'Entitlement', featureId: string, kind: EntitlementKind, hasAccess: boolean, source: Provider }>, meters: Array<{ __typename?: 'Meter', meterId: string, balance: number }>, balance?: { __typename?: 'Money', amount: string, currency?: string | null } | null, paymentMethods: Array<{ __typename?: 'PaymentMethod', id: string, brand?: string | null, last4?: string | null, isDefault: boolean }> } | null, entitlements?: Array<{ __typename?: 'Entitlement', featureId: string, kind: EntitlementKind, hasAccess: boolean, currentUsage?: number | null, usageLimit?: number | null, unlimited: boolean, source: Provider }> | null }> } };

export type CustomersThenNodesQueryVariables = Exact<{
  provider?: InputMaybe<Provider>;
  first?: InputMaybe<Scalars['Int']['input']>;
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type CustomersThenNodesQuery = { __typename?: 'Query', customers: { __typename?: 'CustomerConnection', nodes: Array<{ __typename?: 'Customer', id: string, name?: string | null }> }, nodes: Array<{ __typename?: 'Customer', name?: string | null, id: string } | null> };

export type ProfileQueryVariables = Exact<{
  externalId: Scalars['String']['input'];
}>;


export type ProfileQuery = { __typename?: 'Query', profile?: { __typename?: 'CustomerProfile', externalId: string, email?: string | null, name?: string | null, missingFrom: Array<Provider>, unavailableFrom: Array<Provider>, customers: Array<{ __typename?: 'Customer', id: string, provider: Provider, externalId?: string | null }>, entitlements: Array<{ __typename?: 'Entitlement', featureId: string, kind: EntitlementKind, hasAccess: boolean, source: Provider }> } | null };

export type CheckEntitlementQueryVariables = Exact<{
  customerId?: InputMaybe<Scalars['ID']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  provider?: InputMaybe<Provider>;
  featureId: Scalars['String']['input'];
  requestedUsage?: InputMaybe<Scalars['Float']['input']>;
  requestedValues?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type CheckEntitlementQuery = { __typename?: 'Query', checkEntitlement: { __typename?: 'EntitlementCheck', featureId: string, hasAccess: boolean, denialReason?: string | null, requestedUsage?: number | null, currentUsage?: number | null, usageLimit?: number | null, source: Provider, entitlement?: { __typename?: 'Entitlement', featureId: string, kind: EntitlementKind } | null } };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { __typename?: 'Query', providers: Array<{ __typename?: 'ProviderInfo', name: Provider, displayName: string, mode: ProviderMode, capabilities: { __typename?: 'ProviderCapabilities', batchSize: number, externalIdLookup: string, listFilters: Array<string>, totalCount: boolean, entitlements: string, entitlementCheck: string, operations: Array<string>, idempotency: boolean } }> };

export type WrittenCustomerFragment = { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, metadata: Record<string, unknown>, currency?: string | null, timezone?: string | null, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null };

type ErrorFields_ConflictError_Fragment = { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null };

type ErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null };

type ErrorFields_ProviderError_Fragment = { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider };

type ErrorFields_StateUnavailableError_Fragment = { __typename: 'StateUnavailableError', message: string, code: string };

type ErrorFields_UnsupportedOperationError_Fragment = { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider };

type ErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null };

export type ErrorFieldsFragment =
  | ErrorFields_ConflictError_Fragment
  | ErrorFields_NotFoundError_Fragment
  | ErrorFields_ProviderError_Fragment
  | ErrorFields_StateUnavailableError_Fragment
  | ErrorFields_UnsupportedOperationError_Fragment
  | ErrorFields_ValidationError_Fragment
;

export type OutcomeFieldsFragment = { __typename?: 'WriteOutcome', provider: Provider, ok: boolean, customer?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, metadata: Record<string, unknown>, currency?: string | null, timezone?: string | null, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null, error?:
    | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
    | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
    | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
    | { __typename: 'StateUnavailableError', message: string, code: string }
    | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
    | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
   | null };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { __typename?: 'Mutation', createCustomer:
    | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
    | { __typename: 'CreateCustomerPayload', replayed: boolean, idempotencyKey?: string | null, customer?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, metadata: Record<string, unknown>, currency?: string | null, timezone?: string | null, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null }
    | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
    | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
    | { __typename: 'StateUnavailableError', message: string, code: string }
    | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
    | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
   };

export type UpdateCustomerMutationVariables = Exact<{
  input: UpdateCustomerInput;
}>;


export type UpdateCustomerMutation = { __typename?: 'Mutation', updateCustomer:
    | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
    | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
    | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
    | { __typename: 'StateUnavailableError', message: string, code: string }
    | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
    | { __typename: 'UpdateCustomerPayload', replayed: boolean, customer?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, metadata: Record<string, unknown>, currency?: string | null, timezone?: string | null, profile?: { __typename?: 'CustomerProfile', customers: Array<{ __typename?: 'Customer', id: string, name?: string | null }> } | null, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null, outcomes: Array<{ __typename?: 'WriteOutcome', provider: Provider, ok: boolean, customer?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, metadata: Record<string, unknown>, currency?: string | null, timezone?: string | null, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null, error?:
          | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
          | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
          | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
          | { __typename: 'StateUnavailableError', message: string, code: string }
          | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
          | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
         | null }> }
    | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
   };

export type DeleteCustomerMutationVariables = Exact<{
  input: CustomerTargetInput;
}>;


export type DeleteCustomerMutation = { __typename?: 'Mutation', deleteCustomer:
    | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
    | { __typename: 'DeleteCustomerPayload', customer?: { __typename?: 'Customer', id: string, status: CustomerStatus } | null, outcomes: Array<{ __typename?: 'WriteOutcome', provider: Provider, ok: boolean, customer?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, metadata: Record<string, unknown>, currency?: string | null, timezone?: string | null, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null, error?:
          | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
          | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
          | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
          | { __typename: 'StateUnavailableError', message: string, code: string }
          | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
          | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
         | null }> }
    | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
    | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
    | { __typename: 'StateUnavailableError', message: string, code: string }
    | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
    | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
   };

export type ArchiveCustomerMutationVariables = Exact<{
  input: CustomerTargetInput;
}>;


export type ArchiveCustomerMutation = { __typename?: 'Mutation', archiveCustomer:
    | { __typename: 'ArchiveCustomerPayload', customer?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, metadata: Record<string, unknown>, currency?: string | null, timezone?: string | null, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null, outcomes: Array<{ __typename?: 'WriteOutcome', provider: Provider, ok: boolean, customer?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, metadata: Record<string, unknown>, currency?: string | null, timezone?: string | null, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null, error?:
          | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
          | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
          | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
          | { __typename: 'StateUnavailableError', message: string, code: string }
          | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
          | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
         | null }> }
    | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
    | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
    | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
    | { __typename: 'StateUnavailableError', message: string, code: string }
    | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
    | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
   };

export type UnarchiveCustomerMutationVariables = Exact<{
  input: CustomerTargetInput;
}>;


export type UnarchiveCustomerMutation = { __typename?: 'Mutation', unarchiveCustomer:
    | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
    | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
    | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
    | { __typename: 'StateUnavailableError', message: string, code: string }
    | { __typename: 'UnarchiveCustomerPayload', customer?: { __typename?: 'Customer', id: string, provider: Provider, providerId: string, externalId?: string | null, email?: string | null, name?: string | null, status: CustomerStatus, metadata: Record<string, unknown>, currency?: string | null, timezone?: string | null, billingAddress?: { __typename?: 'Address', line1?: string | null, city?: string | null, country?: string | null } | null } | null }
    | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
    | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
   };

export type SyncPaymentMethodsMutationVariables = Exact<{
  input: CustomerTargetInput;
}>;


export type SyncPaymentMethodsMutation = { __typename?: 'Mutation', syncPaymentMethods:
    | { __typename: 'ConflictError', message: string, code: string, conflictAt?: Provider | null }
    | { __typename: 'NotFoundError', message: string, code: string, missingAt?: Provider | null }
    | { __typename: 'ProviderError', status?: number | null, retryable: boolean, outcomeUnknown: boolean, idempotencyKey?: string | null, message: string, code: string, failedAt: Provider }
    | { __typename: 'StateUnavailableError', message: string, code: string }
    | { __typename: 'SyncPaymentMethodsPayload', customer?: { __typename?: 'Customer', id: string, state?: { __typename?: 'CustomerState', paymentMethods: Array<{ __typename?: 'PaymentMethod', id: string }> } | null } | null, outcomes: Array<{ __typename?: 'WriteOutcome', provider: Provider, ok: boolean }> }
    | { __typename: 'UnsupportedOperationError', operation: string, alternative?: string | null, message: string, code: string, unsupportedAt: Provider }
    | { __typename: 'ValidationError', field?: string | null, message: string, code: string, invalidAt?: Provider | null }
   };

export const CustomerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<CustomerFieldsFragment, unknown>;
export const WrittenCustomerFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WrittenCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<WrittenCustomerFragment, unknown>;
export const ErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","alias":{"kind":"Name","value":"invalidAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedOperationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unsupportedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"alternative"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"failedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"missingAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"conflictAt"},"name":{"kind":"Name","value":"provider"}}]}}]}}]} as unknown as DocumentNode<ErrorFieldsFragment, unknown>;
export const OutcomeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WriteOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WrittenCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WrittenCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","alias":{"kind":"Name","value":"invalidAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedOperationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unsupportedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"alternative"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"failedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"missingAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"conflictAt"},"name":{"kind":"Name","value":"provider"}}]}}]}}]} as unknown as DocumentNode<OutcomeFieldsFragment, unknown>;
export const CustomerByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<CustomerByIdQuery, CustomerByIdQueryVariables>;
export const CustomerByExternalIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerByExternalId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerByExternalId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<CustomerByExternalIdQuery, CustomerByExternalIdQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const NodesByIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodesByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<NodesByIdsQuery, NodesByIdsQueryVariables>;
export const CustomersPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomersPageQuery, CustomersPageQueryVariables>;
export const CustomersWithStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersWithState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"hasAccess"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meterId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"last4"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"accessDeniedReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"hasAccess"}},{"kind":"Field","name":{"kind":"Name","value":"currentUsage"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimit"}},{"kind":"Field","name":{"kind":"Name","value":"unlimited"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomersWithStateQuery, CustomersWithStateQueryVariables>;
export const CustomersThenNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersThenNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CustomersThenNodesQuery, CustomersThenNodesQueryVariables>;
export const ProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Profile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"missingFrom"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableFrom"}},{"kind":"Field","name":{"kind":"Name","value":"customers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"hasAccess"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]} as unknown as DocumentNode<ProfileQuery, ProfileQueryVariables>;
export const CheckEntitlementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckEntitlement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"featureId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestedUsage"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestedValues"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkEntitlement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"featureId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"featureId"}}},{"kind":"Argument","name":{"kind":"Name","value":"requestedUsage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestedUsage"}}},{"kind":"Argument","name":{"kind":"Name","value":"requestedValues"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestedValues"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureId"}},{"kind":"Field","name":{"kind":"Name","value":"hasAccess"}},{"kind":"Field","name":{"kind":"Name","value":"denialReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedUsage"}},{"kind":"Field","name":{"kind":"Name","value":"currentUsage"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimit"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"entitlement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<CheckEntitlementQuery, CheckEntitlementQueryVariables>;
export const ProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"externalIdLookup"}},{"kind":"Field","name":{"kind":"Name","value":"listFilters"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"entitlements"}},{"kind":"Field","name":{"kind":"Name","value":"entitlementCheck"}},{"kind":"Field","name":{"kind":"Name","value":"operations"}},{"kind":"Field","name":{"kind":"Name","value":"idempotency"}}]}}]}}]}}]} as unknown as DocumentNode<ProvidersQuery, ProvidersQueryVariables>;
export const CreateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WrittenCustomer"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","alias":{"kind":"Name","value":"invalidAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedOperationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unsupportedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"alternative"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"failedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"missingAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"conflictAt"},"name":{"kind":"Name","value":"provider"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WrittenCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const UpdateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCustomerPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WrittenCustomer"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutcomeFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WrittenCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","alias":{"kind":"Name","value":"invalidAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedOperationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unsupportedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"alternative"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"failedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"missingAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"conflictAt"},"name":{"kind":"Name","value":"provider"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WriteOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WrittenCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}}]} as unknown as DocumentNode<UpdateCustomerMutation, UpdateCustomerMutationVariables>;
export const DeleteCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerTargetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteCustomerPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutcomeFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WrittenCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","alias":{"kind":"Name","value":"invalidAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedOperationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unsupportedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"alternative"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"failedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"missingAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"conflictAt"},"name":{"kind":"Name","value":"provider"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WriteOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WrittenCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}}]} as unknown as DocumentNode<DeleteCustomerMutation, DeleteCustomerMutationVariables>;
export const ArchiveCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerTargetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveCustomerPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WrittenCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutcomeFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WrittenCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","alias":{"kind":"Name","value":"invalidAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedOperationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unsupportedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"alternative"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"failedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"missingAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"conflictAt"},"name":{"kind":"Name","value":"provider"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WriteOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WrittenCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}}]} as unknown as DocumentNode<ArchiveCustomerMutation, ArchiveCustomerMutationVariables>;
export const UnarchiveCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnarchiveCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerTargetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unarchiveCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnarchiveCustomerPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WrittenCustomer"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","alias":{"kind":"Name","value":"invalidAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedOperationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unsupportedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"alternative"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"failedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"missingAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"conflictAt"},"name":{"kind":"Name","value":"provider"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WrittenCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<UnarchiveCustomerMutation, UnarchiveCustomerMutationVariables>;
export const SyncPaymentMethodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncPaymentMethods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerTargetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncPaymentMethods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncPaymentMethodsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","alias":{"kind":"Name","value":"invalidAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnsupportedOperationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"unsupportedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"alternative"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"failedAt"},"name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"missingAt"},"name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"conflictAt"},"name":{"kind":"Name","value":"provider"}}]}}]}}]} as unknown as DocumentNode<SyncPaymentMethodsMutation, SyncPaymentMethodsMutationVariables>;