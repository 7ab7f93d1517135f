import type { WriteContext } from './write-context';
import type { Customer, CustomerProvider } from '../providers/spec/provider';
import type { Resolution, ResolvedTarget } from './targets';
import { toWriteError, ProviderWriteError, StateUnavailableWriteError, WriteError } from './write-errors';

/** One provider's result in a write: the customer as it is now (null after a delete), or the error. */
export interface WriteOutcome {
  provider: string;
  customer: Customer | null;
  error: Error | null;
}

export interface WriteResult {
  outcomes: WriteOutcome[];
  replayed: boolean;
  idempotencyKey: string | null;
}

/** What happens after a provider write, so the rest of the response and later lookups see the change. */
export async function remember(context: WriteContext, provider: CustomerProvider, customer: Customer): Promise<void> {
  context.loaders.forget({ provider: provider.name, id: customer.providerId });
  context.loaders.learn(customer);
  // Awaited, so another instance finds the customer by external ID as soon as this write answers.
  if (context.gateway.identityIndex.has(provider.name)) await context.gateway.identityIndex.learn(provider.name, customer.externalId, customer.providerId);
}

export async function forgetDeleted(context: WriteContext, provider: CustomerProvider, id: string): Promise<void> {
  context.loaders.forget({ provider: provider.name, id });
  if (context.gateway.identityIndex.has(provider.name)) await context.gateway.identityIndex.forget(provider.name, id);
}

/**
 * Runs a write on every resolved target at once and lists every outcome, success or failure. Lookup failures of a
 * fan-out are outcomes too: every provider the write touched, or tried to, appears in the list.
 */
export async function writeEach(
  resolution: Resolution,
  idempotencyKey: string | null,
  write: (target: ResolvedTarget) => Promise<Customer | null>,
): Promise<WriteOutcome[]> {
  const settled = await Promise.allSettled(resolution.targets.map((target) => write(target)));
  const outcomes: WriteOutcome[] = settled.map((result, index) => {
    const target = resolution.targets[index] as ResolvedTarget;
    if (result.status === 'fulfilled') return { provider: target.provider.name, customer: result.value, error: null };
    return {
      provider: target.provider.name,
      customer: null,
      error: toWriteError(result.reason, { idempotencyKey, providerHonoursKey: target.provider.limits.idempotency }),
    };
  });
  for (const failure of resolution.lookupFailures) {
    outcomes.push({ provider: failure.provider, customer: null, error: toWriteError(failure.error, { idempotencyKey, providerHonoursKey: false }) });
  }
  return outcomes;
}

/** A write that targeted one provider returns its error as the mutation's result instead of a one-item list. */
export function singleOrThrow(outcomes: WriteOutcome[], fanOut: boolean): WriteOutcome[] {
  const [only] = outcomes;
  if (!fanOut && outcomes.length === 1 && only?.error != null) throw only.error;
  return outcomes;
}

/** A result worth replaying for the same key: nothing in it may have happened without our knowing. */
export function isSettled(result: WriteResult): boolean {
  return result.outcomes.every(
    (outcome) =>
      outcome.error === null ||
      (outcome.error instanceof WriteError &&
        !(outcome.error instanceof StateUnavailableWriteError) &&
        !(outcome.error instanceof ProviderWriteError && (outcome.error.outcomeUnknown || outcome.error.retryable))),
  );
}

/** Whether an unsettled result may have changed anything: a success, or a failure whose outcome is unknown. */
export function hasEffect(result: WriteResult): boolean {
  return result.outcomes.some((outcome) => outcome.error === null || (outcome.error instanceof ProviderWriteError && outcome.error.outcomeUnknown));
}
