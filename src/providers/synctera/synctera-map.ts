import type { ProviderError } from '../spec/errors';
import type { Address, Customer, CustomerStatus, JsonObject } from '../spec/provider';
import { isObject, malformed, optionalDate, text } from '../kit/payload';

/** The Synctera customer payload (`customer_in_body`), as far as the mapping reads it. */
export interface SyncteraCustomerPayload {
  id: string;
  status?: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  metadata?: JsonObject;
  legal_address?: SyncteraAddressPayload;
  kyc_status?: string;
  creation_time?: string;
  last_updated_time?: string;
  [field: string]: unknown;
}

export interface SyncteraAddressPayload {
  address_line_1?: string;
  address_line_2?: string;
  city?: string;
  state?: string;
  postal_code?: string;
  country_code?: string;
}

/** DESIGN §3: Synctera's lifecycle word → the unified status. */
const STATUS_TABLE: Record<string, CustomerStatus> = {
  ACTIVE: 'ACTIVE',
  PROSPECT: 'PENDING',
  FROZEN: 'BLOCKED',
  SANCTION: 'BLOCKED',
  DENIED: 'BLOCKED',
  DECEASED: 'INACTIVE',
  DORMANT: 'INACTIVE',
  ESCHEAT: 'INACTIVE',
  INACTIVE: 'INACTIVE',
};
/** "The rest → INACTIVE": a status Synctera adds later is not treated as usable until it is mapped. */
const UNKNOWN_STATUS: CustomerStatus = 'INACTIVE';

export const EXTERNAL_ID_KEY = 'external_id';

export function mapSyncteraStatus(status: string | undefined): CustomerStatus {
  return (status !== undefined ? STATUS_TABLE[status] : undefined) ?? UNKNOWN_STATUS;
}

export function mapSyncteraCustomer(payload: SyncteraCustomerPayload): Customer {
  const externalId = isObject(payload.metadata) ? payload.metadata[EXTERNAL_ID_KEY] : undefined;
  const name = [payload.first_name, payload.last_name].filter((part) => typeof part === 'string' && part !== '').join(' ');
  let metadata: JsonObject | null = null;
  return {
    provider: 'synctera',
    providerId: payload.id,
    externalId: typeof externalId === 'string' && externalId !== '' ? externalId : null,
    email: text(payload.email),
    name: name === '' ? null : name,
    status: mapSyncteraStatus(payload.status),
    providerStatus: text(payload.status),
    createdAt: optionalDate(payload.creation_time),
    updatedAt: optionalDate(payload.last_updated_time),
    currency: null,
    timezone: null,
    // Built on first read (`external_id` left out): few queries select metadata.
    get metadata(): JsonObject {
      if (metadata === null) {
        metadata = { ...(isObject(payload.metadata) ? payload.metadata : {}) };
        delete metadata[EXTERNAL_ID_KEY];
      }
      return metadata;
    },
    set metadata(value: JsonObject) {
      metadata = value;
    },
    billingAddress: mapAddress(payload.legal_address),
    raw: payload,
    // The KYC status arrives with the customer, so the state costs no extra call.
    embeddedState: { verification: text(payload.kyc_status) },
  };
}

function mapAddress(address: SyncteraAddressPayload | undefined): Address | null {
  if (!isObject(address)) return null;
  return {
    line1: text(address.address_line_1),
    line2: text(address.address_line_2),
    city: text(address.city),
    state: text(address.state),
    postalCode: text(address.postal_code),
    country: text(address.country_code),
  };
}

/** A 2xx body that should hold a customer; anything else is a malformed answer, not a crash further on. */
export function customerPayload(body: unknown, where: string): SyncteraCustomerPayload {
  if (isObject(body) && typeof body.id === 'string') return body as SyncteraCustomerPayload;
  throw syncteraMalformed(where);
}

export function customerListPayload(body: unknown, where: string): { customers: SyncteraCustomerPayload[]; next_page_token?: string } {
  if (isObject(body) && Array.isArray(body.customers)) {
    const customers = body.customers.map((item) => customerPayload(item, where));
    const token = body.next_page_token;
    return typeof token === 'string' && token !== '' ? { customers, next_page_token: token } : { customers };
  }
  throw syncteraMalformed(where);
}

function syncteraMalformed(where: string): ProviderError {
  return malformed('synctera', `Synctera answered ${where} with an unexpected body`);
}

