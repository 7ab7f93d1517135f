import DataLoader from 'dataloader';
import type { Customer } from '../providers/spec/provider';
import { formatGlobalId, type CustomerKey } from '../routing/global-id';
import type { LoaderEnvironment } from './environment';
import { tracedBatch } from './traced-batch';

/** Splits keys by provider, keeping each key's position so results can be put back in order. */
export function groupByProvider<K extends { provider: string }>(keys: readonly K[]): Map<string, { key: K; position: number }[]> {
  const groups = new Map<string, { key: K; position: number }[]>();
  keys.forEach((key, position) => {
    const group = groups.get(key.provider) ?? [];
    group.push({ key, position });
    groups.set(key.provider, group);
  });
  return groups;
}

/**
 * Customers by (provider, id). A provider with a many-ids endpoint gets one call per `batchSize` ids; the others
 * one call per distinct id, all in parallel (the HTTP layer paces them to the provider's rate budget). The result is aligned with the
 * keys: a customer, null when the provider has none, or the error for that key.
 */
export function createCustomerLoader(environment: LoaderEnvironment): DataLoader<CustomerKey, Customer | null, string> {
  return new DataLoader<CustomerKey, Customer | null, string>(
    tracedBatch('customer', async (keys) => {
      const results: (Customer | null | Error)[] = new Array(keys.length).fill(null);
      await Promise.all(
        [...groupByProvider(keys)].map(async ([name, everyKey]) => {
          const provider = environment.directory.get(name);
          const listed = await environment.listings.listed(name, everyKey.map((entry) => entry.key));
          const group = everyKey.filter((entry) => {
            const customer = listed.get(formatGlobalId(entry.key));
            if (customer !== undefined) results[entry.position] = customer;
            return customer === undefined;
          });
          if (group.length === 0) return;
          const batch = provider.customers.batch;
          if (batch !== undefined && batch.maxIds > 1) {
            const batchSize = batch.maxIds;
            const chunks: (typeof group)[] = [];
            for (let start = 0; start < group.length; start += batchSize) chunks.push(group.slice(start, start + batchSize));
            await Promise.all(
              chunks.map(async (chunk) => {
                try {
                  const found = await batch.get(chunk.map((entry) => entry.key.id), environment.calls);
                  const byId = new Map(found.map((customer) => [customer.providerId, customer]));
                  for (const entry of chunk) results[entry.position] = byId.get(entry.key.id) ?? null;
                } catch (error) {
                  for (const entry of chunk) results[entry.position] = error as Error;
                }
              }),
            );
            return;
          }
          await Promise.all(
            group.map(async (entry) => {
              try {
                results[entry.position] = await provider.customers.get(entry.key.id, environment.calls);
              } catch (error) {
                results[entry.position] = error as Error;
              }
            }),
          );
        }),
      );
      return results;
    }),
    { cacheKeyFn: formatGlobalId },
  );
}

export interface ExternalKey {
  provider: string;
  externalId: string;
}

/**
 * Customers by (provider, external ID): the provider's native lookup, its customer id, or the identity index
 * followed by the by-id loader. Found customers prime the by-id loader, so asking again by id costs nothing.
 */
export function createExternalIdLoader(
  environment: LoaderEnvironment,
  byId: DataLoader<CustomerKey, Customer | null, string>,
): DataLoader<ExternalKey, Customer | null, string> {
  return new DataLoader<ExternalKey, Customer | null, string>(
    tracedBatch('customerByExternalId', (keys) =>
      Promise.all(
        keys.map(async (key): Promise<Customer | null | Error> => {
          try {
            const provider = environment.directory.get(key.provider);
            const lookup = provider.customers.byExternalId;
            switch (lookup.kind) {
              case 'customer-id':
                return await byId.load({ provider: key.provider, id: key.externalId });
              case 'index': {
                const id = await environment.identityIndex.lookup(key.provider, key.externalId, environment.calls.signal);
                if (id === null) return null;
                const customer = await byId.load({ provider: key.provider, id });
                // The index can trail a change made outside the gateway: trust only a matching payload.
                return customer !== null && customer.externalId === key.externalId ? customer : null;
              }
              case 'native': {
                const customer = await lookup.get(key.externalId, environment.calls);
                if (customer !== null) byId.prime({ provider: key.provider, id: customer.providerId }, customer);
                return customer;
              }
            }
          } catch (error) {
            return error as Error;
          }
        }),
      )),
    { cacheKeyFn: (key) => `${key.provider}:${key.externalId}` },
  );
}
