import { describe, expect, it } from 'vitest';
import { defineProvider } from '../../src/providers/kit/define-provider';
import { malformed } from '../../src/providers/kit/payload';
import { ProviderError } from '../../src/providers/spec/errors';
import type { Customer, CustomerProvider, ListRequest, ProviderLimits } from '../../src/providers/spec/provider';
import { rejection } from '../support/rejection';

/**
 * The kit's wrapper, over an adapter whose API is a list of calls: what `defineProvider` answers itself, what it
 * refuses before the adapter is called, and what it makes of the adapter's answers.
 */
const limits: ProviderLimits = {
  listFilters: ['email'],
  maxPageSize: 50,
  defaultPageSize: 10,
  totalCount: false,
  writableFields: { create: ['email', 'name'], update: ['name'] },
  requiredOnCreate: [],
  providerFields: { create: ['tier'], update: [] },
  idempotency: true,
  inputRules: [{ field: 'name', writes: ['create', 'update'], problem: (value) => (String(value).length > 5 ? 'name is too long' : null) }],
  alternatives: {},
  absentStatuses: [422],
};

function customer(id: string): Customer {
  return {
    provider: 'acme', providerId: id, externalId: null, email: null, name: null, status: 'ACTIVE', providerStatus: null, createdAt: new Date(0),
    updatedAt: null, currency: null, timezone: null, metadata: {}, billingAddress: null, raw: {}, embeddedState: null,
  };
}

function acme(failure: () => unknown = () => null) {
  const calls: string[] = [];
  const fail = () => {
    const error = failure();
    if (error !== null) throw error;
  };
  const provider: CustomerProvider = defineProvider({
    name: 'acme',
    displayName: 'Acme',
    limits,
    customers: {
      get: async (id) => (calls.push(`get ${id}`), fail(), customer(id)),
      batch: { maxIds: 2, get: async (ids) => (calls.push(`batch ${ids.join(',')}`), ids.map(customer)) },
      byExternalId: { kind: 'native', get: async (externalId) => (calls.push(`external ${externalId}`), fail(), customer(externalId)) },
      list: async (request: ListRequest) => (calls.push(`list ${request.limit}`), { customers: [], nextCursor: null, totalCount: null }),
    },
    writes: {
      create: async (changes) => (calls.push(`create ${JSON.stringify(changes)}`), fail(), customer('new')),
      update: async (id) => (calls.push(`update ${id}`), fail(), customer(id)),
    },
  });
  return { provider, calls };
}

describe('defineProvider: one-customer reads', () => {
  it('answers an empty or blank id with null without calling the adapter', async () => {
    const { provider, calls } = acme();
    expect(await provider.customers.get('')).toBeNull();
    expect(await provider.customers.get('  ')).toBeNull();
    const lookup = provider.customers.byExternalId;
    if (lookup.kind !== 'native') throw new Error('native lookup expected');
    expect(await lookup.get('')).toBeNull();
    expect(calls).toEqual([]);
  });

  it('answers null for a 404, NOT_FOUND or a declared absent status, and passes every other failure on', async () => {
    for (const status of [404, 422]) {
      const { provider } = acme(() => new ProviderError({ provider: 'acme', code: status === 404 ? 'NOT_FOUND' : 'VALIDATION', status, message: 'no' }));
      expect(await provider.customers.get('x'), String(status)).toBeNull();
    }
    const { provider } = acme(() => new ProviderError({ provider: 'acme', code: 'VALIDATION', status: 400, message: 'bad' }));
    expect(await rejection(provider.customers.get('x'))).toMatchObject({ code: 'VALIDATION', status: 400 });
  });
});

describe('defineProvider: lists and batches', () => {
  it('refuses a filter the provider lacks as UNSUPPORTED naming it, as a rejected promise, without a call', async () => {
    const { provider, calls } = acme();
    const refused = provider.customers.list({ limit: 5, cursor: null, filter: { search: 'x' } });
    expect(await rejection(refused)).toMatchObject({ code: 'UNSUPPORTED', field: 'search', provider: 'acme', message: 'Acme cannot filter customers by search' });
    await provider.customers.list({ limit: 5, cursor: null, filter: { email: 'a@example.com', search: null } });
    expect(calls).toEqual(['list 5']);
  });

  it('clamps the page size to the maximum, to at least 1, and to the default when none is usable', async () => {
    const { provider, calls } = acme();
    for (const limit of [500, 0, 7.9, Number.NaN]) await provider.customers.list({ limit, cursor: null, filter: {} });
    expect(calls).toEqual(['list 50', 'list 1', 'list 7', 'list 10']);
  });

  it('sends a batch de-duplicated, in chunks of the provider\'s maximum, and nothing for no ids', async () => {
    const { provider, calls } = acme();
    expect(await provider.customers.batch?.get([])).toEqual([]);
    const found = await provider.customers.batch?.get(['a', 'b', 'a', 'c']);
    expect(found?.map((entry) => entry.providerId)).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual(['batch a,b', 'batch c']);
  });
});

describe('defineProvider: writes', () => {
  it('refuses, before any call, a field it cannot store, a provider field it does not take and a broken input rule', async () => {
    const { provider, calls } = acme();
    expect(await rejection(provider.writes!.create!({ email: 'a@example.com', timezone: 'UTC' }))).toMatchObject({ code: 'VALIDATION', field: 'timezone' });
    expect(await rejection(provider.writes!.update!('x', { email: 'a@example.com' }))).toMatchObject({ code: 'VALIDATION', field: 'email' });
    expect(await rejection(provider.writes!.create!({ providerFields: { colour: 'red' } }))).toMatchObject({ code: 'VALIDATION', field: 'providerFields.colour' });
    expect(await rejection(provider.writes!.create!({ name: 'Too long' }))).toMatchObject({ code: 'VALIDATION', field: 'name', message: 'Acme: name is too long.' });
    expect(calls).toEqual([]);
    await provider.writes!.create!({ email: 'a@example.com', name: 'Ann', providerFields: { tier: 'gold' } });
    expect(calls).toHaveLength(1);
  });

  it('keeps absent operations absent', () => {
    const { provider } = acme();
    expect(Object.keys(provider.writes ?? {}).sort()).toEqual(['create', 'update']);
  });

  it('gives an unreadable answer to a write an unknown outcome, and leaves a read\'s alone', async () => {
    const { provider } = acme(() => malformed('acme', 'Acme answered with a customer without an id'));
    expect(await rejection(provider.writes!.update!('x', { name: 'Bo' }))).toMatchObject({ code: 'MALFORMED_RESPONSE', retryable: true, outcomeUnknown: true });
    expect(await rejection(provider.customers.get('x'))).toMatchObject({ code: 'MALFORMED_RESPONSE', retryable: true, outcomeUnknown: false });
  });
});
