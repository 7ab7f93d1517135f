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

/** The writes a provider may have; each is the name of its method in `CustomerWrites`, in the order the graph lists them. */
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

/**
 * What a provider's API allows, as data: the kit's `defineProvider` enforces it on every call, and the graph shows
 * it. What a provider *can do* is not here: that is which methods it has (see `CustomerProvider`).
 */
export interface ProviderLimits {
  listFilters: readonly CustomerFilterField[];
  /** Largest page the list endpoint returns; a larger `limit` is clamped to it. */
  maxPageSize: number;
  /** The page size asked for when a list request carries no usable limit; `maxPageSize` when not given. */
  defaultPageSize?: number;
  totalCount: boolean;
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
  /**
   * Statuses besides 404 with which a single-customer read means "no such customer": an id the provider cannot
   * even parse (Orb, Stigg, Omise, Synctera answer 400; Polar 422 for an id that is not a UUID4).
   */
  absentStatuses?: readonly number[];
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

export interface DeleteOptions extends WriteOptions {
  /** Also anonymize personal data (only where `limits.anonymizeOnDelete`). */
  anonymize?: boolean;
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
  /** Provider-specific body fields, checked against `limits.providerFields` before anything is written. */
  providerFields?: JsonObject;
}

export interface StateResult {
  state: CustomerState;
  /** The customer, when the state payload carries it, so the caller can prime its cache. */
  customer: Customer | null;
}

export interface EntitlementsResult {
  entitlements: Entitlement[];
  accessDeniedReason: string | null;
}

/** How an external ID finds a customer at this provider. */
export type ExternalIdLookup =
  /** A by-external-ID endpoint. */
  | { readonly kind: 'native'; readonly get: (externalId: string, options?: CallOptions) => Promise<Customer | null> }
  /** The customer id is the external ID (Stigg): `customers.get` answers. */
  | { readonly kind: 'customer-id' }
  /** No lookup: the external ID is kept in `metadata[metadataKey]` and the gateway's identity index finds it. */
  | { readonly kind: 'index'; readonly metadataKey: string };

/** A many-ids endpoint: up to `maxIds` customers per call; missing ids are simply absent from the answer. */
export interface BatchRead {
  readonly maxIds: number;
  readonly get: (ids: readonly string[], options?: CallOptions) => Promise<Customer[]>;
}

export interface CustomerReads {
  /** One customer, or null when the provider says it does not exist. */
  readonly get: (id: string, options?: CallOptions) => Promise<Customer | null>;
  readonly batch?: BatchRead;
  readonly byExternalId: ExternalIdLookup;
  readonly list: (request: ListRequest, options?: CallOptions) => Promise<ListPage>;
}

/** A state endpoint: one call returns subscriptions, entitlements, meters (and may return the customer). */
export interface StateReads {
  readonly get: (id: string, options?: CallOptions) => Promise<StateResult>;
}

/** An entitlements endpoint, and the provider's own check where it has one (else the gateway derives the check). */
export interface EntitlementReads {
  readonly get: (id: string, options?: CallOptions) => Promise<EntitlementsResult>;
  readonly check?: (id: string, request: EntitlementCheckRequest, options?: CallOptions) => Promise<EntitlementCheck>;
}

/** The writes a provider has: an operation exists exactly when its method does. */
export interface CustomerWrites {
  readonly create?: (changes: CustomerChanges, options?: WriteOptions) => Promise<Customer>;
  /**
   * After a create with this key whose outcome is unknown: the customer that attempt made, or null when it never
   * landed. Providers that ignore `Idempotency-Key` find it by the marker written on create (`write-marker.ts`);
   * the others need not have it, because resending with the same key replays the first answer.
   */
  readonly findCreated?: (idempotencyKey: string, options?: CallOptions) => Promise<Customer | null>;
  readonly update?: (id: string, changes: CustomerChanges, options?: WriteOptions) => Promise<Customer>;
  readonly updateByExternalId?: (externalId: string, changes: CustomerChanges, options?: WriteOptions) => Promise<Customer>;
  /** Each delete returns the customer as the provider reports it after deletion when it does, else null. */
  readonly delete?: (id: string, options?: DeleteOptions) => Promise<Customer | null>;
  readonly deleteByExternalId?: (externalId: string, options?: DeleteOptions) => Promise<Customer | null>;
  readonly archive?: (id: string, options?: WriteOptions) => Promise<Customer>;
  readonly unarchive?: (id: string, options?: WriteOptions) => Promise<Customer>;
  /** By id, or by external ID where the lookup is native. */
  readonly syncPaymentMethods?: (target: CustomerTarget, options?: WriteOptions) => Promise<void>;
}

/**
 * The narrow interface every provider adapter implements. What a provider can do is which parts it has:
 * `customers` always; `state`, `entitlements` and `writes` (with only its operations) where it has them. No flag
 * repeats a method's presence, so a capability cannot be claimed without its method, nor the reverse.
 */
export interface CustomerProvider {
  /** Lower-case name; also the global ID prefix, e.g. "orb". */
  readonly name: string;
  /** How people write it, e.g. "Orb". */
  readonly displayName: string;
  readonly limits: ProviderLimits;
  /** A native id shape that identifies this provider on its own (Omise `cust_…`); absent when shape cannot decide. */
  readonly nativeIdPattern?: RegExp;
  readonly customers: CustomerReads;
  readonly state?: StateReads;
  readonly entitlements?: EntitlementReads;
  readonly writes?: CustomerWrites;
}

/** Settings an adapter receives; adapters never read the environment. */
export interface ProviderSettings {
  baseUrl: string;
  apiKey: string;
}
