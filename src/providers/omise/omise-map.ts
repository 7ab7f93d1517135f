import type { ProviderError } from '../spec/errors';
import type { Customer, CustomerStatus, JsonObject, PaymentMethod } from '../spec/provider';
import { isObject, malformed, optionalDate, text } from '../kit/payload';
import { withoutWriteMarker } from '../write-marker';

const PROVIDER = 'omise';

/**
 * Omise has no lifecycle word, only `deleted` (true on a deleted customer and on the answer to DELETE). The table
 * maps it; a payload without a boolean `deleted` (older API versions) falls back to ACTIVE, since Omise still
 * serves the customer (DESIGN §3: `deleted` → DELETED, else ACTIVE).
 */
const STATUS_BY_DELETED = new Map<unknown, CustomerStatus>([
  [true, 'DELETED'],
  [false, 'ACTIVE'],
]);
const FALLBACK_STATUS: CustomerStatus = 'ACTIVE';

/** Maps an Omise customer (or the `{object, id, livemode, deleted}` answer to DELETE); `raw` keeps it untouched. */
export function mapOmiseCustomer(payload: unknown): Customer {
  if (!isObject(payload) || typeof payload.id !== 'string') throw omiseMalformed('a customer without an id');
  const raw = payload;
  const status = STATUS_BY_DELETED.get(raw.deleted) ?? FALLBACK_STATUS;
  const externalId = isObject(raw.metadata) ? raw.metadata.external_id : undefined;
  let metadata: JsonObject | null = null;
  let embedded: Customer['embeddedState'] | undefined;
  return {
    provider: PROVIDER,
    providerId: raw.id as string,
    externalId: typeof externalId === 'string' && externalId !== '' ? externalId : typeof externalId === 'number' ? String(externalId) : null,
    email: text(raw.email),
    // Omise has no name field; `description` holds it (DESIGN §3).
    name: text(raw.description),
    status,
    providerStatus: status === 'DELETED' ? 'deleted' : null,
    // API version 2019-05-29 says `created_at`; 2017-11-02 said `created`. The DELETE answer has neither.
    createdAt: optionalDate(raw.created_at) ?? optionalDate(raw.created),
    updatedAt: null,
    currency: null,
    timezone: null,
    // Built on first read (`external_id` left out): few queries select metadata.
    get metadata(): JsonObject {
      metadata ??= withoutExternalId(raw.metadata);
      return metadata;
    },
    set metadata(value: JsonObject) {
      metadata = value;
    },
    billingAddress: null,
    raw,
    // The cards come inside the customer: payment methods that cost no extra call, mapped when state is asked for.
    get embeddedState() {
      if (embedded === undefined) embedded = isObject(raw.cards) ? { paymentMethods: mapOmiseCards(raw.cards, text(raw.default_card)) } : null;
      return embedded;
    },
    set embeddedState(value) {
      embedded = value;
    },
  };
}

function withoutExternalId(value: unknown): JsonObject {
  const metadata = isObject(value) ? { ...value } : {};
  delete metadata.external_id;
  return withoutWriteMarker(metadata);
}

function mapOmiseCards(list: JsonObject, defaultCard: string | null): PaymentMethod[] {
  if (!Array.isArray(list.data)) return [];
  return list.data.filter((card): card is JsonObject => isObject(card) && typeof card.id === 'string').map((card) => ({
    id: card.id as string,
    type: 'card',
    brand: text(card.brand),
    last4: text(card.last_digits),
    expirationMonth: typeof card.expiration_month === 'number' ? card.expiration_month : null,
    expirationYear: typeof card.expiration_year === 'number' ? card.expiration_year : null,
    isDefault: card.id === defaultCard,
  }));
}

export function omiseMalformed(what: string): ProviderError {
  return malformed(PROVIDER, `Omise answered with ${what}`);
}

