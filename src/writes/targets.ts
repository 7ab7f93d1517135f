import type { WriteContext } from './write-context';
import type { Customer, CustomerOperation, CustomerProvider, CustomerTarget } from '../providers/spec/provider';
import { askHolders } from '../loaders/holders';
import { parseGlobalId } from '../routing/global-id';
import { checkIdentifier } from '../routing/identifier-rules';
import { NotFoundError, ValidationError } from './write-errors';

/** Who a write is for, as the caller gave it. */
export interface TargetInput {
  id?: string | null;
  externalId?: string | null;
  provider?: string | null;
  allProviders?: boolean | null;
}

/** One provider's part of a write: the adapter, how to address the customer there, and what we know of it. */
export interface ResolvedTarget {
  provider: CustomerProvider;
  target: CustomerTarget;
  /** The customer as last read in this request, when it was read (fan-out reads it to know who holds the person). */
  current: Customer | null;
}

export interface Resolution {
  targets: ResolvedTarget[];
  /** Providers whose lookup failed during a fan-out: reported as failed outcomes, never skipped silently. */
  lookupFailures: { provider: string; error: unknown }[];
  fanOut: boolean;
}

/**
 * Routes a write: by global ID prefix; by external ID at one provider (its native by-external-id endpoint, the
 * customer id, or the identity index); or by external ID alone to every provider that holds the person.
 * `operationByExternalId` names the native by-external-id operation to prefer where the provider has it.
 */
export async function resolveTargets(
  input: TargetInput,
  context: WriteContext,
  options: { destructive: boolean; operationByExternalId?: CustomerOperation },
): Promise<Resolution> {
  const directory = context.gateway.directory;
  const hasId = input.id != null && input.id !== '';
  const hasExternalId = input.externalId != null && input.externalId !== '';
  if (hasId === hasExternalId) throw new ValidationError('Give exactly one of id and externalId.', hasId ? 'externalId' : 'id');
  if (hasId) {
    if (input.provider != null) throw new ValidationError('provider goes with externalId; an id already names its provider.', 'provider');
    const key = parseGlobalId(String(input.id), directory);
    return { targets: [{ provider: directory.get(key.provider), target: { kind: 'id', id: key.id }, current: null }], lookupFailures: [], fanOut: false };
  }
  const externalId = checkIdentifier(String(input.externalId), 'externalId');
  if (input.provider != null) {
    const provider = directory.get(input.provider);
    return { targets: [await targetAt(provider, externalId, context, options.operationByExternalId)], lookupFailures: [], fanOut: false };
  }
  if (options.destructive && input.allProviders !== true) {
    throw new ValidationError(
      `A destructive write by externalId alone reaches every provider that holds "${externalId}": name a provider, or set allProviders: true to mean it.`,
      'allProviders',
    );
  }
  const resolution: Resolution = { targets: [], lookupFailures: [], fanOut: true };
  for (const answer of await askHolders(externalId, context.gateway, context.loaders)) {
    if (answer.error !== null) resolution.lookupFailures.push({ provider: answer.provider, error: answer.error });
    else if (answer.customer !== null) {
      resolution.targets.push({ provider: directory.get(answer.provider), target: { kind: 'id', id: answer.customer.providerId }, current: answer.customer });
    }
  }
  if (resolution.targets.length === 0 && resolution.lookupFailures.length === 0) {
    throw new NotFoundError(`No provider holds a customer with externalId "${externalId}".`);
  }
  return resolution;
}

async function targetAt(provider: CustomerProvider, externalId: string, context: WriteContext, native?: CustomerOperation): Promise<ResolvedTarget> {
  const lookup = provider.customers.byExternalId.kind;
  if (lookup === 'customer-id') return { provider, target: { kind: 'id', id: externalId }, current: null };
  if (lookup === 'native' && native !== undefined && provider.writes?.[native] !== undefined) {
    return { provider, target: { kind: 'externalId', externalId }, current: null };
  }
  const customer = await context.loaders.customerByExternalId.load({ provider: provider.name, externalId });
  if (customer === null) throw new NotFoundError(`${provider.displayName} holds no customer with externalId "${externalId}".`, provider.name);
  return { provider, target: { kind: 'id', id: customer.providerId }, current: customer };
}

/** The providers a write may reach, known before any lookup: the id's prefix, the named provider, or all. */
export function candidateProviders(input: TargetInput, context: WriteContext): CustomerProvider[] {
  const directory = context.gateway.directory;
  if (input.id != null && input.id !== '') return [directory.get(parseGlobalId(String(input.id), directory).provider)];
  if (input.provider != null) return [directory.get(input.provider)];
  return directory.providers();
}
