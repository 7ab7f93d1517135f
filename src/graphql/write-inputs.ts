import { AddressInput } from './address';
import { builder } from './builder';
import { ProviderEnum } from './provider-enum';

const idempotencyKeyDescription =
  'Makes a retry safe: the same key with the same input returns the first result and never writes twice (kept 24 h). Sent to providers that honour Idempotency-Key.';
const metadataDescription =
  'A patch: each key given a value is written, each key given null is removed, keys not named are kept. (On create, the whole map.)';

export const CreateCustomerInput = builder.inputType('CreateCustomerInput', {
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, required: true }),
    email: t.field({ type: 'EmailAddress' }),
    name: t.string(),
    externalId: t.string({ description: "The caller's own id for this person (at Stigg it becomes the customer id)." }),
    metadata: t.field({ type: 'JSONObject' }),
    currency: t.field({ type: 'Currency' }),
    timezone: t.field({ type: 'TimeZone' }),
    billingAddress: t.field({ type: AddressInput }),
    providerFields: t.field({ type: 'JSONObject', description: "Provider-specific body fields, checked against what that provider accepts." }),
    idempotencyKey: t.string({ description: idempotencyKeyDescription }),
  }),
});

export const UpdateCustomerInput = builder.inputType('UpdateCustomerInput', {
  description:
    'The target (`id`; or `externalId` with `provider`; or `externalId` alone: every provider that holds the person) and the fields to change, side by side. Only given fields change.',
  fields: (t) => ({
    id: t.id(),
    externalId: t.string({ description: 'Who to update (the target), not a new value: see `newExternalId`.' }),
    provider: t.field({ type: ProviderEnum }),
    email: t.field({ type: 'EmailAddress' }),
    name: t.string(),
    newExternalId: t.string({ description: 'Sets the external ID where the provider allows it (often only while none is set).' }),
    metadata: t.field({ type: 'JSONObject', description: metadataDescription }),
    currency: t.field({ type: 'Currency' }),
    timezone: t.field({ type: 'TimeZone' }),
    billingAddress: t.field({ type: AddressInput }),
    providerFields: t.field({ type: 'JSONObject' }),
    idempotencyKey: t.string({ description: idempotencyKeyDescription }),
  }),
});

export const CustomerTargetInput = builder.inputType('CustomerTargetInput', {
  description: 'Who a delete, archive, unarchive or sync is for. By `externalId` alone, destructive writes need `allProviders: true`.',
  fields: (t) => ({
    id: t.id(),
    externalId: t.string(),
    provider: t.field({ type: ProviderEnum }),
    allProviders: t.boolean({ description: 'With `externalId` and no `provider`: every provider that holds the person.' }),
    anonymize: t.boolean({ description: 'deleteCustomer only: also anonymize personal data, where the provider can.' }),
    idempotencyKey: t.string({ description: idempotencyKeyDescription }),
  }),
});
