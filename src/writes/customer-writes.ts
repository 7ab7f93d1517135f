import type { GraphContext } from '../context';
import type { Customer, CustomerChanges, CustomerOperation } from '../providers/provider';
import { writeFingerprint } from './fingerprint';
import { forgetDeleted, isSettled, remember, singleOrThrow, writeEach, type WriteResult } from './outcomes';
import { resolveTargets, type TargetInput } from './targets';
import { requireOperation, validateChanges } from './validate';
import { ConflictError, toWriteError, UnsupportedOperationError, ValidationError } from './write-errors';

export interface CreateInput extends CustomerChanges {
  provider: string;
  idempotencyKey?: string | null;
}

export interface UpdateInput extends TargetInput {
  changes: CustomerChanges;
  idempotencyKey?: string | null;
}

export interface TargetWriteInput extends TargetInput {
  idempotencyKey?: string | null;
  anonymize?: boolean | null;
}

/** Idempotency for every mutation: a key replays the first settled result instead of writing again. */
async function once(mutation: string, input: Record<string, unknown>, key: string | null | undefined, context: GraphContext, write: () => Promise<WriteResult>): Promise<WriteResult> {
  if (key == null) return write();
  if (key.length === 0 || key.length > 255) throw new ValidationError('idempotencyKey must be 1 to 255 characters.', 'idempotencyKey');
  const { result, replayed } = await context.gateway.writeLedger.run(`${mutation}:${key}`, writeFingerprint(mutation, input), write, isSettled);
  return { ...result, replayed };
}

export function createCustomer(input: CreateInput, context: GraphContext): Promise<WriteResult> {
  const key = input.idempotencyKey ?? null;
  return once('createCustomer', { ...input }, key, context, async () => {
    const provider = context.gateway.directory.get(input.provider);
    requireOperation(provider, 'create');
    const { provider: _provider, idempotencyKey: _key, ...changes } = input;
    validateChanges(provider, 'create', changes);
    if (changes.externalId != null && context.gateway.identityIndex.has(provider.name)) {
      const existing = await context.gateway.identityIndex.lookup(provider.name, changes.externalId);
      if (existing !== null) {
        throw new ConflictError(`${provider.displayName} already holds externalId "${changes.externalId}" (${provider.name}:${existing}).`, provider.name);
      }
    }
    try {
      const customer = await context.gateway
        .limiter(provider.name)
        .run(() => provider.createCustomer!(changes, { signal: context.signal, idempotencyKey: key ?? undefined }));
      remember(context, provider, customer);
      return { outcomes: [{ provider: provider.name, customer, error: null }], replayed: false, idempotencyKey: key };
    } catch (error) {
      throw toWriteError(error, { idempotencyKey: key, providerHonoursKey: provider.capabilities.idempotency });
    }
  });
}

export function updateCustomer(input: UpdateInput, context: GraphContext): Promise<WriteResult> {
  const key = input.idempotencyKey ?? null;
  return once('updateCustomer', { ...input }, key, context, async () => {
    const given = Object.entries(input.changes).filter(([, value]) => value !== undefined);
    if (given.length === 0) throw new ValidationError('Nothing to change: give at least one field to update.', null);
    const resolution = await resolveTargets(input, context, { destructive: false, operationByExternalId: 'updateByExternalId' });
    // Validation passes whole or fails whole: every target is checked before any provider is written.
    for (const target of resolution.targets) {
      requireOperation(target.provider, target.target.kind === 'externalId' ? 'updateByExternalId' : 'update');
      validateChanges(target.provider, 'update', input.changes);
    }
    const outcomes = await writeEach(resolution, key, async (target) => {
      const customer = await context.gateway
        .limiter(target.provider.name)
        .run(() =>
          target.provider.updateCustomer!(target.target, input.changes, {
            signal: context.signal,
            idempotencyKey: key ?? undefined,
            current: target.current ?? undefined,
          }),
        );
      remember(context, target.provider, customer);
      return customer;
    });
    return { outcomes: singleOrThrow(outcomes, resolution.fanOut), replayed: false, idempotencyKey: key };
  });
}

export function deleteCustomer(input: TargetWriteInput, context: GraphContext): Promise<WriteResult> {
  const key = input.idempotencyKey ?? null;
  return once('deleteCustomer', { ...input }, key, context, async () => {
    const resolution = await resolveTargets(input, context, { destructive: true, operationByExternalId: 'deleteByExternalId' });
    if (!resolution.fanOut) {
      for (const target of resolution.targets) requireOperation(target.provider, target.target.kind === 'externalId' ? 'deleteByExternalId' : 'delete');
    }
    if (input.anonymize === true) {
      for (const target of resolution.targets) {
        if (target.provider.capabilities.anonymizeOnDelete !== true && target.provider.capabilities.operations.includes('delete')) {
          throw new ValidationError(`${target.provider.displayName} cannot anonymize on delete; leave anonymize out for it.`, 'anonymize', target.provider.name);
        }
      }
    }
    const outcomes = await writeEach(resolution, key, async (target) => {
      requireOperation(target.provider, target.target.kind === 'externalId' ? 'deleteByExternalId' : 'delete');
      const deleted = await context.gateway.limiter(target.provider.name).run(() =>
        target.provider.deleteCustomer!(target.target, {
          signal: context.signal,
          idempotencyKey: key ?? undefined,
          anonymize: input.anonymize ?? undefined,
        }),
      );
      const id = target.target.kind === 'id' ? target.target.id : (deleted?.providerId ?? target.current?.providerId ?? null);
      if (id !== null) forgetDeleted(context, target.provider, id);
      else context.loaders.customerByExternalId.clearAll();
      return deleted;
    });
    return { outcomes: singleOrThrow(outcomes, resolution.fanOut), replayed: false, idempotencyKey: key };
  });
}

export type LifecycleOperation = Extract<CustomerOperation, 'archive' | 'unarchive' | 'syncPaymentMethods'>;

/** Archive, unarchive and payment-method sync: one provider, or every holder when asked for explicitly. */
export function changeLifecycle(operation: LifecycleOperation, input: TargetWriteInput, context: GraphContext): Promise<WriteResult> {
  const key = input.idempotencyKey ?? null;
  return once(operation, { ...input }, key, context, async () => {
    if (input.anonymize != null) throw new ValidationError('anonymize applies to deleteCustomer only.', 'anonymize');
    const resolution = await resolveTargets(input, context, {
      destructive: operation === 'archive',
      operationByExternalId: operation === 'syncPaymentMethods' ? 'syncPaymentMethods' : undefined,
    });
    if (!resolution.fanOut) for (const target of resolution.targets) requireOperation(target.provider, operation);
    const outcomes = await writeEach(resolution, key, async (target): Promise<Customer | null> => {
      requireOperation(target.provider, operation);
      const options = { signal: context.signal, idempotencyKey: key ?? undefined };
      const limiter = context.gateway.limiter(target.provider.name);
      if (operation === 'syncPaymentMethods') {
        await limiter.run(() => target.provider.syncPaymentMethods!(target.target, options));
        // The sync answers with no body: read the customer again to show its payment methods now.
        context.loaders.customerByExternalId.clearAll();
        const customer =
          target.target.kind === 'id'
            ? (context.loaders.customer.clear({ provider: target.provider.name, id: target.target.id }), await context.loaders.customer.load({ provider: target.provider.name, id: target.target.id }))
            : await context.loaders.customerByExternalId.load({ provider: target.provider.name, externalId: target.target.externalId });
        return customer;
      }
      if (target.target.kind !== 'id') throw new UnsupportedOperationError(`${target.provider.displayName} cannot ${operation} by external ID.`, target.provider.name, operation);
      const id = target.target.id;
      const customer = await limiter.run(() =>
        operation === 'archive' ? target.provider.archiveCustomer!(id, options) : target.provider.unarchiveCustomer!(id, options),
      );
      remember(context, target.provider, customer);
      return customer;
    });
    return { outcomes: singleOrThrow(outcomes, resolution.fanOut), replayed: false, idempotencyKey: key };
  });
}
