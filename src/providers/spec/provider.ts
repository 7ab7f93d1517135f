/**
 * The narrow interface every provider adapter implements, and the domain types the graph is built on.
 * Nothing here knows a provider's name or payload shape: those live in `src/providers/<name>/`.
 */

export type JsonObject = Record<string, unknown>;

/** Mapped from each provider's own lifecycle word; never guessed (see DESIGN §3, field mapping). */
export type CustomerStatus = 'ACTIVE' | 'ARCHIVED' | 'DELETED' | 'INACTIVE' | 'PENDING' | 'BLOCKED';

export type EntitlementKind = 'BOOLEAN' | 'NUMERIC' | 'ENUM' | 'CREDIT';

export interface Address {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
}

export interface Money {
  /** Decimal string, as providers send it, so no precision is lost. */
  amount: string;
  currency: string | null;
}

export interface Subscription {
  id: string;
  status: string;
  productId: string | null;
  /** Smallest currency unit (cents), as the provider reports it. */
  amount: number | null;
  currency: string | null;
  interval: string | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  startedAt: Date | null;
}

export interface Meter {
  id: string;
  meterId: string;
  name: string | null;
  consumedUnits: number;
  creditedUnits: number;
  balance: number;
}

export interface PaymentMethod {
  id: string;
  type: string;
  brand: string | null;
  last4: string | null;
  expirationMonth: number | null;
  expirationYear: number | null;
  isDefault: boolean;
}

export interface Entitlement {
  featureId: string;
  name: string | null;
  kind: EntitlementKind;
  hasAccess: boolean;
  usageLimit: number | null;
  currentUsage: number | null;
  unlimited: boolean;
  resetPeriod: string | null;
  resetsAt: Date | null;
  validUntil: Date | null;
  denialReason: string | null;
  /** The allowed values of an ENUM entitlement; empty for other kinds. */
  enumValues: string[];
  /** The provider name the entitlement came from. */
  source: string;
}

export interface EntitlementCheck {
  featureId: string;
  hasAccess: boolean;
  denialReason: string | null;
  requestedUsage: number | null;
  currentUsage: number | null;
  usageLimit: number | null;
  source: string;
  entitlement: Entitlement | null;
}

export interface EntitlementCheckRequest {
  featureId: string;
  requestedUsage?: number | null;
  requestedValues?: readonly string[] | null;
}

/** What a customer has right now. Each provider fills what it knows; the rest stays empty. */
export interface CustomerState {
  subscriptions: Subscription[];
  entitlements: Entitlement[];
  meters: Meter[];
  balance: Money | null;
  paymentMethods: PaymentMethod[];
  verification: string | null;
  accessDeniedReason: string | null;
}

export interface Customer {
  /** The provider name, which is also the global ID prefix. */
  provider: string;
  providerId: string;
  externalId: string | null;
  email: string | null;
  name: string | null;
  status: CustomerStatus;
  /** The provider's own lifecycle word, e.g. "FROZEN". */
  providerStatus: string | null;
  /** Null only for a deleted customer whose provider answers with a tombstone (`{id, deleted: true}`). */
  createdAt: Date | null;
  updatedAt: Date | null;
  currency: string | null;
  timezone: string | null;
  metadata: JsonObject;
  billingAddress: Address | null;
  /** The provider payload, untouched. */
  raw: JsonObject;
  /** State that arrived inside the customer payload (a balance, cards, a KYC status): it costs no extra call. */
  embeddedState: Partial<CustomerState> | null;
  /** When the gateway read this from the provider (set by the read cache; a cached copy keeps its own). */
  fetchedAt?: Date;
}

export type CustomerFilterField = 'email' | 'createdAfter' | 'createdBefore' | 'search';

export interface CustomerFilter {
  email?: string | null;
  /** Inclusive: created at or after. */
  createdAfter?: Date | null;
  /** Exclusive: created strictly before, so adjacent windows never share a customer. */
  createdBefore?: Date | null;
  search?: string | null;
}

export interface ListRequest {
  /** Page size wanted; the adapter clamps to the provider's maximum. */
  limit: number;
  /** The provider's own cursor (or page number / offset, as a string) from a previous page; null for the first page. */
  cursor: string | null;
  filter: CustomerFilter;
}

export interface ListPage {
  /** Newest first, always: the merged list across providers depends on it. */
  customers: Customer[];
  /** The provider-native position of the next page; null at the end. */
  nextCursor: string | null;
  /** Total matching customers when the provider reports it. */
  totalCount: number | null;
}

export type CustomerOperation =
  | 'create'
  | 'update'
  | 'updateByExternalId'
  | 'delete'
  | 'deleteByExternalId'
  | 'archive'
  | 'unarchive'
  | 'syncPaymentMethods';

export type WritableField = 'email' | 'name' | 'externalId' | 'metadata' | 'currency' | 'timezone' | 'billingAddress';

export interface ProviderCapabilities {
  /** Ids one call can fetch; 1 when the API fetches one customer at a time. */
  batchSize: number;
  /** How an external ID is found: a native endpoint, the customer id itself, or the gateway's identity index. */
  externalIdLookup: 'native' | 'customer-id' | 'index';
  listFilters: readonly CustomerFilterField[];
  /** Largest page the list endpoint returns. */
  maxPageSize: number;
  totalCount: boolean;
  /** A state endpoint exists (one call returns subscriptions, entitlements and meters). */
  state: boolean;
  entitlements: 'endpoint' | 'state' | 'none';
  /** `endpoint`: the provider checks; `derived`: the gateway decides from the provider's entitlements. */
  entitlementCheck: 'endpoint' | 'derived' | 'none';
  operations: readonly CustomerOperation[];
  /** Unified fields the provider can store, per write; anything else is a validation error before any write. */
  writableFields: { create: readonly WritableField[]; update: readonly WritableField[] };
  requiredOnCreate: readonly WritableField[];
  /** Provider-specific body fields accepted through `providerFields`, per write. */
  providerFields: { create: readonly string[]; update: readonly string[] };
  /** Honours `Idempotency-Key` on writes. */
  idempotency: boolean;
  /** Longest idempotency key the provider takes (Orb: 64); a longer one is refused before any call. */
  maxIdempotencyKeyLength?: number;
  /** What the provider demands of a write's fields beyond being storable; checked for every target before the first write. */
  inputRules?: readonly InputRule[];
  /** Delete can anonymize the customer's personal data (GDPR) instead of only removing the record. */
  anonymizeOnDelete?: boolean;
  /** Where this provider's alternatives lie for operations it lacks, e.g. `{ delete: 'archiveCustomer' }`. */
  alternatives: Partial<Record<CustomerOperation, string>>;
}

/** One thing a provider demands of a field it stores, e.g. Synctera's first and last name, Orb's 500-character name. */
export interface InputRule {
  field: WritableField;
  /** The writes the rule applies to. */
  writes: readonly ('create' | 'update')[];
  /** Why the value is refused, in words, or null when it passes. Called only for values given and not null. */
  problem(value: unknown): string | null;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface WriteOptions extends CallOptions {
  idempotencyKey?: string;
  /** The customer as the gateway last read it, for adapters that must read-merge-write (metadata). */
  current?: Customer;
}

export type CustomerTarget = { kind: 'id'; id: string } | { kind: 'externalId'; externalId: string };

/** Fields to write. `undefined` means "not given, leave alone"; `null` means "clear" where the provider allows it. */
export interface CustomerChanges {
  email?: string | null;
  name?: string | null;
  externalId?: string | null;
  /** A patch: each key set to a value is written, each key set to null is removed, keys not named are kept. */
  metadata?: JsonObject | null;
  currency?: string | null;
  timezone?: string | null;
  billingAddress?: Address | null;
  /** Provider-specific body fields, checked against `capabilities.providerFields` before anything is written. */
  providerFields?: JsonObject;
}

export interface CustomerProvider {
  /** Lower-case name; also the global ID prefix, e.g. "orb". */
  readonly name: string;
  /** How people write it, e.g. "Orb". */
  readonly displayName: string;
  readonly capabilities: ProviderCapabilities;
  /** A native id shape that identifies this provider on its own (Omise `cust_…`); absent when shape cannot decide. */
  readonly nativeIdPattern?: RegExp;

  /** One customer, or null when the provider says it does not exist. */
  getCustomer(id: string, options?: CallOptions): Promise<Customer | null>;
  /** Many customers in one call (only when `capabilities.batchSize > 1`); missing ids are simply absent. */
  getCustomers?(ids: readonly string[], options?: CallOptions): Promise<Customer[]>;
  /** Native lookup by external ID (`externalIdLookup` is `native` or `customer-id`). */
  getCustomerByExternalId?(externalId: string, options?: CallOptions): Promise<Customer | null>;
  listCustomers(request: ListRequest, options?: CallOptions): Promise<ListPage>;
  /** Only with `capabilities.state`. May return the customer too, so the caller can prime its cache. */
  getState?(id: string, options?: CallOptions): Promise<{ state: CustomerState; customer: Customer | null }>;
  /** Only with `capabilities.entitlements === 'endpoint'`. */
  getEntitlements?(id: string, options?: CallOptions): Promise<{ entitlements: Entitlement[]; accessDeniedReason: string | null }>;
  /** Only with `capabilities.entitlementCheck === 'endpoint'`. */
  checkEntitlement?(id: string, request: EntitlementCheckRequest, options?: CallOptions): Promise<EntitlementCheck>;

  createCustomer?(changes: CustomerChanges, options?: WriteOptions): Promise<Customer>;
  updateCustomer?(target: CustomerTarget, changes: CustomerChanges, options?: WriteOptions): Promise<Customer>;
  /** Returns the customer as the provider reports it after deletion when it does, else null. */
  deleteCustomer?(target: CustomerTarget, options?: WriteOptions & { anonymize?: boolean }): Promise<Customer | null>;
  archiveCustomer?(id: string, options?: WriteOptions): Promise<Customer>;
  unarchiveCustomer?(id: string, options?: WriteOptions): Promise<Customer>;
  syncPaymentMethods?(target: CustomerTarget, options?: WriteOptions): Promise<void>;
}

/** Settings an adapter receives; adapters never read the environment. */
export interface ProviderSettings {
  baseUrl: string;
  apiKey: string;
}
