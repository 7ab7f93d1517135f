/**
 * Synctera v0 customer payloads as the simulator stores and returns them (spec v0.153.0, `customer_in_body`).
 * A stored record is exactly the response body: the SSN is already cut to its last 4 digits and the write-only
 * `note` is never kept, so nothing can leak by returning a record as is.
 */

export const CUSTOMER_STATUSES = ['ACTIVE', 'DECEASED', 'DENIED', 'DORMANT', 'ESCHEAT', 'FROZEN', 'INACTIVE', 'PROSPECT', 'SANCTION'] as const;
export type SyncteraCustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const KYC_STATUSES = ['ACCEPTED', 'PENDING', 'PROVIDER_FAILURE', 'PROVISIONAL', 'REJECTED', 'REVIEW', 'UNVERIFIED'] as const;
export type SyncteraKycStatus = (typeof KYC_STATUSES)[number];

export const BAN_STATUSES = ['ALLOWED', 'BANNED', 'SUSPENDED'] as const;
export type SyncteraBanStatus = (typeof BAN_STATUSES)[number];

export interface SyncteraAddress {
  id: string;
  address_line_1: string;
  address_line_2?: string;
  address_type: 'LEGAL' | 'SHIPPING';
  city?: string;
  state?: string;
  postal_code?: string;
  country_code: string;
  nickname?: string;
  is_registered_agent?: boolean;
}

export interface SyncteraCustomer {
  id: string;
  status: SyncteraCustomerStatus;
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  dob?: string;
  email?: string;
  phone_number?: string;
  /** Last 4 digits only, as every response shows it. */
  ssn?: string;
  ssn_source?: 'MANUAL' | 'PREFILL';
  legal_address?: SyncteraAddress;
  shipping_address?: SyncteraAddress;
  /** Read-only: the legal and shipping addresses together. */
  addresses: SyncteraAddress[];
  metadata: Record<string, unknown>;
  tenant: string;
  kyc_status: SyncteraKycStatus;
  kyc_last_run?: string;
  kyc_exempt: boolean;
  has_accounts: boolean;
  ban_status: SyncteraBanStatus;
  creation_time: string;
  last_updated_time: string;
}

/** Fields the server owns; a request may echo them unchanged (a GET → PUT round trip) but never change them. */
export const READ_ONLY_FIELDS = [
  'id',
  'addresses',
  'creation_time',
  'last_updated_time',
  'kyc_status',
  'kyc_last_run',
  'kyc_exempt',
  'has_accounts',
  'ssn_source',
] as const;

/** The workspace every sandbox customer belongs to unless a request names another. */
export const DEFAULT_TENANT = 'cgraph_retail';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
