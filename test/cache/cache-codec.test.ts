import { describe, expect, it } from 'vitest';
import { decodeCached, encodeCached } from '../../src/cache/cache-codec';
import { providerNames } from '../../src/providers/provider-names';
import type { Customer } from '../../src/providers/spec/provider';
import { adaptersUnderTest } from '../support/provider-setup';

const { adapter } = await adaptersUnderTest('all', { people: 150, resetBeforeEach: false });

/** A customer as plain data, every lazy field read, as `JSON.stringify` and the graph see it. */
const plain = (customer: Customer): Customer => ({ ...customer, fetchedAt: new Date('2026-11-30T12:00:00.500Z') });

/** Every `Date` in a value, by the path of field names that leads to it (array indexes left out). */
function datePaths(value: unknown, path = '', found = new Set<string>()): Set<string> {
  if (value instanceof Date) found.add(path);
  else if (Array.isArray(value)) for (const item of value) datePaths(item, path, found);
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) datePaths(item, `${path}.${key}`, found);
  return found;
}

describe('read cache codec', () => {
  it('every provider\'s customers, states and entitlements read back exactly as stored, dates as Dates', async () => {
    const dates = new Set<string>();
    for (const name of providerNames) {
      const provider = adapter(name, 'sandbox-key');
      const page = await provider.customers.list({ limit: 25, cursor: null, filter: {} });
      expect(page.customers.length).toBeGreaterThan(0);
      for (const customer of page.customers.map(plain)) {
        expect(decodeCached('customer', encodeCached(customer))).toStrictEqual(customer);
        for (const path of datePaths(customer)) dates.add(`customer${path}`);
        if (provider.state !== undefined) {
          const state = await provider.state.get(customer.providerId);
          const stored = { ...state, customer: state.customer === null ? null : plain(state.customer) };
          expect(decodeCached('state', encodeCached(stored))).toStrictEqual(stored);
          for (const path of datePaths(stored)) dates.add(`state${path}`);
        }
        if (provider.entitlements !== undefined) {
          const entitlements = await provider.entitlements.get(customer.providerId);
          expect(decodeCached('entitlements', encodeCached(entitlements))).toStrictEqual(entitlements);
          for (const path of datePaths(entitlements)) dates.add(`entitlements${path}`);
        }
      }
    }
    // The sandbox's data exercised every date field the codec revives, so a field it missed would have failed above.
    expect([...dates].sort()).toEqual(
      expect.arrayContaining([
        'customer.createdAt',
        'customer.updatedAt',
        'customer.fetchedAt',
        'state.state.subscriptions.currentPeriodStart',
        'state.state.subscriptions.currentPeriodEnd',
        'state.state.subscriptions.startedAt',
        'state.state.entitlements.resetsAt',
        'state.customer.createdAt',
        'entitlements.entitlements.resetsAt',
      ]),
    );
  });

  it('an external-ID pointer is the id itself', () => {
    expect(decodeCached('external', encodeCached('cus_123'))).toBe('cus_123');
  });
});
