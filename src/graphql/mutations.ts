import type { Address, CustomerChanges } from '../providers/spec/provider';
import { createCustomer } from '../writes/create-customer';
import { deleteCustomer } from '../writes/delete-customer';
import { changeLifecycle, type LifecycleOperation } from '../writes/lifecycle';
import { updateCustomer } from '../writes/update-customer';
import type { WriteOutcome, WriteResult } from '../writes/outcomes';
import { checkIdentifier } from '../routing/identifier-rules';
import { builder } from './builder';
import { CustomerType } from './customer';
import { ProviderEnum } from './provider-enum';
import { ErrorInterface, snapshotError, writeErrorTypes } from './write-errors';
import { CreateCustomerInput, CustomerTargetInput, UpdateCustomerInput } from './write-inputs';

builder.mutationType({});

const WriteOutcomeType = builder.objectRef<WriteOutcome>('WriteOutcome').implement({
  description: "One provider's result in a write that reached one or more providers.",
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (outcome) => outcome.provider }),
    ok: t.boolean({ resolve: (outcome) => outcome.error === null }),
    customer: t.field({ type: CustomerType, nullable: true, description: 'The customer as it is now; null after a delete or on failure.', resolve: (outcome) => outcome.customer }),
    error: t.field({ type: ErrorInterface, nullable: true, resolve: (outcome) => (outcome.error === null ? null : (snapshotError(outcome.error) as never)) }),
  }),
});

function payloadType(name: string, description: string) {
  return builder.objectRef<WriteResult>(name).implement({
    description,
    fields: (t) => ({
      customer: t.field({
        type: CustomerType,
        nullable: true,
        description: 'The first customer written (the only one for a single-provider write).',
        resolve: (result) => result.outcomes.find((outcome) => outcome.customer !== null)?.customer ?? null,
      }),
      customers: t.field({ type: [CustomerType], resolve: (result) => result.outcomes.flatMap((outcome) => (outcome.customer === null ? [] : [outcome.customer])) }),
      outcomes: t.field({ type: [WriteOutcomeType], description: 'Every provider the write reached or tried to, success or failure.', resolve: (result) => result.outcomes }),
      replayed: t.exposeBoolean('replayed', { description: 'True when this is the stored result of an earlier call with the same idempotencyKey.' }),
      idempotencyKey: t.exposeString('idempotencyKey', { nullable: true }),
    }),
  });
}

const CreatePayload = payloadType('CreateCustomerPayload', 'The customer created.');
const UpdatePayload = payloadType('UpdateCustomerPayload', 'The customer(s) updated; by external ID alone, one outcome per provider holding the person.');
const DeletePayload = payloadType('DeleteCustomerPayload', 'The customer(s) deleted; `customer` is the tombstone where the provider returns one.');
const ArchivePayload = payloadType('ArchiveCustomerPayload', 'The customer(s) archived.');
const UnarchivePayload = payloadType('UnarchiveCustomerPayload', 'The customer(s) unarchived.');
const SyncPayload = payloadType('SyncPaymentMethodsPayload', 'The customer(s) after their payment methods were synced from the gateway.');

const union = (name: string) => ({ types: writeErrorTypes, directResult: true, union: { name } }) as const;

interface AddressArgument {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

function address(value: AddressArgument | null | undefined): Address | null | undefined {
  if (value == null) return value;
  return { line1: value.line1 ?? null, line2: value.line2 ?? null, city: value.city ?? null, state: value.state ?? null, postalCode: value.postalCode ?? null, country: value.country ?? null };
}

/** GraphQL input → the adapters' `CustomerChanges`: absent stays undefined (leave alone), null stays null (clear). */
function changes(input: Record<string, unknown>, externalIdField: 'externalId' | 'newExternalId'): CustomerChanges {
  // An external ID becomes a path segment at some providers (Stigg's customer id): held to the id rules up front.
  const externalId = input[externalIdField];
  if (typeof externalId === 'string') checkIdentifier(externalId, externalIdField);
  return {
    email: input.email as string | null | undefined,
    name: input.name as string | null | undefined,
    externalId: input[externalIdField] as string | null | undefined,
    metadata: input.metadata as Record<string, unknown> | null | undefined,
    currency: input.currency as string | null | undefined,
    timezone: input.timezone as string | null | undefined,
    billingAddress: address(input.billingAddress as AddressArgument | null | undefined),
    providerFields: (input.providerFields as Record<string, unknown> | null | undefined) ?? undefined,
  };
}

function lifecycleField(operation: LifecycleOperation, type: typeof ArchivePayload, unionName: string, description: string) {
  return builder.mutationField(operation === 'syncPaymentMethods' ? 'syncPaymentMethods' : `${operation}Customer`, (t) =>
    t.field({
      type,
      description,
      errors: union(unionName),
      args: { input: t.arg({ type: CustomerTargetInput, required: true }) },
      resolve: (_root, { input }, context) => changeLifecycle(operation, input, context),
    }),
  );
}

builder.mutationFields((t) => ({
  createCustomer: t.field({
    type: CreatePayload,
    description: 'Creates a customer at `input.provider`. The external ID is stored where that provider keeps it.',
    errors: union('CreateCustomerResult'),
    args: { input: t.arg({ type: CreateCustomerInput, required: true }) },
    resolve: (_root, { input }, context) =>
      createCustomer({ ...changes(input, 'externalId'), provider: input.provider, idempotencyKey: input.idempotencyKey }, context),
  }),
  updateCustomer: t.field({
    type: UpdatePayload,
    description: 'Changes only the fields given. Metadata is a patch: a key set to null is removed, keys not named are kept.',
    errors: union('UpdateCustomerResult'),
    args: { input: t.arg({ type: UpdateCustomerInput, required: true }) },
    resolve: (_root, { input }, context) =>
      updateCustomer(
        { id: input.id == null ? null : String(input.id), externalId: input.externalId, provider: input.provider, changes: changes(input, 'newExternalId'), idempotencyKey: input.idempotencyKey },
        context,
      ),
  }),
  deleteCustomer: t.field({
    type: DeletePayload,
    description: 'Deletes where the provider can (Stigg: archive instead; Synctera: a status update). Across providers only with allProviders: true.',
    errors: union('DeleteCustomerResult'),
    args: { input: t.arg({ type: CustomerTargetInput, required: true }) },
    resolve: (_root, { input }, context) => deleteCustomer({ ...input, id: input.id == null ? null : String(input.id) }, context),
  }),
}));

lifecycleField('archive', ArchivePayload, 'ArchiveCustomerResult', 'Archives a customer where the provider has archiving.');
lifecycleField('unarchive', UnarchivePayload, 'UnarchiveCustomerResult', 'Brings an archived customer back.');
lifecycleField('syncPaymentMethods', SyncPayload, 'SyncPaymentMethodsResult', "Syncs the customer's payment methods from the payment gateway, where the provider can.");
