import type { WriteContext } from './write-context';
import type { Customer, CustomerChanges, CustomerProvider } from '../providers/spec/provider';
import { once } from './once';
import { remember, type WriteResult } from './outcomes';
import { checkIdempotencyKey, requireOperation, validateChanges } from './validate';
import { ConflictError, ProviderWriteError, toWriteError } from './write-errors';
import { ProviderError } from '../providers/spec/errors';
import { saidReplayed } from '../providers/kit/replay';

export interface CreateInput extends CustomerChanges {
  provider: string;
  idempotencyKey?: string | null;
}

export function createCustomer(input: CreateInput, context: WriteContext): Promise<WriteResult> {
  const key = input.idempotencyKey ?? null;
  return once('createCustomer', { ...input }, key, context, async (attempt) => {
    const provider = context.gateway.directory.get(input.provider);
    checkIdempotencyKey(key, [provider]);
    const create = requireOperation(provider, 'create');
    const { provider: _provider, idempotencyKey: _key, ...changes } = input;
    validateChanges(provider, 'create', changes);
    // Reconciling comes first: the record an earlier attempt made holds this external ID too, and is no conflict.
    const landed = key !== null && attempt.previous !== 'none' ? await reconcile(provider, key, context) : null;
    if (landed !== null) {
      await remember(context, provider, landed);
      return { outcomes: [{ provider: provider.name, customer: landed, error: null }], replayed: true, idempotencyKey: key };
    }
    try {
      // The index may still be building (or its provider failing): a typed error, bounded by the request's deadline.
      if (changes.externalId != null && context.gateway.identityIndex.has(provider.name)) {
        const existing = await context.gateway.identityIndex.lookup(provider.name, changes.externalId, context.calls.signal);
        if (existing !== null) {
          throw new ConflictError(`${provider.displayName} already holds externalId "${changes.externalId}" (${provider.name}:${existing}).`, provider.name);
        }
      }
      const sentAt = Date.now();
      const customer = await create(changes, { signal: context.calls.signal, idempotencyKey: key ?? undefined });
      await remember(context, provider, customer);
      // Only after an earlier call's unknown outcome: a replay among this call's own retries is still this call's record.
      const replayed = key !== null && attempt.previous !== 'none' && provider.limits.idempotency && (saidReplayed(customer.raw) || createdBefore(customer, sentAt));
      return { outcomes: [{ provider: provider.name, customer, error: null }], replayed, idempotencyKey: key };
    } catch (error) {
      // Either the provider honours the key or the gateway reconciles by it: a retry with the key never writes twice.
      throw toWriteError(error, { idempotencyKey: key, providerHonoursKey: provider.limits.idempotency || provider.writes?.findCreated !== undefined });
    }
  });
}

/** How far a provider's clock may run behind the gateway's without a fresh record looking older than the retry. */
const CLOCK_MARGIN_MS = 200;

/**
 * After an unknown outcome, a provider that honours the key answers the retry with the record an earlier attempt
 * made, if it landed, and says so (`Idempotent-Replayed`, Orb); Stigg and Synctera replay without saying. Their
 * record is judged by when it was made: created before this retry was sent (less a clock margin), it can only be
 * the earlier attempt's. Compared at the precision the provider reports: a time on a whole second may be a
 * provider that reports seconds only, so whole seconds are compared. A retry sent too soon after the lost attempt
 * for that to tell is reported `replayed: false`; either way nothing was written twice.
 */
function createdBefore(customer: Customer, sentAt: number): boolean {
  const created = customer.createdAt?.getTime();
  if (created === undefined) return false;
  const limit = sentAt - CLOCK_MARGIN_MS;
  return created % 1000 === 0 ? created < Math.floor(limit / 1000) * 1000 : created < limit;
}

/** What an earlier attempt under the key created, when the provider can tell (see `findCreated`). */
async function reconcile(provider: CustomerProvider, key: string, context: WriteContext): Promise<Customer | null> {
  const findCreated = provider.writes?.findCreated;
  if (findCreated === undefined) return null;
  try {
    return await findCreated(key, { signal: context.calls.signal });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    // Nothing is written while it cannot be known whether the first attempt landed; the outcome stays unknown, so
    // the ledger keeps the key and the next retry reconciles again.
    throw new ProviderWriteError(
      `${error.provider}: could not check whether the earlier attempt under idempotencyKey "${key}" created the customer (${error.message}). Nothing was written; retry with the same idempotencyKey.`,
      error.provider,
      error.status,
      true,
      true,
      key,
      `PROVIDER_${error.code}`,
    );
  }
}
