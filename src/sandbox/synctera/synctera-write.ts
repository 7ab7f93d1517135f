import { storedAddress } from './synctera-address';
import type { BodyProblems } from './synctera-errors';
import type { CustomerFields } from './synctera-validation';
import { DEFAULT_TENANT, type SyncteraAddress, type SyncteraCustomer } from './synctera-types';

/** What a write needs from the simulator: fresh ids and the clock. */
export interface WriteTools {
  newId(): string;
  now: string;
}

/** Fields a PUT replaces: given → set, omitted → removed. */
const REPLACED_FIELDS = ['first_name', 'middle_name', 'last_name', 'dob', 'email', 'phone_number'] as const;
/** "missing required fields: first_name, dob": what Synctera demands of anyone who is not a PROSPECT. */
const REQUIRED_UNLESS_PROSPECT = ['first_name', 'last_name', 'dob'] as const;

export function createdCustomer(fields: CustomerFields, tools: WriteTools): SyncteraCustomer {
  const customer: SyncteraCustomer = {
    id: tools.newId(),
    status: fields.status ?? 'PROSPECT',
    addresses: [],
    metadata: fields.metadata ?? {},
    tenant: fields.tenant ?? DEFAULT_TENANT,
    // A new customer has not been through KYC yet; `POST /customers/{id}/verify` would run it.
    kyc_status: 'UNVERIFIED',
    kyc_exempt: false,
    has_accounts: false,
    ban_status: fields.ban_status ?? 'ALLOWED',
    creation_time: tools.now,
    last_updated_time: tools.now,
  };
  for (const key of REPLACED_FIELDS) if (fields[key] !== undefined) customer[key] = fields[key];
  setSsn(customer, fields.ssn);
  // POST: "if no shipping_address attribute is provided in the request, the shipping_address will be set to a
  // copy of the legal_address".
  setAddresses(customer, fields, fields.shipping_address === undefined, tools);
  return customer;
}

/** PUT replaces the customer; `ban_status` and `tenant` are kept when omitted (they are not the caller's data). */
export function replacedCustomer(current: SyncteraCustomer, fields: CustomerFields, tools: WriteTools): SyncteraCustomer {
  const customer: SyncteraCustomer = {
    ...current,
    status: fields.status ?? current.status,
    metadata: fields.metadata ?? {},
    tenant: fields.tenant ?? current.tenant,
    ban_status: fields.ban_status ?? current.ban_status,
    last_updated_time: tools.now,
  };
  for (const key of REPLACED_FIELDS) {
    if (fields[key] === undefined) delete customer[key];
    else customer[key] = fields[key];
  }
  if (fields.ssn === undefined) {
    delete customer.ssn;
    delete customer.ssn_source;
  } else {
    setSsn(customer, fields.ssn);
  }
  delete customer.legal_address;
  delete customer.shipping_address;
  // PUT: the same copy rule as POST.
  setAddresses(customer, fields, fields.shipping_address === undefined, tools);
  return customer;
}

export function patchedCustomer(current: SyncteraCustomer, fields: CustomerFields, tools: WriteTools): SyncteraCustomer {
  const customer: SyncteraCustomer = { ...current, last_updated_time: tools.now };
  if (fields.status !== undefined) customer.status = fields.status;
  if (fields.metadata !== undefined) customer.metadata = fields.metadata;
  if (fields.ban_status !== undefined) customer.ban_status = fields.ban_status;
  for (const key of REPLACED_FIELDS) if (fields[key] !== undefined) customer[key] = fields[key];
  setSsn(customer, fields.ssn);
  // PATCH: copied only when the legal address is given, the shipping address is not, and the customer has none.
  const copy = fields.legal_address !== undefined && fields.shipping_address === undefined && current.shipping_address === undefined;
  setAddresses(customer, fields, copy, tools);
  return customer;
}

/** Rules that need the resulting customer: required fields outside PROSPECT, and `ban_status` transitions. */
export function checkCustomerRules(candidate: SyncteraCustomer, previous: SyncteraCustomer | undefined, fields: CustomerFields, problems: BodyProblems): void {
  if (candidate.status !== 'PROSPECT') {
    for (const key of REQUIRED_UNLESS_PROSPECT) {
      const value = candidate[key];
      if ((value === undefined || value.trim() === '') && !(key in problems.invalid)) problems.missing.push(key);
    }
  }
  const before = previous?.ban_status ?? 'ALLOWED';
  const after = fields.ban_status;
  if (after === undefined || after === before) return;
  if (after === 'BANNED' || before === 'BANNED') {
    // "changing the ban status to or from BANNED can only be performed by the Synctera platform".
    problems.invalid.ban_status = 'changing the ban status to or from BANNED can only be performed by the Synctera platform';
  } else if (previous !== undefined && (fields.note === undefined || fields.note.trim() === '')) {
    // "A note is required when updating a customer's ban_status between SUSPENDED and ALLOWED."
    problems.missing.push('note');
  }
}

function setSsn(customer: SyncteraCustomer, ssn: CustomerFields['ssn']): void {
  if (ssn === undefined || ssn === 'unchanged') return;
  customer.ssn = ssn;
  customer.ssn_source = 'MANUAL';
}

function setAddresses(customer: SyncteraCustomer, fields: CustomerFields, copyLegal: boolean, tools: WriteTools): void {
  if (fields.legal_address !== undefined) customer.legal_address = storedAddress(fields.legal_address, tools.newId(), 'LEGAL');
  if (fields.shipping_address !== undefined) {
    customer.shipping_address = storedAddress(fields.shipping_address, tools.newId(), 'SHIPPING');
  } else if (copyLegal && customer.legal_address !== undefined) {
    const { id: _legalId, address_type: _legalType, ...legal } = customer.legal_address;
    customer.shipping_address = storedAddress(legal, tools.newId(), 'SHIPPING');
  }
  customer.addresses = [customer.legal_address, customer.shipping_address].filter((address): address is SyncteraAddress => address !== undefined);
}
