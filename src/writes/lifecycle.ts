import type { WriteContext } from './write-context';
import type { Customer, CustomerOperation } from '../providers/spec/provider';
import type { TargetWriteInput } from './delete-customer';
import { once } from './once';
import { remember, singleOrThrow, writeEach, type WriteResult } from './outcomes';
import { candidateProviders, resolveTargets } from './targets';
import { checkIdempotencyKey, requireOperation } from './validate';
import { UnsupportedOperationError, ValidationError } from './write-errors';

export type LifecycleOperation = Extract<CustomerOperation, 'archive' | 'unarchive' | 'syncPaymentMethods'>;

/** Archive, unarchive and payment-method sync: one provider, or every holder when asked for explicitly. */
export function changeLifecycle(operation: LifecycleOperation, input: TargetWriteInput, context: WriteContext): Promise<WriteResult> {
  const key = input.idempotencyKey ?? null;
  checkIdempotencyKey(input.idempotencyKey, candidateProviders(input, context));
  return once(operation, { ...input }, key, context, async () => {
    if (input.anonymize != null) throw new ValidationError('anonymize applies to deleteCustomer only.', 'anonymize');
    const resolution = await resolveTargets(input, context, {
      destructive: operation === 'archive',
      operationByExternalId: operation === 'syncPaymentMethods' ? 'syncPaymentMethods' : undefined,
    });
    if (!resolution.fanOut) for (const target of resolution.targets) requireOperation(target.provider, operation);
    const outcomes = await writeEach(resolution, key, async (target): Promise<Customer | null> => {
      const options = { signal: context.calls.signal, idempotencyKey: key ?? undefined };
      if (operation === 'syncPaymentMethods') {
        await requireOperation(target.provider, 'syncPaymentMethods')(target.target, options);
        // The sync answers with no body: read the customer again to show its payment methods now.
        context.loaders.customerByExternalId.clearAll();
        const customer =
          target.target.kind === 'id'
            ? (context.loaders.customer.clear({ provider: target.provider.name, id: target.target.id }), await context.loaders.customer.load({ provider: target.provider.name, id: target.target.id }))
            : await context.loaders.customerByExternalId.load({ provider: target.provider.name, externalId: target.target.externalId });
        return customer;
      }
      const change = requireOperation(target.provider, operation);
      if (target.target.kind !== 'id') throw new UnsupportedOperationError(`${target.provider.displayName} cannot ${operation} by external ID.`, target.provider.name, operation);
      const id = target.target.id;
      const customer = await change(id, options);
      await remember(context, target.provider, customer);
      return customer;
    });
    return { outcomes: singleOrThrow(outcomes, resolution.fanOut), replayed: false, idempotencyKey: key };
  });
}
