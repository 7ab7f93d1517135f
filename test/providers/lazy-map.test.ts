import { describe, expect, it } from 'vitest';
import { mapOmiseCustomer } from '../../src/providers/omise/omise-map';
import { mapOrbCustomer } from '../../src/providers/orb/orb-map';
import { mapPolarCustomer } from '../../src/providers/polar/polar-map';
import { mapStiggCustomer } from '../../src/providers/stigg/stigg-map';
import { mapSyncteraCustomer } from '../../src/providers/synctera/synctera-map';
import type { Customer } from '../../src/providers/spec/provider';

/**
 * No per-row work nobody asked for: `raw` and `metadata` are the payload's own objects where they can be, and
 * built on first read where they cannot (a copy without the state lists or without `external_id`). Spreads and
 * JSON still see plain values.
 */

const isGetter = (customer: Customer, field: keyof Customer) => typeof Object.getOwnPropertyDescriptor(customer, field)?.get === 'function';

describe('cheap mapping', () => {
  it('Polar: raw is the payload itself, or built on first read without the state lists; metadata is not copied', () => {
    const payload = { id: 'c1', email: 'a@example.com', metadata: { plan: 'pro' }, created_at: '2026-01-01T00:00:00Z', external_id: 'u1' };
    const customer = mapPolarCustomer(payload);
    expect(customer.raw).toBe(payload);
    expect(customer.metadata).toBe(payload.metadata);

    const state = mapPolarCustomer({ ...payload, active_subscriptions: [], granted_benefits: [], active_meters: [] });
    expect(isGetter(state, 'raw')).toBe(true);
    expect(state.raw).toEqual(payload);
    expect(state.raw).toBe(state.raw);
    expect(JSON.parse(JSON.stringify({ ...state })).raw).toEqual(payload);
  });

  it('Omise and Synctera: externalId read at once, metadata without external_id built only when read', () => {
    const omise = mapOmiseCustomer({ id: 'cust_test_1', object: 'customer', deleted: false, metadata: { external_id: 'u1', tier: 'gold' }, cards: { data: [] } });
    expect(omise.externalId).toBe('u1');
    expect(isGetter(omise, 'metadata')).toBe(true);
    expect(isGetter(omise, 'embeddedState')).toBe(true);
    expect(omise.metadata).toEqual({ tier: 'gold' });
    expect(omise.metadata).toBe(omise.metadata);
    expect(omise.embeddedState).toEqual({ paymentMethods: [] });
    omise.metadata = { replaced: true };
    expect(omise.metadata).toEqual({ replaced: true });

    const synctera = mapSyncteraCustomer({ id: 's1', status: 'ACTIVE', first_name: 'Ada', last_name: 'L', metadata: { external_id: 'u2', a: 1 } } as never);
    expect(synctera.externalId).toBe('u2');
    expect(isGetter(synctera, 'metadata')).toBe(true);
    expect({ ...synctera }.metadata).toEqual({ a: 1 });
  });

  it('Orb and Stigg: metadata is the payload object, and JSON sees every field', () => {
    const payload = { id: 'o1', name: 'Ada', email: 'a@example.com', metadata: { k: 'v' }, balance: '1.00', currency: 'USD', created_at: '2026-01-01T00:00:00Z' };
    const orb = mapOrbCustomer(payload);
    expect(orb.metadata).toBe(payload.metadata);
    expect(JSON.parse(JSON.stringify(orb))).toMatchObject({ metadata: { k: 'v' }, embeddedState: { balance: { amount: '1.00', currency: 'USD' } } });
    const stigg = mapStiggCustomer({ id: 'st1', metadata: { k: 'v' } });
    expect({ ...stigg }).toMatchObject({ metadata: { k: 'v' }, raw: { id: 'st1', metadata: { k: 'v' } } });
  });
});
