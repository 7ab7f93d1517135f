import type { ReadCache } from '../cache/read-cache';
import type { Customer } from '../providers/spec/provider';
import type { CustomerChangeEvent } from '../providers/kit/webhooks';
import type { IdentityIndex } from '../routing/identity-index';
import type { ChangeFeed } from './change-feed';
import type { CustomerChangeMessage } from './customer-change';

export interface ChangeTargets {
  identityIndex: IdentityIndex;
  cache: ReadCache;
  feed: ChangeFeed;
  /** The customer from its provider, for an event that names it only (so subscribers by external ID hear it). */
  fetchCustomer(provider: string, id: string): Promise<Customer | null>;
}

/**
 * A provider's change, applied: the identity index follows the customer's external ID, the cache forgets the
 * customer (the next read asks the provider), and subscribers hear of it. Rejects when the cache cannot forget,
 * so the webhook is answered with an error and its provider delivers it again.
 */
export async function applyCustomerChange(targets: ChangeTargets, provider: string, change: CustomerChangeEvent, origin: CustomerChangeMessage['origin']): Promise<void> {
  const customer = change.customer ?? (change.kind === 'DELETED' ? null : await targets.fetchCustomer(provider, change.customerId).catch(() => null));
  if (targets.identityIndex.has(provider)) {
    if (change.kind === 'DELETED' || customer?.status === 'DELETED') await targets.identityIndex.forget(provider, change.customerId);
    else if (customer !== null) await targets.identityIndex.learn(provider, customer.externalId, change.customerId);
  }
  await targets.cache.drop(provider, change.customerId, customer?.externalId ? [customer.externalId] : []);
  await targets.feed.publish({
    kind: change.kind,
    provider,
    customerId: change.customerId,
    externalId: customer?.externalId ?? null,
    occurredAt: change.occurredAt.toISOString(),
    origin,
  });
}

