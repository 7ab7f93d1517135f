import type { ProviderError } from '../spec/errors';
import type { Address, Customer, CustomerState, CustomerStatus, JsonObject, PaymentMethod } from '../spec/provider';
import { isObject, malformed, text } from '../kit/payload';

const PROVIDER = 'orb';

/**
 * Orb has no lifecycle field: a customer is live, or deleted (a tombstone `{id, deleted: true}`). The table maps
 * that word; anything else Orb might one day send falls back to ACTIVE, since Orb still returns the customer.
 */
const STATUS_BY_ORB_LIFECYCLE: Record<string, CustomerStatus> = {
  live: 'ACTIVE',
  deleted: 'DELETED',
};
const FALLBACK_STATUS: CustomerStatus = 'ACTIVE';

/** Maps an Orb customer payload (or its deletion tombstone) to the domain customer; `raw` keeps it untouched. */
export function mapOrbCustomer(payload: unknown): Customer {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || typeof (payload as JsonObject).id !== 'string') {
    throw orbMalformed('a customer without an id');
  }
  const raw = payload as JsonObject;
  const lifecycle = raw.deleted === true ? 'deleted' : 'live';
  const status = STATUS_BY_ORB_LIFECYCLE[lifecycle] ?? FALLBACK_STATUS;
  if (lifecycle === 'deleted') {
    return {
      provider: PROVIDER, providerId: raw.id as string, externalId: null, email: null, name: null, status, providerStatus: 'deleted',
      createdAt: null, updatedAt: null, currency: null, timezone: null, metadata: {}, billingAddress: null, raw, embeddedState: null,
    };
  }
  const currency = text(raw.currency);
  return {
    provider: PROVIDER,
    providerId: raw.id as string,
    externalId: text(raw.external_customer_id),
    email: text(raw.email),
    name: text(raw.name),
    status,
    providerStatus: null,
    createdAt: date(raw.created_at),
    updatedAt: null,
    currency,
    timezone: text(raw.timezone),
    // Shared with `raw`, not copied: domain customers are read-only, and a copy per row was garbage nobody used.
    metadata: isObject(raw.metadata) ? raw.metadata : {},
    billingAddress: mapOrbAddress(raw.billing_address),
    raw,
    // Balance and default payment method arrive with the customer: state that costs no extra call.
    embeddedState: embeddedState(raw, currency),
  };
}

function embeddedState(raw: JsonObject, currency: string | null): Partial<CustomerState> {
  const method = raw.default_payment_method;
  return {
    balance: typeof raw.balance === 'string' ? { amount: raw.balance, currency } : null,
    paymentMethods: isObject(method) && typeof method.id === 'string' ? [mapOrbPaymentMethod(method)] : [],
  };
}

/** Orb mirrors only the gateway's default method, without card details: brand, last4 and expiry stay null. */
function mapOrbPaymentMethod(method: JsonObject): PaymentMethod {
  return {
    id: method.id as string,
    type: text(method.payment_method_type) ?? 'unknown',
    brand: null,
    last4: null,
    expirationMonth: null,
    expirationYear: null,
    isDefault: method.default !== false,
  };
}

export function mapOrbAddress(value: unknown): Address | null {
  if (!isObject(value)) return null;
  return {
    line1: text(value.line1),
    line2: text(value.line2),
    city: text(value.city),
    state: text(value.state),
    postalCode: text(value.postal_code),
    country: text(value.country),
  };
}

export function toOrbAddress(address: Address | null): JsonObject | null {
  if (address === null) return null;
  return { line1: address.line1, line2: address.line2, city: address.city, state: address.state, postal_code: address.postalCode, country: address.country };
}

function date(value: unknown): Date {
  const parsed = typeof value === 'string' ? new Date(value) : null;
  if (parsed === null || Number.isNaN(parsed.getTime())) throw orbMalformed(`a customer with created_at ${JSON.stringify(value)}`);
  return parsed;
}

export function orbMalformed(what: string): ProviderError {
  return malformed(PROVIDER, `Orb answered with ${what}`);
}
