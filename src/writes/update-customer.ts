import type { WriteContext } from './write-context';
import type { CustomerChanges } from '../providers/spec/provider';
import { once } from './once';
import { remember, singleOrThrow, writeEach, type WriteResult } from './outcomes';
import { candidateProviders, resolveTargets, type TargetInput } from './targets';
import { checkIdempotencyKey, requireOperation, validateChanges } from './validate';
import { ValidationError } from './write-errors';

export interface UpdateInput extends TargetInput {
  changes: CustomerChanges;
  idempotencyKey?: string | null;
}

export function updateCustomer(input: UpdateInput, context: WriteContext): Promise<WriteResult> {
  const key = input.idempotencyKey ?? null;
  checkIdempotencyKey(input.idempotencyKey, candidateProviders(input, context));
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
      const options = { signal: context.calls.signal, idempotencyKey: key ?? undefined, current: target.current ?? undefined };
      const customer =
        target.target.kind === 'externalId'
          ? await requireOperation(target.provider, 'updateByExternalId')(target.target.externalId, input.changes, options)
          : await requireOperation(target.provider, 'update')(target.target.id, input.changes, options);
      await remember(context, target.provider, customer);
      return customer;
    });
    return { outcomes: singleOrThrow(outcomes, resolution.fanOut), replayed: false, idempotencyKey: key };
  });
}
