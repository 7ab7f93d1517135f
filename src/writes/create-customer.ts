import type { WriteContext } from './write-context';
import type { CustomerChanges } from '../providers/spec/provider';
import { once } from './once';
import { remember, type WriteResult } from './outcomes';
import { checkIdempotencyKey, requireOperation, validateChanges } from './validate';
import { ConflictError, toWriteError } from './write-errors';

export interface CreateInput extends CustomerChanges {
  provider: string;
  idempotencyKey?: string | null;
}

export function createCustomer(input: CreateInput, context: WriteContext): Promise<WriteResult> {
  const key = input.idempotencyKey ?? null;
  return once('createCustomer', { ...input }, key, context, async () => {
    const provider = context.gateway.directory.get(input.provider);
    checkIdempotencyKey(key, [provider]);
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
      const customer = await provider.createCustomer!(changes, { signal: context.signal, idempotencyKey: key ?? undefined });
      await remember(context, provider, customer);
      return { outcomes: [{ provider: provider.name, customer, error: null }], replayed: false, idempotencyKey: key };
    } catch (error) {
      throw toWriteError(error, { idempotencyKey: key, providerHonoursKey: provider.capabilities.idempotency });
    }
  });
}
