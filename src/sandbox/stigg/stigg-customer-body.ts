import { isPlainObject } from '../shared/sandbox-http';
import type { StiggCustomerRecord, StiggIntegration, StiggPaymentMethod } from './stigg-types';
import * as check from './stigg-validation';

/** `CustomerProvisionParams`; the update body is the same without `id` and `defaultPaymentMethod`. */
const PROVISION_FIELDS = new Set(['id', 'name', 'email', 'billingId', 'billingCurrency', 'couponId', 'language', 'timezone', 'metadata', 'defaultPaymentMethod', 'integrations', 'passthrough']);
const UPDATE_FIELDS = new Set([...PROVISION_FIELDS].filter((field) => field !== 'id' && field !== 'defaultPaymentMethod'));
const IMPORT_FIELDS = new Set(['customers', 'integrationId']);
const IMPORT_CUSTOMER_FIELDS = new Set(['id', 'email', 'name', 'billingId', 'metadata', 'paymentMethodId', 'salesforceId', 'updatedAt']);

export function customerBodyProblem(body: Record<string, unknown>, kind: 'provision' | 'update'): check.Problem {
  return (
    check.unknownProperty(body, kind === 'provision' ? PROVISION_FIELDS : UPDATE_FIELDS) ??
    (kind === 'provision' ? check.customerId('id', body.id) : null) ??
    check.nullableString('name', body.name) ??
    check.nullableEmail('email', body.email) ??
    check.nullableString('billingId', body.billingId) ??
    check.billingCurrency(body.billingCurrency) ??
    check.nullableString('couponId', body.couponId) ??
    check.nullableString('language', body.language) ??
    check.timezone(body.timezone) ??
    check.metadata(body.metadata) ??
    check.integrations(body.integrations) ??
    check.defaultPaymentMethod(body.defaultPaymentMethod) ??
    check.passthrough(body.passthrough)
  );
}

/**
 * Writes the fields a (validated) provision or update body names: absent = unchanged, null = cleared.
 * `metadata` replaces the whole map: the SDK types it `{[key]: string}`, so a value cannot be null and a
 * merge could never remove a key; the only way to drop one is to send the map without it.
 */
export function applyCustomerFields(record: StiggCustomerRecord, body: Record<string, unknown>): void {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  if ('name' in body) record.name = text(body.name);
  if ('email' in body) record.email = text(body.email);
  if ('billingId' in body) record.billingId = text(body.billingId);
  if ('billingCurrency' in body) record.billingCurrency = text(body.billingCurrency);
  // The SDK allows '' for couponId: it takes the coupon off.
  if ('couponId' in body) record.couponId = text(body.couponId) || null;
  if ('language' in body) record.language = text(body.language);
  if ('timezone' in body) record.timezone = text(body.timezone);
  if (isPlainObject(body.metadata)) record.metadata = { ...(body.metadata as Record<string, string>) };
  if (Array.isArray(body.integrations)) record.integrations = (body.integrations as StiggIntegration[]).map((item) => ({ id: item.id, syncedEntityId: item.syncedEntityId ?? null, vendorIdentifier: item.vendorIdentifier }));
  if ('defaultPaymentMethod' in body) {
    const method = body.defaultPaymentMethod as Partial<StiggPaymentMethod> | null | undefined;
    record.defaultPaymentMethod = method
      ? { billingId: method.billingId ?? null, cardExpiryMonth: method.cardExpiryMonth ?? null, cardExpiryYear: method.cardExpiryYear ?? null, cardLast4Digits: method.cardLast4Digits ?? null, type: method.type ?? 'CARD' }
      : null;
  }
}

export function importBodyProblem(body: Record<string, unknown>): check.Problem {
  const top = check.unknownProperty(body, IMPORT_FIELDS) ?? check.nullableString('integrationId', body.integrationId);
  if (top !== null) return top;
  if (!Array.isArray(body.customers)) return 'customers must be an array';
  if (body.customers.length === 0) return 'customers should not be empty';
  for (const [index, item] of body.customers.entries()) {
    const name = `customers.${index}`;
    if (!isPlainObject(item)) return `${name} must be an object`;
    const extra = check.unknownProperty(item, IMPORT_CUSTOMER_FIELDS);
    const problem =
      (extra === null ? null : `${name}.${extra.slice('property '.length)}`) ??
      check.customerId(`${name}.id`, item.id) ??
      // Both are required by the SDK type, as string or null.
      ('email' in item ? check.nullableEmail(`${name}.email`, item.email) : `${name}.email must be a string or null`) ??
      ('name' in item ? check.nullableString(`${name}.name`, item.name) : `${name}.name must be a string or null`) ??
      check.nullableString(`${name}.billingId`, item.billingId) ??
      check.nullableString(`${name}.paymentMethodId`, item.paymentMethodId) ??
      check.nullableString(`${name}.salesforceId`, item.salesforceId) ??
      check.dateTime(`${name}.updatedAt`, item.updatedAt);
    if (problem !== null) return problem;
    const badMetadata = check.metadata(item.metadata);
    if (badMetadata !== null) return `${name}.${badMetadata}`;
  }
  return null;
}
