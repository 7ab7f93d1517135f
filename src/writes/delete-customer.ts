import type { WriteContext } from './write-context';
import { once } from './once';
import { forgetDeleted, singleOrThrow, writeEach, type WriteResult } from './outcomes';
import { candidateProviders, resolveTargets, type TargetInput } from './targets';
import { checkIdempotencyKey, requireOperation } from './validate';
import { ValidationError } from './write-errors';

export interface TargetWriteInput extends TargetInput {
  idempotencyKey?: string | null;
  anonymize?: boolean | null;
}

export function deleteCustomer(input: TargetWriteInput, context: WriteContext): Promise<WriteResult> {
  const key = input.idempotencyKey ?? null;
  checkIdempotencyKey(input.idempotencyKey, candidateProviders(input, context));
  return once('deleteCustomer', { ...input }, key, context, async () => {
    const resolution = await resolveTargets(input, context, { destructive: true, operationByExternalId: 'deleteByExternalId' });
    if (!resolution.fanOut) {
      for (const target of resolution.targets) requireOperation(target.provider, target.target.kind === 'externalId' ? 'deleteByExternalId' : 'delete');
    }
    if (input.anonymize === true) {
      for (const target of resolution.targets) {
        if (target.provider.limits.anonymizeOnDelete !== true && target.provider.writes?.delete !== undefined) {
          throw new ValidationError(`${target.provider.displayName} cannot anonymize on delete; leave anonymize out for it.`, 'anonymize', target.provider.name);
        }
      }
    }
    const outcomes = await writeEach(resolution, key, async (target) => {
      const options = { signal: context.calls.signal, idempotencyKey: key ?? undefined, anonymize: input.anonymize ?? undefined };
      const deleted =
        target.target.kind === 'externalId'
          ? await requireOperation(target.provider, 'deleteByExternalId')(target.target.externalId, options)
          : await requireOperation(target.provider, 'delete')(target.target.id, options);
      const id = target.target.kind === 'id' ? target.target.id : (deleted?.providerId ?? target.current?.providerId ?? null);
      if (id !== null) await forgetDeleted(context, target.provider, id);
      else context.loaders.customerByExternalId.clearAll();
      return deleted;
    });
    return { outcomes: singleOrThrow(outcomes, resolution.fanOut), replayed: false, idempotencyKey: key };
  });
}
